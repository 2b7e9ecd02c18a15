using System.Reflection;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Slipway.CiConfiguration.Pipelines;
using Slipway.EcsDeploy.Environments;
using Slipway.IO;
using Slipway.Logging;

namespace Slipway.Components;

/// <summary>
/// The GeneratePipeline target: the build's <see cref="CodePipelinesAttribute"/> and the environments file's production environment make
/// the CloudFormation template of the service's git-flow pipelines, checked (<see cref="PipelineChecks"/>) and written, or with --verify compared.
/// </summary>
public interface IGeneratePipeline : IHazEnvironments, IHazGeneratedFiles
{
    /// <summary>The command that regenerates the template, named in its banner and in --verify's failure.</summary>
    const string RegenerateCommand = "./build.sh GeneratePipeline";

    /// <summary>Where the template goes.</summary>
    [Parameter("The pipelines template GeneratePipeline writes (default: pipeline.yml next to the environments file).")]
    AbsolutePath PipelinePath => this.TryGetValue<AbsolutePath>() ?? (EnvironmentsPath.Parent ?? RootDirectory) / "pipeline.yml";

    /// <summary>Changes the pipelines request before the template is made.</summary>
    Configure<PipelineRequest> PipelineSettings => _ => _;

    /// <summary>Writes (or verifies) the pipelines template.</summary>
    Target GeneratePipeline => _ => _
        .Description("Writes the CloudFormation template of the git-flow pipelines (feature, develop, release, hotfix, production) from [CodePipelines] and the environments file; with --verify fails when the committed one differs.")
        .Executes(async ct =>
        {
            var declaration = GetType().GetCustomAttribute<CodePipelinesAttribute>() ?? new CodePipelinesAttribute();
            var production = ProductionEnvironment ?? throw new EnvironmentsFileException("", [
                $"'{EnvironmentsPath}' has no production environment: the production pipeline deploys to its cluster and service. Add \"production\" to it, or pass --environments-path."]);
            var request = PipelineSettings(new PipelineRequest(
                declaration.Service ?? production.Service ?? "",
                new ProductionService(production.Cluster ?? "", production.Service ?? "", production.Containers),
                RegenerateCommand)
            {
                Developers = declaration.Developers,
                Pipelines = declaration.Pipelines,
                CodeBuild = new CodeBuildSettings(declaration.Image, declaration.ComputeType),
                ImageRepository = production.Repository,
            });
            var text = PipelineTemplate.Generate(request);
            var changed = await WriteOrVerifyPipelineAsync(PipelinePath, text, ct);
            this.ReportSummary("Pipelines", $"{PipelinePath.RelativeTo(RootDirectory)} {(changed ? "written" : "up to date")} ({request.Service}, {request.Pipelines}{(request.Developers.Count > 0 ? $"; developers {string.Join(", ", request.Developers)}" : "")})");
        });

    // Until GeneratedFiles.WriteOrVerifyAsync (the buildspec side of IHazGeneratedFiles) is merged: the same contract, kept private here.
    private async Task<bool> WriteOrVerifyPipelineAsync(AbsolutePath path, string text, CancellationToken ct)
    {
        var committed = path.FileExists ? (await File.ReadAllTextAsync(path, ct)).ReplaceLineEndings("\n") : null;
        if (committed == text)
            return false;
        if (Verify)
        {
            throw new InvalidOperationException(committed is null
                ? $"'{path}' does not exist, but the build generates it: run '{RegenerateCommand}' and commit it."
                : $"'{path}' is not what the build generates: run '{RegenerateCommand}' and commit the result. Differences (- committed, + generated):\n{Difference(committed, text)}");
        }

        path.Parent?.CreateDirectory();
        await File.WriteAllTextAsync(path, text, ct);
        Log.Information($"Wrote {path}.");
        return true;
    }

    private static string Difference(string committed, string generated)
    {
        // Changed lines only, each with its line number in its own file.
        var (old, @new, shown) = (0, 0, new List<string>());
        foreach (var line in InlineDiffBuilder.Diff(committed, generated, ignoreWhiteSpace: false).Lines)
        {
            switch (line.Type)
            {
                case ChangeType.Deleted:
                    shown.Add($"-{++old,5}: {line.Text}");
                    break;
                case ChangeType.Inserted:
                    shown.Add($"+{++@new,5}: {line.Text}");
                    break;
                default:
                    (old, @new) = (old + 1, @new + 1);
                    break;
            }
        }

        return string.Join("\n", shown.Take(60)) + (shown.Count > 60 ? $"\n... ({shown.Count - 60} more changed lines)" : "");
    }
}
