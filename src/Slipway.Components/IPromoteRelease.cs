using Slipway.Containers.Ecr;
using Slipway.Containers.Promotion;
using Slipway.EcsDeploy.CodePipeline;
using Slipway.Versioning.GitFlow;
using Slipway.Versioning.Releases;

namespace Slipway.Components;

/// <summary>
/// The PromoteRelease target: the release candidate image becomes the release image in the release account's registry, byte
/// for byte, once approved (asked on a terminal, <c>--approve</c> for scripts and CI); the promotion and its approval are
/// recorded in <c>artifacts/promotion.json</c>.
/// </summary>
public interface IPromoteRelease : IHazEcr, IHazArtifacts
{
    private const string PromotionKey = $"{nameof(IPromoteRelease)}.Promotion";

    /// <summary>The candidate tag to promote.</summary>
    [Parameter("The candidate image tag to promote, e.g. 1.4.0-candidate-3 (default: this commit's release or hotfix candidate tag).")]
    string? PromoteCandidate => this.TryGetValue<string>();

    /// <summary>The tag the release gets.</summary>
    [Parameter("The tag the release image gets, e.g. 1.4.0 (default: this commit's promoted tag).")]
    string? ReleaseTag => this.TryGetValue<string>();

    /// <summary>Whether the promotion is approved beforehand.</summary>
    [Parameter("Approve the promotion without being asked: for scripts, and on CI after the pipeline's manual-approval step (CI never asks).")]
    bool Approve => this.TryGetValue<bool?>() ?? false;

    /// <summary>Who is recorded as approving.</summary>
    [Parameter("Who approved the promotion, for its record (default: CODEBUILD_INITIATOR on CodeBuild, else git's user.name <user.email>, else USER).")]
    string? ApprovedBy => this.TryGetValue<string>();

    /// <summary>Changes the promotion request before it runs.</summary>
    Configure<EcrReleasePromotionRequest> PromoteReleaseSettings => _ => _;

    /// <summary>The promotion PromoteRelease made in this build; null before.</summary>
    ImagePromotionResult? Promotion => this.State().TryGet<ImagePromotionResult>(PromotionKey, out var result) ? result : null;

    /// <summary>The file PromoteRelease records the promotion and its approval in.</summary>
    Slipway.IO.AbsolutePath PromotionFile => ArtifactsDirectory / "promotion.json";

    /// <summary>Promotes the release candidate.</summary>
    Target PromoteRelease => _ => _
        .Description("Copies the release candidate image from the candidate registry to the release registry under its release tag (digest unchanged, idempotent), once approved; writes imagedefinitions.json for production's containers.")
        .Produces("artifacts/promotion.json", "artifacts/imagedefinitions.json", "artifacts/imageDetail.json")
        .Executes(async ct =>
        {
            var tags = (await GetVersioningAsync()).PromotionTags(PromoteCandidate, ReleaseTag);
            var request = PromoteReleaseSettings(new EcrReleasePromotionRequest(
                await GetEcrAsync(CandidateAccount), await GetEcrAsync(ReleaseAccount), ImageRepositorySettings, tags.Candidate, tags.Release));

            // Read first (no writes): a missing candidate or a conflicting release fails before anyone is asked, and a
            // release already promoted needs no approval, so a re-run after success asks nothing and changes nothing.
            var plan = await EcrReleasePromotion.DescribeAsync(request, ct);
            var approval = plan.AlreadyPromoted ? null : await ApproveAsync(request, plan, ct);
            var result = await EcrReleasePromotion.PromoteAsync(request, ct);
            var record = await PromotedImageRecord.From(result, request, approval).SaveAsync(PromotionFile, ct);

            ReportRepository(result.Repository, request.Repository);
            this.State().Set(PromotionKey, result.Promotion);
            this.ReportSummary("Release", $"{result.Release}@{result.Promotion.Digest}");
            this.ExportImage(result.Release, result.Promotion.Digest);
            // The production pipeline's ECS deploy action reads these from the promotion's artifact: build once, deploy that digest.
            if (ProductionEnvironment is { Containers.Count: > 0 } production)
            {
                var released = result.Release.WithDigest(result.Promotion.Digest).ToString();
                await CodePipelineImageFiles.WriteAsync(ArtifactsDirectory, [.. production.Containers.Select(x => new KeyValuePair<string, string>(x, released))], ct);
            }

            this.ReportSummary("Promotion", result.Promotion.Outcome == ImagePromotionOutcome.Copied
                ? $"promoted {result.Candidate}" + (result.Promotion.Copy is { } copy ? $" ({copy.BytesUploaded:N0} bytes uploaded)" : "")
                : $"already promoted from {result.Candidate}; nothing copied");
            this.ReportSummary("Approval", (approval, record.Approval) switch
            {
                ({ } now, _) => Describe(now),
                (null, { } earlier) => $"none needed now; {Describe(earlier)} (recorded earlier)",
                _ => "none needed: already promoted",
            });
        });

    private async Task<PromotionApproval> ApproveAsync(EcrReleasePromotionRequest request, ImagePromotionPlan plan, CancellationToken cancellationToken)
    {
        var prompt = this.InteractivePrompt();
        return PromotionApproval.Obtain(new PromotionApprovalRequest(
            request.Candidate, plan.Digest, request.Release, ApprovedBy ?? await ReleaseApprover.DefaultAsync(RootDirectory, EnvironmentVariables, cancellationToken))
        {
            Approved = Approve,
            Ask = prompt is null ? null : question => prompt.Ask(question, secret: false),
            NobodyToAsk = Host.IsServerBuild ? $"the build runs on {Host.Name}, where nobody answers prompts" : "standard input is not a terminal",
        });
    }

    private static string Describe(PromotionApproval approval) =>
        $"approved by {approval.Approver} at {approval.ApprovedAt:yyyy-MM-dd HH:mm:ss} UTC ({(approval.Method == PromotionApprovalMethod.Prompt ? "answered the prompt" : "--approve")})";
}
