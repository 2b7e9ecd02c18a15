using System.Net;
using Slipway.Containers.Promotion;
using Slipway.Containers.Registry;
using Slipway.Containers.Tests.Infrastructure;

namespace Slipway.Containers.Tests.Promotion;

/// <summary>DescribeAsync: what a promotion would do, read before asking for its approval, writing nothing.</summary>
public sealed partial class ImagePromoterTest
{
    [Fact]
    public async Task TestDescribe_NotYetPromoted_CandidateDigestAndNothingWritten()
    {
        var candidate = await PushCandidateAsync();

        var plan = await Promoter().DescribeAsync(Request());

        Assert.Equal(new ImagePromotionPlan(candidate.Digest, CandidateCommit, AlreadyPromoted: false), plan);
        Assert.Null(await ReleaseDigestAsync());
        Assert.False(await _production.BlobExistsAsync(_repository, candidate.Config!.Digest));
    }

    [Fact]
    public async Task TestDescribe_AfterPromotion_AlreadyPromoted()
    {
        var candidate = await PushCandidateAsync();
        await Promoter().PromoteAsync(Request());

        var plan = await Promoter().DescribeAsync(Request());

        Assert.Equal(new ImagePromotionPlan(candidate.Digest, CandidateCommit, AlreadyPromoted: true), plan);
    }

    [Fact]
    public async Task TestDescribe_ReleaseTagNamesAnotherImage_Conflict()
    {
        var released = await TestImages.PushLabelledImageAsync(_production, _repository, "1.4.0", Labels(ReleasedCommit));
        var candidate = await PushCandidateAsync();

        var error = await Assert.ThrowsAsync<ImagePromotionConflictException>(() => Promoter().DescribeAsync(Request()));

        AssertConflict(error, released.Digest, candidate.Digest);
    }

    [Fact]
    public async Task TestDescribe_MissingCandidate_NamesTagAndRepository()
    {
        var error = await Assert.ThrowsAsync<RegistryException>(() => Promoter().DescribeAsync(Request()));

        Assert.Equal(HttpStatusCode.NotFound, error.Status);
        Assert.Contains($"there is no tag '1.4.0-rc.1' in repository '{_repository}' of registry '{registries.Source.Host}'", error.Message);
        Assert.Contains("push it first", error.Message);
        Assert.Null(await ReleaseDigestAsync());
    }
}
