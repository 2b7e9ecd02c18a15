using Slipway.CiConfiguration.Pipelines;

namespace Slipway.Components.Tests.Pipelines;

[CodePipelines(Developers = new[] { "alice" }, Image = "aws/codebuild/standard:7.0")]
public class PipelineBuild : SlipwayBuild, IGeneratePipeline;

public class NoDeclarationPipelineBuild : SlipwayBuild, IGeneratePipeline;

/// <summary>GeneratePipeline: the declaration and the production environment mapped into one template, written or verified.</summary>
public class GeneratePipelineTest : IDisposable
{
    private const string Environments = """
        {
          "defaults": { "platform": "aws", "region": "eu-west-1", "account": "123456789012", "repository": "orders-images", "service": "orders", "containers": ["app", "proxy"] },
          "environments": {
            "development": { "cluster": "dev" },
            "staging": { "cluster": "staging" },
            "production": { "account": "210987654321", "cluster": "prod", "service": "orders-live" }
          }
        }
        """;

    private readonly string _root = Directory.CreateTempSubdirectory("slipway-generate-pipeline-").FullName;

    public GeneratePipelineTest()
    {
        Directory.CreateDirectory(Path.Combine(_root, ".nuke"));
        Directory.CreateDirectory(Path.Combine(_root, "deploy"));
        File.WriteAllText(Path.Combine(_root, "deploy", "environments.json"), Environments);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string TemplatePath => Path.Combine(_root, "deploy", "pipeline.yml");

    /// <summary>What the declaration and the environments file above must map to.</summary>
    private static string Expected => PipelineTemplate.Generate(
        new PipelineRequest("orders-live", new ProductionService("prod", "orders-live", ["app", "proxy"]), "./build.sh GeneratePipeline")
        {
            Developers = ["alice"],
            CodeBuild = new CodeBuildSettings(Image: "aws/codebuild/standard:7.0"),
            ImageRepository = "orders-images",
        });

    [Fact]
    public void TestGeneratePipeline_WritesTheTemplateNextToTheEnvironmentsFile()
    {
        var (code, output) = Run<PipelineBuild>("GeneratePipeline");
        Assert.True(code == 0, output);
        Assert.Equal(Expected, File.ReadAllText(TemplatePath));
        Assert.Contains("// deploy/pipeline.yml: written", output);
        Assert.Contains("// Pipelines: orders-live: All; developers alice", output);
    }

    [Fact]
    public void TestGeneratePipeline_VerifyPassesWhenUpToDateAndFailsWithTheDifferenceWhenStale()
    {
        File.WriteAllText(TemplatePath, Expected);
        var (code, output) = Run<PipelineBuild>("GeneratePipeline", "--verify");
        Assert.True(code == 0, output);
        Assert.Contains("// deploy/pipeline.yml: unchanged", output);

        var stale = Expected.Replace("ExecutionMode: QUEUED", "ExecutionMode: PARALLEL");
        File.WriteAllText(TemplatePath, stale);
        (code, output) = Run<PipelineBuild>("GeneratePipeline", "--verify");
        Assert.NotEqual(0, code);
        Assert.Contains("'deploy/pipeline.yml' differs from what the build generates. Run './build.sh GeneratePipeline' and commit the result.", output);
        Assert.Contains("-      ExecutionMode: PARALLEL", output);
        Assert.Contains("+      ExecutionMode: QUEUED", output);
        Assert.Equal(stale, File.ReadAllText(TemplatePath));
    }

    [Fact]
    public void TestGeneratePipeline_VerifyFailsWhenTheFileIsMissing()
    {
        var (code, output) = Run<PipelineBuild>("GeneratePipeline", "--verify");
        Assert.NotEqual(0, code);
        Assert.Contains("'deploy/pipeline.yml' does not exist. Run './build.sh GeneratePipeline' and commit the result.", output);
        Assert.False(File.Exists(TemplatePath));
    }

    [Fact]
    public void TestGeneratePipeline_PathParameterAndNoDeclaration()
    {
        // Without [CodePipelines]: every pipeline, one feature pipeline for every feature branch.
        var (code, output) = Run<NoDeclarationPipelineBuild>("GeneratePipeline", "--pipeline-path", Path.Combine(_root, "infra", "pipes.yml"));
        Assert.True(code == 0, output);
        var text = File.ReadAllText(Path.Combine(_root, "infra", "pipes.yml"));
        Assert.Contains("- feature/**", text);
        Assert.False(File.Exists(TemplatePath));
    }

    [Fact]
    public void TestGeneratePipeline_WithoutProductionEnvironmentSaysWhatToAdd()
    {
        File.WriteAllText(Path.Combine(_root, "deploy", "environments.json"), Environments.Replace("\"production\"", "\"qa\""));
        var (code, output) = Run<PipelineBuild>("GeneratePipeline");
        Assert.NotEqual(0, code);
        Assert.Contains("has no production environment: the production pipeline deploys to its cluster and service. Add \"production\" to it", output);
    }

    private (int Code, string Output) Run<TBuild>(params string[] args)
        where TBuild : SlipwayBuild, new()
    {
        var output = new StringWriter();
        var code = BuildRunner.Run(() => new TBuild(), [], new BuildRunOptions
        {
            Arguments = [.. args, "--root", _root, "--no-logo"],
            Environment = new Dictionary<string, string?>(),
            Output = output,
            WorkingDirectory = _root,
        });
        return (code, output.ToString());
    }
}
