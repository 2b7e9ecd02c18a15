using System.Reflection;
using Slipway.CiConfiguration.Pipelines;
using Slipway.EcsDeploy.Environments;
using Slipway.IO;

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
            await this.WriteOrVerifyAsync(PipelinePath, text, RegenerateCommand, ct);
            this.ReportSummary("Pipelines", $"{request.Service}: {request.Pipelines}{(request.Developers.Count > 0 ? $"; developers {string.Join(", ", request.Developers)}" : "")}");
        });
}
