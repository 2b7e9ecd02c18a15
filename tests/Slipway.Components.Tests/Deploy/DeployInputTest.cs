namespace Slipway.Components.Tests.Deploy;

/// <summary>Bad input to the deploy targets: each a clear error naming the input, before anything changes.</summary>
public sealed class DeployInputTest
{
    [Fact]
    public async Task TestDeploy_MissingEnvironmentValues_AllReportedBeforeAnythingRuns()
    {
        await using var deploy = DeployRepository.Create(environments: """
            { "defaults": { "platform": "local", "account": "development" }, "environments": { "development": {}, "staging": {}, "production": {} } }
            """, createService: false);

        var run = deploy.Run("Deploy");

        Assert.Equal(BuildRunner.InvalidInvocation, run.Code);
        Assert.Contains("environment 'development' is not ready for the targets PushEcr, RegisterTaskDef, Deploy", run.Output);
        foreach (var key in new[] { "cluster", "service", "containers" })
            Assert.Contains($"'development.{key}' is missing", run.Output);
        Assert.Null(((IDockerBuild)run.Build).BuiltImage);
        Assert.DoesNotContain("docker build", run.Output);
    }

    [Fact]
    public async Task TestDeploy_BranchWithNoEnvironment_NamesTheBranch()
    {
        await using var deploy = DeployRepository.Create(createService: false);
        deploy.Repository.Git("checkout", "-q", "-b", "support/1.x");

        var run = deploy.Run("Deploy");

        Assert.NotEqual(0, run.Code);
        Assert.Contains("Branch 'support/1.x' is a Support branch, which deploys to no environment", run.Output);
        Assert.Contains("--environment development|staging|production", run.Output);
    }

    [Fact]
    public async Task TestDiff_UnknownTemplateVariable_NamesFileLineAndVariable()
    {
        await using var deploy = DeployRepository.Create(template: DeployRepository.Template.Replace("${Environment}", "${Stage}"));

        var run = deploy.Run("Diff");

        Assert.Equal(1, run.Code);
        Assert.Contains("taskdef.json' line 8: unknown variable '${Stage}'", run.Output);
        Assert.DoesNotContain("RegisterTaskDefinition", run.Build.Calls.Operations);
    }

    [Fact]
    public async Task TestDiff_InvalidTemplateJson_NamesFileAndLine()
    {
        await using var deploy = DeployRepository.Create(template: DeployRepository.Template.Replace("\"networkMode\": \"host\",", "\"networkMode\": \"host\""));

        var run = deploy.Run("Diff");

        Assert.Equal(1, run.Code);
        Assert.Contains("taskdef.json' line 4", run.Output);
        Assert.Contains("not valid JSON after rendering", run.Output);
    }

    [Fact]
    public async Task TestDiff_UnknownContainer_ListsTheContainers()
    {
        await using var deploy = DeployRepository.Create();

        var run = deploy.Run("Diff", "--env-override", "containers=web");

        Assert.True(run.Code == 1, run.Output);
        Assert.Contains("has no container 'web' to set image", run.Output);
        Assert.Contains("Containers are: 'app'", run.Output);
    }

    [Fact]
    public async Task TestDiff_MissingClusterOrService_NamesIt()
    {
        await using var deploy = DeployRepository.Create();

        var cluster = deploy.Run("Diff", "--env-override", "development.cluster=nowhere");
        var service = deploy.Run("Diff", "--env-override", "service=nothing-here");

        Assert.Equal(1, cluster.Code);
        Assert.Contains("Cluster 'nowhere' does not exist", cluster.Output);
        Assert.Equal(1, service.Code);
        Assert.Contains("Service 'nothing-here' does not exist in cluster 'default'", service.Output);
    }

    [Fact]
    public async Task TestDiff_CodeDeployService_NamesTheController()
    {
        await using var deploy = DeployRepository.Create(createService: false);
        await deploy.CreateServiceAsync(controller: "CODE_DEPLOY");

        var run = deploy.Run("Diff");

        Assert.Equal(1, run.Code);
        Assert.Contains("uses the CODE_DEPLOY deployment controller", run.Output);
    }
}
