using Slipway.CiConfiguration.Rehearsals;
using Slipway.Logging;

namespace Slipway.Components;

/// <summary>How the CodeBuild rehearsal gets the source.</summary>
public enum CodeBuildSource
{
    /// <summary>A webhook build of a push: depth-1 clone, detached, CODEBUILD_WEBHOOK_* variables.</summary>
    Webhook,

    /// <summary>A CodePipeline CodeBuild action on the full-clone source output: whole history, detached, the branch only in SLIPWAY_BRANCH.</summary>
    Pipeline,
}

/// <summary>The RehearseCodeBuild target: runs the committed buildspec.yml on this machine the way CodeBuild would, without AWS.</summary>
public interface IRehearseCodeBuild : ISlipwayBuild
{
    /// <summary>The action variable a generated pipeline passes the source action's branch name in (read by --branch).</summary>
    const string BranchVariable = "SLIPWAY_BRANCH";

    /// <summary>The variable that overrides the buildspec's target (the pipeline sets it per action).</summary>
    const string TargetVariable = "SLIPWAY_TARGET";

    /// <summary>How the rehearsal gets the source.</summary>
    [Parameter("How the CodeBuild rehearsal gets the source: webhook (a depth-1 clone with the webhook variables) or pipeline (CodePipeline's full clone, the branch passed as SLIPWAY_BRANCH).")]
    CodeBuildSource CodeBuildSource => this.TryGetValue<CodeBuildSource?>() ?? CodeBuildSource.Webhook;

    /// <summary>The branch rehearsed.</summary>
    [Parameter("The branch the CodeBuild rehearsal builds, at its last commit (default: the checked-out branch; uncommitted changes are not part of it).")]
    string? RehearsalBranch => this.TryGetValue<string>();

    /// <summary>The target the rehearsed build runs instead of the buildspec's.</summary>
    [Parameter("The target the rehearsed build runs, passed as SLIPWAY_TARGET (default: the buildspec's target for the branch).")]
    string? RehearsalTarget => this.TryGetValue<string>();

    /// <summary>Changes the rehearsal request before it runs (project variables, region, image, ...).</summary>
    Configure<RehearsalRequest> RehearsalSettings => _ => _;

    /// <summary>Runs the rehearsal.</summary>
    Target RehearseCodeBuild => _ => _
        .Description("Runs the committed buildspec.yml as CodeBuild would, without AWS: a webhook or CodePipeline checkout of the branch, CodeBuild's variables, the phases in one shell, exported variables, reports and artifacts (under .nuke/temp/codebuild-rehearsal). parameter-store and secrets-manager values come from environment variables named like the entries.")
        .Executes(async ct =>
        {
            var output = TemporaryDirectory / "codebuild-rehearsal";
            if (output.DirectoryExists)
                Directory.Delete(output, recursive: true);
            var overrides = new Dictionary<string, string>();
            if (RehearsalTarget is { Length: > 0 } target)
                overrides[TargetVariable] = target;
            var project = new Dictionary<string, string>();
            // The rehearsed build runs in another folder: it must reach the local platform this build uses, not start its own.
            if (this is IHazAws aws && aws.Platform == AwsPlatform.Local)
                project["SLIPWAY_LOCAL_AWS_DATA"] = aws.LocalAwsData;
            var request = RehearsalSettings(new RehearsalRequest(RootDirectory, output)
            {
                Kind = CodeBuildSource == CodeBuildSource.Pipeline ? CodeBuildSourceKind.PipelineFullClone : CodeBuildSourceKind.Webhook,
                Branch = RehearsalBranch,
                BranchVariable = CodeBuildSource == CodeBuildSource.Pipeline ? BranchVariable : null,
                OverrideVariables = overrides,
                ProjectVariables = project,
                SecretValues = EnvironmentVariables.Where(x => x.Value is not null).ToDictionary(x => x.Key, x => x.Value!),
            });
            var result = await CodeBuildRehearsal.RunAsync(request, ct, LogToolOutput.Current);

            this.ReportSummary("Phases", string.Join(", ", result.Phases.Select(x => $"{x.Name} {x.Status.ToString().ToLowerInvariant()}")));
            this.ReportSummary("Exported", result.ExportedVariables.Count == 0 ? "none" : string.Join(", ", result.ExportedVariables.Select(x => $"{x.Key}={x.Value}")));
            this.ReportSummary("Artifacts", $"{result.Artifacts.Count} file(s), reports {result.Reports.Values.Sum(x => x.Count)} file(s) in {output.RelativeTo(RootDirectory)}");
            if (!result.Succeeded)
            {
                throw new InvalidOperationException(
                    $"The CodeBuild rehearsal of '{result.Environment.GetValueOrDefault("CODEBUILD_WEBHOOK_TRIGGER") ?? RehearsalBranch ?? "the checked-out branch"}' failed ({result.ArtifactsError ?? string.Join(", ", result.Phases.Where(x => x.Status == PhaseStatus.Failed).Select(x => x.Name + " failed"))}); the log above shows the failing command.");
            }
        });
}
