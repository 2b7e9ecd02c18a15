using System.Runtime.CompilerServices;
using Slipway.Versioning;

namespace Slipway.Components;

/// <summary>A build that knows its version: GitVersion 6 (GitFlow) variables and git-flow image tags of the commit being built, computed once per run.</summary>
public interface IHazGitVersion : ISlipwayBuild
{
    private static readonly ConditionalWeakTable<ISlipwayBuild, Task<VersionResult>> Results = new();

    /// <summary>The branch being built; by default from CI variables, then the checkout.</summary>
    [Parameter("The branch being built (default: CI variables such as CODEBUILD_WEBHOOK_HEAD_REF, then the checked-out branch).")]
    string? Branch => this.TryGetValue<string>();

    /// <summary>Continue on a shallow clone that cannot be deepened.</summary>
    [Parameter("Continue when the clone is shallow and cannot be deepened (versions may be wrong).")]
    bool AllowShallow => this.TryGetValue<bool?>() ?? false;

    /// <summary>The version of the commit being built (computed on first use).</summary>
    VersionResult Versioning => Results.GetValue(this, build =>
            VersionCalculator.CalculateAsync(
                new VersionRequest(build.RootDirectory)
                {
                    Branch = ((IHazGitVersion)build).Branch,
                    Environment = build.EnvironmentVariables,
                    AllowShallow = ((IHazGitVersion)build).AllowShallow,
                },
                build.CancellationToken))
        .GetAwaiter().GetResult();
}
