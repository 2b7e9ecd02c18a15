using Slipway.Containers.Manifests;
using Slipway.Containers.Registry;
using Slipway.Containers.Tests.Infrastructure;

namespace Slipway.Containers.Tests.Registry;

[Collection(RegistryCollection.Name)]
public sealed class RegistryClientConfigTest(RegistryPair registries) : IDisposable
{
    const string Commit = "0123456789abcdef0123456789abcdef01234567";

    readonly RegistryClient _client = registries.Source.Client();

    public void Dispose() => _client.Dispose();

    static string NewRepository() => "test/config-" + Guid.NewGuid().ToString("N")[..8];

    static Dictionary<string, string> Labels() => new() { [OciLabels.Revision] = Commit, [OciLabels.Version] = "1.4.0", ["team"] = "platform" };

    [Fact]
    public async Task TestGetImageConfig_SingleImage_ReadsLabels()
    {
        var repository = NewRepository();
        var pushed = await TestImages.PushLabelledImageAsync(_client, repository, "1.4.0", Labels());

        var config = await _client.GetImageConfigAsync(repository, "1.4.0");

        Assert.NotNull(config);
        Assert.Equal(pushed.Digest, config.ManifestDigest);
        Assert.Equal(Commit, config.Revision);
        Assert.Equal("1.4.0", config.Version);
        Assert.Equal("platform", config.Labels["team"]);
        Assert.Equal(3, config.Labels.Count);
    }

    [Fact]
    public async Task TestGetImageConfig_Index_ReadsAmd64ChildAndKeepsIndexDigest()
    {
        var repository = NewRepository();
        var (index, _, _) = await TestImages.PushIndexAsync(_client, repository, "multi", Labels());

        var byTag = await _client.GetImageConfigAsync(repository, "multi");
        var byDigest = await _client.GetImageConfigAsync(repository, index.Digest);

        Assert.NotNull(byTag);
        Assert.Equal(index.Digest, byTag.ManifestDigest);
        Assert.Equal("amd64", byTag.Labels["test.architecture"]);
        Assert.Equal(Commit, byTag.Revision);
        Assert.Equal(index.Digest, byDigest!.ManifestDigest);
        Assert.Equal("amd64", byDigest.Labels["test.architecture"]);
    }

    [Fact]
    public async Task TestGetImageConfig_MissingTagOrRepository_Null()
    {
        var repository = NewRepository();
        await TestImages.PushLabelledImageAsync(_client, repository, "1", Labels());

        Assert.Null(await _client.GetImageConfigAsync(repository, "missing"));
        Assert.Null(await _client.GetImageConfigAsync(repository, "sha256:" + new string('0', 64)));
        Assert.Null(await _client.GetImageConfigAsync(NewRepository(), "1"));
    }

    [Fact]
    public async Task TestGetImageConfig_ConfigWithoutLabels_Empty()
    {
        var repository = NewRepository();
        var pushed = await TestImages.PushLabelledImageAsync(_client, repository, "bare", labels: null);

        var config = await _client.GetImageConfigAsync(repository, "bare");

        Assert.NotNull(config);
        Assert.Equal(pushed.Digest, config.ManifestDigest);
        Assert.Empty(config.Labels);
        Assert.Null(config.Revision);
        Assert.Null(config.Version);
    }

    [Fact]
    public async Task TestGetImageConfig_RefusedCredentials_Throws()
    {
        using var stranger = new RegistryClient(registries.Source.Host, new RegistryCredentials("mallory", "wrong"));

        var error = await Assert.ThrowsAsync<RegistryException>(() => stranger.GetImageConfigAsync(NewRepository(), "1"));

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, error.Status);
    }
}
