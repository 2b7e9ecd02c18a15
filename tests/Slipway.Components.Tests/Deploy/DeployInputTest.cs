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

    /// <summary>Diff with a bad template (<paramref name="replace"/> by <paramref name="with"/>), environment value or service: exit code 1 with the input named, nothing registered.</summary>
    [Theory]
    [InlineData("${Environment}", "${Stage}", null, "ECS", "taskdef.json' line 8: unknown variable '${Stage}'")]
    [InlineData("\"networkMode\": \"host\",", "\"networkMode\": \"host\"", null, "ECS", "taskdef.json' line 4", "not valid JSON after rendering")]
    [InlineData(null, null, "containers=web", "ECS", "has no container 'web' to set image", "Containers are: 'app'")]
    [InlineData(null, null, "development.cluster=nowhere", "ECS", "Cluster 'nowhere' does not exist")]
    [InlineData(null, null, "service=nothing-here", "ECS", "Service 'nothing-here' does not exist in cluster 'default'")]
    [InlineData(null, null, null, "CODE_DEPLOY", "uses the CODE_DEPLOY deployment controller")]
    public async Task TestDiff_BadInput_NamesIt(string? replace, string? with, string? envOverride, string controller, params string[] expected)
    {
        await using var deploy = DeployRepository.Create(template: replace is null ? null : DeployRepository.Template.Replace(replace, with), createService: false);
        await deploy.CreateServiceAsync(controller);

        var run = deploy.Run(envOverride is null ? ["Diff"] : ["Diff", "--env-override", envOverride]);

        Assert.True(run.Code == 1, run.Output);
        foreach (var message in expected)
            Assert.Contains(message, run.Output);
        Assert.DoesNotContain("RegisterTaskDefinition", run.Build.Calls.Operations);
    }
}
