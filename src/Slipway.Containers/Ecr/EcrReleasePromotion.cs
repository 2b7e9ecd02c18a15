using Slipway.Aws.Ecr;
using Slipway.Containers.Promotion;
using Slipway.Containers.References;

namespace Slipway.Containers.Ecr;

/// <summary>What to promote: a candidate tag in one account's registry to a release tag in another's (or the same one's), in one repository name.</summary>
/// <param name="From">The candidate registry.</param>
/// <param name="To">The release registry; the same host as <paramref name="From"/> on a single-account setup.</param>
/// <param name="Repository">The repository in both, and the settings it is created with in the release registry when missing.</param>
/// <param name="CandidateTag">The candidate's tag, e.g. <c>1.4.0-candidate-3</c>.</param>
/// <param name="ReleaseTag">The release tag, e.g. <c>1.4.0</c>; never moved once it exists.</param>
public sealed record EcrReleasePromotionRequest(EcrRegistry From, EcrRegistry To, EcrRepositorySettings Repository, string CandidateTag, string ReleaseTag)
{
    /// <summary>The candidate's reference.</summary>
    public ImageReference Candidate => From.Image(Repository.Name, CandidateTag);

    /// <summary>The release's reference.</summary>
    public ImageReference Release => To.Image(Repository.Name, ReleaseTag);
}

/// <summary>What a promotion did, with the references it went between and the release repository.</summary>
/// <param name="Promotion">The outcome, the digest and the copy, if one ran.</param>
/// <param name="Candidate">The candidate's reference.</param>
/// <param name="Release">The release's reference.</param>
/// <param name="Repository">The release repository, and whether this promotion created it.</param>
public sealed record EcrReleasePromotionResult(ImagePromotionResult Promotion, ImageReference Candidate, ImageReference Release, EnsuredRepository Repository);

/// <summary>Promotes a release candidate between ECR registries, byte for byte: a retag in place when both are one registry, else a copy (<see cref="ImagePromoter"/>).</summary>
public static class EcrReleasePromotion
{
    /// <summary>Ensures the release repository, then retags or copies; a release tag naming another image fails naming both commits.</summary>
    /// <exception cref="ImagePromotionConflictException">The release tag already names another image.</exception>
    public static async Task<EcrReleasePromotionResult> PromoteAsync(EcrReleasePromotionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (from, to) = (request.From, request.To);
        var repository = await to.Ecr.EnsureAsync(request.Repository, to.Name, cancellationToken);
        var promotion = from.Host == to.Host
            ? await RetagAsync(request, cancellationToken)
            : await Promoter(request).PromoteAsync(new ImagePromotionRequest(request.Candidate, request.Release), cancellationToken);
        return new EcrReleasePromotionResult(promotion, request.Candidate, request.Release, repository);
    }

    /// <summary>
    /// Reads what <see cref="PromoteAsync"/> would do, writing nothing (no repository is created): the candidate's digest and
    /// whether the release tag already names it; for asking before promoting.
    /// </summary>
    /// <exception cref="Registry.RegistryException">The candidate is not in the candidate registry.</exception>
    /// <exception cref="ImagePromotionConflictException">The release tag already names another image.</exception>
    public static Task<ImagePromotionPlan> DescribeAsync(EcrReleasePromotionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Promoter(request).DescribeAsync(new ImagePromotionRequest(request.Candidate, request.Release), cancellationToken);
    }

    static ImagePromoter Promoter(EcrReleasePromotionRequest request) =>
        new(host => host == request.From.Host ? request.From.Registry : request.To.Registry);

    /// <summary>One registry (a single-account setup): ECR retags in place, no blob moves.</summary>
    static async Task<ImagePromotionResult> RetagAsync(EcrReleasePromotionRequest request, CancellationToken cancellationToken)
    {
        var (from, name) = (request.From, request.Repository.Name);
        EcrRetagResult retag;
        try
        {
            retag = await new EcrImageTags(from.Ecr).RetagAsync(
                new EcrRetagRequest { RepositoryName = name, SourceTag = request.CandidateTag, TargetTag = request.ReleaseTag }, cancellationToken);
        }
        catch (EcrTagConflictException conflict)
        {
            // Name the commits too, as a promotion between registries does.
            var releaseConfig = await from.Registry.GetImageConfigAsync(name, conflict.ExistingDigest, cancellationToken);
            var candidateConfig = await from.Registry.GetImageConfigAsync(name, conflict.RequestedDigest, cancellationToken);
            throw new ImagePromotionConflictException(request.Release, conflict.ExistingDigest, releaseConfig?.Revision,
                request.Candidate, conflict.RequestedDigest, candidateConfig?.Revision);
        }
        return new ImagePromotionResult(
            retag.Outcome == EcrRetagOutcome.Tagged ? ImagePromotionOutcome.Copied : ImagePromotionOutcome.AlreadyPromoted, retag.Digest, null, null);
    }
}
