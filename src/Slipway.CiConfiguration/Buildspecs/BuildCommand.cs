using System.Text;

namespace Slipway.CiConfiguration.Buildspecs;

/// <summary>
/// The build phase's command: the target for the branch, overridable with <c>SLIPWAY_TARGET</c>. The branch is the pipeline's
/// <c>SLIPWAY_BRANCH</c>, else the webhook's <c>CODEBUILD_WEBHOOK_HEAD_REF</c> (CodePipeline's full clone is a detached HEAD and has
/// no webhook variables, so the pipeline passes it). POSIX sh, one line: CodeBuild and the rehearsal run it with any /bin/sh.
/// </summary>
internal static class BuildCommand
{
    /// <summary>The variable that overrides the branch's target (several targets and options may be given, separated by spaces).</summary>
    public const string TargetVariable = "SLIPWAY_TARGET";

    /// <summary>The variable the pipeline sets to the source action's branch name.</summary>
    public const string BranchVariable = "SLIPWAY_BRANCH";

    /// <summary>The command: <c>./build.sh ${SLIPWAY_TARGET:-Deploy}</c> when every branch runs one target, else a case on the branch first.</summary>
    public static string Render(string buildScript, string defaultTarget, IReadOnlyList<BranchTarget> branchTargets)
    {
        // Branches running the default need no arm; patterns sharing a target share one arm (first appearance keeps the order).
        var arms = branchTargets
            .Where(x => x.Target != defaultTarget)
            .GroupBy(x => x.Target)
            .Select(x => (Pattern: string.Join('|', x.Select(y => y.Pattern)), Target: x.Key))
            .ToList();
        // Unquoted on purpose: SLIPWAY_TARGET may hold several targets and options ("Test Pack --skip Compile").
        if (arms.Count == 0)
            return $"{buildScript} ${{{TargetVariable}:-{defaultTarget}}}";

        var command = new StringBuilder($"case \"${{{BranchVariable}:-${{CODEBUILD_WEBHOOK_HEAD_REF#refs/heads/}}}}\" in");
        foreach (var (pattern, target) in arms)
            command.Append($" {pattern}) slipway_target={target} ;;");
        command.Append($" *) slipway_target={defaultTarget} ;; esac; {buildScript} ${{{TargetVariable}:-$slipway_target}}");
        return command.ToString();
    }
}
