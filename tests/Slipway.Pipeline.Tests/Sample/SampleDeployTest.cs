using Slipway.EcsDeploy;
using Slipway.EcsDeploy.Deployments;
using Slipway.EcsDeploy.Environments;
using Xunit.Abstractions;

namespace Slipway.Pipeline.Tests.Sample;

/// <summary>The sample built, pushed, registered from its own template and deployed with Deployer on the local platform, checked over HTTP.</summary>
public sealed class SampleDeployTest(SamplePlatform sample, ITestOutputHelper output) : IClassFixture<SamplePlatform>
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);

    [Fact]
    public async Task TestDeploy_NewRevisionOfTheSample_AnswersTheDeployedVersionTheImageVersionAndHealth()
    {
        using var ecs = sample.Ecs("development");
        var environment = await sample.EnvironmentAsync(ecs, EnvironmentNames.Development);
        await SamplePlatform.CreateServiceAsync(ecs, environment, await SamplePlatform.RegisterAsync(ecs, environment, sample.Image, "1.4.0-alpha.1"));
        Assert.Equal("1.4.0-alpha.1", await GetAsync(ecs, environment, "version"));

        var next = await SamplePlatform.RegisterAsync(ecs, environment, sample.Image, "1.4.0-alpha.2");
        var result = await new Deployer(ecs).DeployAsync(new DeployRequest
        {
            Cluster = environment.Cluster, Service = environment.Service!, TaskDefinition = next, PollInterval = Poll,
        });
        output.WriteLine(result.Describe());

        Assert.True(result.Status == DeployStatus.Deployed, result.Describe());
        Assert.Equal("1.4.0-alpha.2", await GetAsync(ecs, environment, "version"));
        Assert.Equal(SamplePlatform.ImageVersion, await GetAsync(ecs, environment, "image-version"));
        Assert.Equal("ok", await GetAsync(ecs, environment, "health"));
        Assert.Contains("Version <b>1.4.0-alpha.2</b>", await GetAsync(ecs, environment, ""));
    }

    [Fact]
    public async Task TestDeploy_BrokenImage_FailsWithTheReasonAndThePreviousVersionKeepsAnswering()
    {
        using var ecs = sample.Ecs("development");
        var environment = await sample.EnvironmentAsync(ecs, EnvironmentNames.Development);
        var good = await SamplePlatform.RegisterAsync(ecs, environment, sample.Image, "1.4.0");
        await SamplePlatform.CreateServiceAsync(ecs, environment, good);
        var broken = await SamplePlatform.RegisterAsync(ecs, environment, sample.BrokenImage, "1.4.1");

        var result = await new Deployer(ecs).DeployAsync(new DeployRequest
        {
            Cluster = environment.Cluster, Service = environment.Service!, TaskDefinition = broken, PollInterval = Poll, Timeout = TimeSpan.FromSeconds(90),
        });
        output.WriteLine(result.Describe());

        Assert.True(result.Status == DeployStatus.Failed, result.Describe());
        Assert.Contains("Essential container in task exited", result.Describe());
        Assert.Equal(good, result.Rollback?.TaskDefinition);
        Assert.Equal("1.4.0", await GetAsync(ecs, environment, "version", TimeSpan.FromSeconds(30)));
    }

    private static Task<string?> GetAsync(Aws.Ecs.EcsClient ecs, DeploymentEnvironment environment, string path, TimeSpan? patience = null) =>
        ServiceHttp.GetAsync(ecs, environment.Cluster, environment.Service!, path, patience ?? TimeSpan.FromSeconds(5));
}
