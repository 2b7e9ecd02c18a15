using Slipway.Containers.Manifests;
using Slipway.Containers.Publishing;
using Slipway.Containers.References;
using Slipway.Containers.Registry;
using Slipway.Containers.Tests.Infrastructure;

namespace Slipway.Containers.Tests.Publishing;

/// <summary>The image a deploy runs: this commit's pushed record, or a released tag pinned to its digest in a real registry.</summary>
[Collection(RegistryCollection.Name)]
public sealed class DeployImageTest(RegistryPair registries) : IDisposable
{
    const string Commit = "0123456789abcdef0123456789abcdef01234567";
    const string Digest = "sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

    readonly RegistryClient _client = registries.Source.Client();
    readonly string _folder = Directory.CreateTempSubdirectory("slipway-deploy-image-").FullName;

    public void Dispose()
    {
        _client.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task TestFromRecord_ThisCommitsRecord_PinnedToItsDigest()
    {
        var path = Path.Combine(_folder, "image.json");
        await new PushedImageRecord("registry.local/orders:1.4.0-snapshot-3", Digest, Commit, "1.4.0-alpha.3", ImagePushOutcome.Pushed).WriteAsync(path);

        Assert.Equal($"registry.local/orders:1.4.0-snapshot-3@{Digest}", (await DeployImage.FromRecordAsync(path, Commit))!.ToString());
        Assert.Null(await DeployImage.FromRecordAsync(path, "fedcba9876543210fedcba9876543210fedcba98"));
        Assert.Null(await DeployImage.FromRecordAsync(Path.Combine(_folder, "missing.json"), Commit));
    }

    [Fact]
    public async Task TestReleased_TagPinnedToTheDigestItNames()
    {
        var repository = "test/released-" + Guid.NewGuid().ToString("N")[..8];
        var pushed = await TestImages.PushLabelledImageAsync(_client, repository, "1.4.0", new Dictionary<string, string> { [OciLabels.Revision] = Commit });

        var image = await DeployImage.ReleasedAsync(_client, ImageReference.Parse($"{registries.Source.Host}/{repository}:1.4.0"));

        Assert.Equal(pushed.Digest, image.Digest);
        Assert.Equal("1.4.0", image.Tag);
    }

    [Fact]
    public async Task TestReleased_MissingTag_SaysToPromoteFirst()
    {
        var missing = ImageReference.Parse($"{registries.Source.Host}/test/none-{Guid.NewGuid():N}:1.4.0");

        var error = await Assert.ThrowsAsync<RegistryException>(() => DeployImage.ReleasedAsync(_client, missing));

        Assert.Contains($"'{missing}' is not in the release registry", error.Message);
        Assert.Contains("PromoteRelease", error.Message);
    }

    [Fact]
    public async Task TestFindReleased_MissingRepositoryOrTag_IsNull()
    {
        var repository = "test/find-released-" + Guid.NewGuid().ToString("N")[..8];
        var pushed = await TestImages.PushLabelledImageAsync(_client, repository, "1.4.0", new Dictionary<string, string> { [OciLabels.Revision] = Commit });

        Assert.Null(await DeployImage.FindReleasedAsync(_client, ImageReference.Parse($"{registries.Source.Host}/test/none-{Guid.NewGuid():N}:1.4.0")));
        Assert.Null(await DeployImage.FindReleasedAsync(_client, ImageReference.Parse($"{registries.Source.Host}/{repository}:1.5.0")));
        Assert.Equal(pushed.Digest, (await DeployImage.FindReleasedAsync(_client, ImageReference.Parse($"{registries.Source.Host}/{repository}:1.4.0")))!.Digest);
    }
}
