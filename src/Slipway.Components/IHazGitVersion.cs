using Slipway.Versioning;

namespace Slipway.Components;

/// <summary>A build that knows its version: GitVersion 6 (GitFlow) variables and git-flow image tags of the commit being built, computed once per run.</summary>
public interface IHazGitVersion : ISlipwayBuild
{
    /// <summary>The branch being built; by default from CI variables, then the checkout.</summary>
    [Parameter("The branch being built (default: CI variables such as CODEBUILD_WEBHOOK_HEAD_REF, then the checked-out branch).")]
    string? Branch => this.TryGetValue<string>();

    /// <summary>Continue on a shallow clone that cannot be deepened.</summary>
    [Parameter("Continue when the clone is shallow and cannot be deepened (versions may be wrong).")]
    bool AllowShallow => this.TryGetValue<bool?>() ?? false;

    /// <summary>The version of the commit being built (computed on first use, then shared by every target of the run).</summary>
    /// <remarks>Exports SLIPWAY_VERSION and SLIPWAY_IMAGE_TAG (<see cref="ExportedVariables"/>) for CodeBuild whichever target computes it first.</remarks>
    Task<VersionResult> GetVersioningAsync() => this.State().GetOrAddAsync($"{nameof(IHazGitVersion)}.Versioning", async ct =>
        {
            var result = await VersionCalculator.CalculateAsync(
                new VersionRequest(RootDirectory) { Branch = Branch, Environment = EnvironmentVariables, AllowShallow = AllowShallow },
                ct);
            this.ExportVersion(result);
            return result;
        },
        CancellationToken);
}
