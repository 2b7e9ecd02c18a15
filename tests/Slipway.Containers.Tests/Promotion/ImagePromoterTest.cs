using System.Net;
using Slipway.Containers.Manifests;
using Slipway.Containers.Promotion;
using Slipway.Containers.References;
using Slipway.Containers.Registry;
using Slipway.Containers.Tests.Infrastructure;

namespace Slipway.Containers.Tests.Promotion;

/// <summary>Promotions from a development registry (the pair's source) to a production registry (its destination).</summary>
[Collection(RegistryCollection.Name)]
public sealed partial class ImagePromoterTest(RegistryPair registries) : IDisposable
{
    const string CandidateCommit = "c0ffee0000000000000000000000000000000001";
    const string ReleasedCommit = "01d0000000000000000000000000000000000002";

    readonly RegistryClient _development = registries.Source.Client();
    readonly RegistryClient _production = registries.Destination.Client();
    readonly string _repository = "test/promote-" + Guid.NewGuid().ToString("N")[..8];

    public void Dispose()
    {
        _development.Dispose();
        _production.Dispose();
    }

    ImagePromoter Promoter(RegistryClient? productionClient = null)
    {
        var prod = productionClient ?? _production;
        return new ImagePromoter(host => host == _development.Registry ? _development : host == prod.Registry ? prod
            : throw new InvalidOperationException($"No client for '{host}'."));
    }

    ImagePromotionRequest Request(string? productionHost = null) => new(
        ImageReference.Parse($"{registries.Source.Host}/{_repository}:1.4.0-rc.1"),
        ImageReference.Parse($"{productionHost ?? registries.Destination.Host}/{_repository}:1.4.0"));

    static Dictionary<string, string> Labels(string commit) => new() { [OciLabels.Revision] = commit, [OciLabels.Version] = "1.4.0" };

    /// <summary>A production client whose release tag PUT loses a race to another process.</summary>
    RegistryClient ThroughRace(TagRaceHandler race) => new(registries.Destination.Host, registries.Destination.Credentials, handler: race);

    Task<Manifest> PushCandidateAsync() => TestImages.PushLabelledImageAsync(_development, _repository, "1.4.0-rc.1", Labels(CandidateCommit));

    async Task<string?> ReleaseDigestAsync() => (await _production.HeadManifestAsync(_repository, "1.4.0"))?.Digest;

    [Fact]
    public async Task TestPromote_SingleImage_CopiedWithCandidateDigest()
    {
        var candidate = await PushCandidateAsync();

        var result = await Promoter().PromoteAsync(Request());

        Assert.Equal(ImagePromotionOutcome.Copied, result.Outcome);
        Assert.Equal(candidate.Digest, result.Digest);
        Assert.Equal(CandidateCommit, result.Revision);
        Assert.Equal(candidate.Blobs.Sum(b => b.Size), result.BytesUploaded);
        Assert.Equal(candidate.Digest, await ReleaseDigestAsync());
        Assert.Equal(candidate.Bytes, (await _production.GetManifestAsync(_repository, "1.4.0")).Bytes);
        // Only the release tag reaches production, not the candidate's.
        Assert.Equal(["1.4.0"], await _production.ListTagsAsync(_repository));
    }

    [Fact]
    public async Task TestPromote_TwoPlatformIndex_CopiedWithIndexDigest()
    {
        var (index, amd64, arm64) = await TestImages.PushIndexAsync(_development, _repository, "1.4.0-rc.1", Labels(CandidateCommit));

        var result = await Promoter().PromoteAsync(Request());

        Assert.Equal(ImagePromotionOutcome.Copied, result.Outcome);
        Assert.Equal(index.Digest, result.Digest);
        Assert.Equal(CandidateCommit, result.Revision);
        Assert.Equal(index.Digest, await ReleaseDigestAsync());
        Assert.Equal(amd64.Bytes, (await _production.GetManifestAsync(_repository, amd64.Digest)).Bytes);
        Assert.Equal(arm64.Bytes, (await _production.GetManifestAsync(_repository, arm64.Digest)).Bytes);
        Assert.Equal("amd64", (await _production.GetImageConfigAsync(_repository, "1.4.0"))!.Labels["test.architecture"]);
    }

    [Fact]
    public async Task TestPromote_Again_AlreadyPromotedUploadsNothing()
    {
        var candidate = await PushCandidateAsync();
        await Promoter().PromoteAsync(Request());

        var again = await Promoter().PromoteAsync(Request());

        Assert.Equal(ImagePromotionOutcome.AlreadyPromoted, again.Outcome);
        Assert.Equal(candidate.Digest, again.Digest);
        Assert.Equal(CandidateCommit, again.Revision);
        Assert.Null(again.Copy);
        Assert.Equal(0, again.BytesUploaded);
    }

    [Fact]
    public async Task TestPromote_TwoConcurrentOfOneCandidate_OneCopiesOtherFindsItPromoted()
    {
        var (index, _, _) = await TestImages.PushIndexAsync(_development, _repository, "1.4.0-rc.1", Labels(CandidateCommit));

        var results = await Task.WhenAll(Promoter().PromoteAsync(Request()), Promoter().PromoteAsync(Request()));

        Assert.Equal([ImagePromotionOutcome.Copied, ImagePromotionOutcome.AlreadyPromoted], results.Select(r => r.Outcome).Order());
        Assert.All(results, r => Assert.Equal(index.Digest, r.Digest));
        Assert.Equal(0, results.Single(r => r.Outcome == ImagePromotionOutcome.AlreadyPromoted).BytesUploaded);
        Assert.Equal(index.Digest, await ReleaseDigestAsync());
    }

    [Fact]
    public async Task TestPromote_ReleaseTagNamesAnotherImage_ConflictAndTagNotMoved()
    {
        var released = await TestImages.PushLabelledImageAsync(_production, _repository, "1.4.0", Labels(ReleasedCommit));
        var candidate = await PushCandidateAsync();

        var error = await Assert.ThrowsAsync<ImagePromotionConflictException>(() => Promoter().PromoteAsync(Request()));

        AssertConflict(error, released.Digest, candidate.Digest);
        Assert.Equal(released.Digest, await ReleaseDigestAsync());
        Assert.False(await _production.BlobExistsAsync(_repository, candidate.Config!.Digest));
    }

    [Fact]
    public async Task TestPromote_MissingCandidate_SaysPushItFirst()
    {
        var error = await Assert.ThrowsAsync<RegistryException>(() => Promoter().PromoteAsync(Request()));

        Assert.Equal(HttpStatusCode.NotFound, error.Status);
        Assert.Contains($"'{registries.Source.Host}/{_repository}:1.4.0-rc.1' was not found", error.Message);
        Assert.Contains("push it first", error.Message);
        Assert.Null(await ReleaseDigestAsync());
    }

    [Fact]
    public async Task TestPromote_TagRefusedBecauseAnotherProcessPromotedTheCandidate_AlreadyPromoted()
    {
        var candidate = await PushCandidateAsync();
        using var race = new TagRaceHandler("1.4.0", () => _production.PutManifestAsync(_repository, "1.4.0", candidate));
        using var racing = ThroughRace(race);

        var result = await Promoter(racing).PromoteAsync(Request());

        Assert.Equal(1, race.Refused);
        Assert.Equal(ImagePromotionOutcome.AlreadyPromoted, result.Outcome);
        Assert.Equal(candidate.Digest, result.Digest);
        Assert.NotNull(result.Copy);
        Assert.Equal(candidate.Digest, await ReleaseDigestAsync());
    }

    [Fact]
    public async Task TestPromote_TagRefusedBecauseAnotherProcessReleasedAnotherImage_Conflict()
    {
        var candidate = await PushCandidateAsync();
        var released = await TestImages.PushLabelledImageAsync(_production, _repository, null, Labels(ReleasedCommit));
        using var race = new TagRaceHandler("1.4.0", () => _production.PutManifestAsync(_repository, "1.4.0", released));
        using var racing = ThroughRace(race);

        var error = await Assert.ThrowsAsync<ImagePromotionConflictException>(() => Promoter(racing).PromoteAsync(Request()));

        Assert.Equal(1, race.Refused);
        AssertConflict(error, released.Digest, candidate.Digest);
        Assert.Equal(released.Digest, await ReleaseDigestAsync());
    }

    [Fact]
    public async Task TestPromote_TagRefusedWithoutRival_ReportsRegistryError()
    {
        await PushCandidateAsync();
        using var race = new TagRaceHandler("1.4.0", () => Task.CompletedTask);
        using var racing = ThroughRace(race);

        var error = await Assert.ThrowsAsync<RegistryException>(() => Promoter(racing).PromoteAsync(Request()));

        Assert.IsNotType<ImagePromotionConflictException>(error);
        Assert.Equal("TAG_INVALID", error.Code);
        Assert.Null(await ReleaseDigestAsync());
    }

    [Fact]
    public async Task TestPromote_ReleaseTagWrittenLast()
    {
        await TestImages.PushIndexAsync(_development, _repository, "1.4.0-rc.1", Labels(CandidateCommit));
        using var proxy = new FaultProxy(registries.Destination, (_, _) => Fault.None);
        using var proxied = new RegistryClient(proxy.Host, registries.Destination.Credentials);

        await Promoter(proxied).PromoteAsync(Request(proxy.Host));

        var writes = proxy.Log.Where(l => l.StartsWith("PUT ", StringComparison.Ordinal) && !l.EndsWith(" 401", StringComparison.Ordinal)).ToList();
        Assert.Equal($"PUT /v2/{_repository}/manifests/1.4.0 201", writes[^1]);
        Assert.Single(writes, l => l.Contains("/manifests/1.4.0 "));
        Assert.Equal(3, writes.Count(l => l.Contains("/manifests/sha256:")));
    }

    static void AssertConflict(ImagePromotionConflictException error, string releasedDigest, string candidateDigest)
    {
        Assert.Equal(releasedDigest, error.ReleaseDigest);
        Assert.Equal(candidateDigest, error.CandidateDigest);
        Assert.Equal(ReleasedCommit, error.ReleaseRevision);
        Assert.Equal(CandidateCommit, error.CandidateRevision);
        Assert.Contains(releasedDigest, error.Message);
        Assert.Contains(candidateDigest, error.Message);
        Assert.Contains(ReleasedCommit, error.Message);
        Assert.Contains(CandidateCommit, error.Message);
        Assert.Contains(":1.4.0'", error.Message);
        Assert.Contains("never moved", error.Message);
        Assert.Contains("bump the version", error.Message);
    }
}
