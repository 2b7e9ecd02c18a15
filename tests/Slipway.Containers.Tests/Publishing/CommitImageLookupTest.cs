using Slipway.Containers.Manifests;
using Slipway.Containers.Publishing;
using Slipway.Containers.References;
using Slipway.Containers.Registry;
using Slipway.Containers.Tests.Infrastructure;

namespace Slipway.Containers.Tests.Publishing;

/// <summary>The build-once check against a real registry.</summary>
[Collection(RegistryCollection.Name)]
public sealed class CommitImageLookupTest(RegistryPair registries) : IDisposable
{
    const string Commit = "0123456789abcdef0123456789abcdef01234567";
    const string Other = "fedcba9876543210fedcba9876543210fedcba98";

    readonly RegistryClient _client = registries.Source.Client();

    public void Dispose() => _client.Dispose();

    ImageReference Image(string repository, string tag) => ImageReference.Parse($"{registries.Source.Host}/{repository}:{tag}");

    static string NewRepository() => "test/lookup-" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task TestFind_TheCommitsImageIsBuiltFromTheCommit()
    {
        var repository = NewRepository();
        var pushed = await TestImages.PushLabelledImageAsync(_client, repository, "1.0.0-snapshot-1", new Dictionary<string, string> { [OciLabels.Revision] = Commit });

        var found = await CommitImageLookup.FindAsync(_client, Image(repository, "1.0.0-snapshot-1"), Commit, uncommittedChanges: 0);
        var other = await CommitImageLookup.FindAsync(_client, Image(repository, "1.0.0-snapshot-1"), Other, uncommittedChanges: 0);

        Assert.Equal(CommitImageStatus.BuiltFromCommit, found.Status);
        Assert.Equal(pushed.Digest, found.Existing!.ManifestDigest);
        Assert.Equal(CommitImageStatus.BuiltFromOtherCommit, other.Status);
        Assert.Equal(Commit, other.Existing!.Revision);
    }

    [Fact]
    public async Task TestFind_AMissingTagOrRepositoryIsMissing()
    {
        var repository = NewRepository();
        await TestImages.PushLabelledImageAsync(_client, repository, "1.0.0", new Dictionary<string, string> { [OciLabels.Revision] = Commit });

        Assert.Equal(CommitImageStatus.Missing, (await CommitImageLookup.FindAsync(_client, Image(repository, "2.0.0"), Commit, 0)).Status);
        Assert.Equal(CommitImageStatus.Missing, (await CommitImageLookup.FindAsync(_client, Image(NewRepository(), "1.0.0"), Commit, 0)).Status);
    }

    [Fact]
    public async Task TestFind_UncommittedChangesDoNotAskTheRegistry()
    {
        using var nobody = new RegistryClient("127.0.0.1:9", new RegistryCredentials("x", "y"));
        var found = await CommitImageLookup.FindAsync(nobody, ImageReference.Parse("127.0.0.1:9/svc:1.0.0"), Commit, uncommittedChanges: 2);
        Assert.Equal(CommitImageStatus.WorkTreeChanged, found.Status);
    }

    [Fact]
    public async Task TestFind_ARegistryThatDoesNotAnswerIsUnreadableNotAnError()
    {
        using var nobody = new RegistryClient("127.0.0.1:9", new RegistryCredentials("x", "y"), new RegistryClientOptions { MaxAttempts = 1 });
        var found = await CommitImageLookup.FindAsync(nobody, ImageReference.Parse("127.0.0.1:9/svc:1.0.0"), Commit, uncommittedChanges: 0);
        Assert.Equal(CommitImageStatus.Unreadable, found.Status);
        Assert.False(string.IsNullOrEmpty(found.Error));
    }
}
