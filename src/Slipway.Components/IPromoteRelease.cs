using System.Runtime.CompilerServices;
using Slipway.Aws.Ecr;
using Slipway.Containers.Promotion;
using Slipway.Versioning.GitFlow;

namespace Slipway.Components;

/// <summary>The PromoteRelease target's core: the release candidate image becomes the release image in the release account's registry, byte for byte.</summary>
public interface IPromoteRelease : IHazEcr
{
    private static readonly ConditionalWeakTable<ISlipwayBuild, ImagePromotionResult> Promotions = new();

    /// <summary>The candidate tag to promote.</summary>
    [Parameter("The candidate image tag to promote, e.g. 1.4.0-candidate-3 (default: this commit's release or hotfix candidate tag).")]
    string? PromoteCandidate => this.TryGetValue<string>();

    /// <summary>The tag the release gets.</summary>
    [Parameter("The tag the release image gets, e.g. 1.4.0 (default: this commit's promoted tag).")]
    string? ReleaseTag => this.TryGetValue<string>();

    /// <summary>The promotion PromoteRelease made in this build; null before.</summary>
    ImagePromotionResult? Promotion => Promotions.TryGetValue(this, out var result) ? result : null;

    /// <summary>Promotes the release candidate.</summary>
    Target PromoteRelease => _ => _
        .Description("Copies the release candidate image from the candidate registry to the release registry under its release tag (digest unchanged, idempotent).")
        .Executes(async ct =>
        {
            var (candidateTag, releaseTag) = PromotionTags();
            var from = Ecr(CandidateAccount);
            var to = Ecr(ReleaseAccount);
            await EnsureRepositoryAsync(to, ct);
            var candidate = from.Image(ImageRepository, candidateTag);
            var release = to.Image(ImageRepository, releaseTag);
            ImagePromotionResult result;
            if (from.Host == to.Host)
            {
                // One registry (a single-account setup): ECR retags in place, no blob moves.
                EcrRetagResult retag;
                try
                {
                    retag = await new EcrImageTags(from.Ecr).RetagAsync(
                        new EcrRetagRequest { RepositoryName = ImageRepository, SourceTag = candidateTag, TargetTag = releaseTag }, ct);
                }
                catch (EcrTagConflictException conflict)
                {
                    // Name the commits too, as a promotion between registries does.
                    var releaseConfig = await from.Registry.GetImageConfigAsync(ImageRepository, conflict.ExistingDigest, ct);
                    var candidateConfig = await from.Registry.GetImageConfigAsync(ImageRepository, conflict.RequestedDigest, ct);
                    throw new ImagePromotionConflictException(release, conflict.ExistingDigest, releaseConfig?.Revision,
                        candidate, conflict.RequestedDigest, candidateConfig?.Revision);
                }
                result = new ImagePromotionResult(
                    retag.Outcome == EcrRetagOutcome.Tagged ? ImagePromotionOutcome.Copied : ImagePromotionOutcome.AlreadyPromoted, retag.Digest, null, null);
            }
            else
            {
                var promoter = new ImagePromoter(host => host == from.Host ? from.Registry : to.Registry);
                result = await promoter.PromoteAsync(new ImagePromotionRequest(candidate, release), ct);
            }

            Promotions.AddOrUpdate(this, result);
            this.ReportSummary("Release", $"{release}@{result.Digest}");
            this.ReportSummary("Promotion", result.Outcome == ImagePromotionOutcome.Copied
                ? $"promoted {candidate}" + (result.Copy is { } copy ? $" ({copy.BytesUploaded:N0} bytes uploaded)" : "")
                : $"already promoted from {candidate}; nothing copied");
        });

    /// <summary>The candidate and release tags: the parameters, else this commit's release or hotfix tags.</summary>
    (string Candidate, string Release) PromotionTags()
    {
        var tags = Versioning.ImageTags;
        var kind = Versioning.Branch.Kind;
        var isCandidateBranch = kind is BranchKind.Release or BranchKind.Hotfix;
        var candidate = PromoteCandidate ?? (isCandidateBranch ? tags.Candidate : null) ?? throw new InvalidOperationException(
            $"Branch '{Versioning.Branch.Name}' is a {kind} branch, not a release or hotfix branch, so it has no candidate to promote. " +
            "Run PromoteRelease on the release/hotfix branch, or pass --promote-candidate <tag> (and --release-tag).");
        var release = ReleaseTag ?? (isCandidateBranch || kind == BranchKind.Main ? tags.Promoted : null) ?? throw new InvalidOperationException(
            $"Branch '{Versioning.Branch.Name}' has no release tag to promote '{candidate}' as. Pass --release-tag <tag>, e.g. 1.4.0.");
        return (candidate, release);
    }
}
