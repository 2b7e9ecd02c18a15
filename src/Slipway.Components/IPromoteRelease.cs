using Slipway.Containers.Ecr;
using Slipway.Containers.Promotion;
using Slipway.Versioning.GitFlow;

namespace Slipway.Components;

/// <summary>The PromoteRelease target's core: the release candidate image becomes the release image in the release account's registry, byte for byte.</summary>
public interface IPromoteRelease : IHazEcr
{
    private const string PromotionKey = $"{nameof(IPromoteRelease)}.Promotion";

    /// <summary>The candidate tag to promote.</summary>
    [Parameter("The candidate image tag to promote, e.g. 1.4.0-candidate-3 (default: this commit's release or hotfix candidate tag).")]
    string? PromoteCandidate => this.TryGetValue<string>();

    /// <summary>The tag the release gets.</summary>
    [Parameter("The tag the release image gets, e.g. 1.4.0 (default: this commit's promoted tag).")]
    string? ReleaseTag => this.TryGetValue<string>();

    /// <summary>Changes the promotion request before it runs.</summary>
    Configure<EcrReleasePromotionRequest> PromoteReleaseSettings => _ => _;

    /// <summary>The promotion PromoteRelease made in this build; null before.</summary>
    ImagePromotionResult? Promotion => this.State().TryGet<ImagePromotionResult>(PromotionKey, out var result) ? result : null;

    /// <summary>Promotes the release candidate.</summary>
    Target PromoteRelease => _ => _
        .Description("Copies the release candidate image from the candidate registry to the release registry under its release tag (digest unchanged, idempotent).")
        .Executes(async ct =>
        {
            var tags = (await GetVersioningAsync()).PromotionTags(PromoteCandidate, ReleaseTag);
            var request = PromoteReleaseSettings(new EcrReleasePromotionRequest(
                await GetEcrAsync(CandidateAccount), await GetEcrAsync(ReleaseAccount), ImageRepositorySettings, tags.Candidate, tags.Release));
            var result = await EcrReleasePromotion.PromoteAsync(request, ct);

            ReportRepository(result.Repository, request.Repository);
            this.State().Set(PromotionKey, result.Promotion);
            this.ReportSummary("Release", $"{result.Release}@{result.Promotion.Digest}");
            this.ReportSummary("Promotion", result.Promotion.Outcome == ImagePromotionOutcome.Copied
                ? $"promoted {result.Candidate}" + (result.Promotion.Copy is { } copy ? $" ({copy.BytesUploaded:N0} bytes uploaded)" : "")
                : $"already promoted from {result.Candidate}; nothing copied");
        });
}
