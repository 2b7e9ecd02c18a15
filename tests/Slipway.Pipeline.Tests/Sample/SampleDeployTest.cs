using Slipway.EcsDeploy;
using Slipway.EcsDeploy.Deployments;
using Slipway.EcsDeploy.Environments;
using Slipway.LocalAws.Tests.Ecs.Infrastructure;
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
        var port = HttpdImage.FreePort();
        var environment = await sample.EnvironmentAsync(ecs, EnvironmentNames.Development, port);
        await SamplePlatform.CreateServiceAsync(ecs, environment, await SamplePlatform.RegisterAsync(ecs, environment, sample.Image, "1.4.0-alpha.1"));
        Assert.Equal("1.4.0-alpha.1", await GetAsync(port, "version"));

        var next = await SamplePlatform.RegisterAsync(ecs, environment, sample.Image, "1.4.0-alpha.2");
        var result = await new Deployer(ecs).DeployAsync(new DeployRequest
        {
            Cluster = environment.Cluster, Service = environment.Service!, TaskDefinition = next, PollInterval = Poll,
        });
        output.WriteLine(result.Describe());

        Assert.True(result.Status == DeployStatus.Deployed, result.Describe());
        Assert.Equal("1.4.0-alpha.2", await GetAsync(port, "version"));
        Assert.Equal(SamplePlatform.ImageVersion, await GetAsync(port, "image-version"));
        Assert.Equal("ok", await GetAsync(port, "health"));
        Assert.Contains("Version <b>1.4.0-alpha.2</b>", await GetAsync(port, ""));
    }

    [Fact]
    public async Task TestDeploy_BrokenImage_FailsWithTheReasonAndThePreviousVersionKeepsAnswering()
    {
        using var ecs = sample.Ecs("development");
        var port = HttpdImage.FreePort();
        var environment = await sample.EnvironmentAsync(ecs, EnvironmentNames.Development, port);
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
        Assert.Equal("1.4.0", await GetAsync(port, "version", TimeSpan.FromSeconds(30)));
    }

    private static Task<string?> GetAsync(int port, string path, TimeSpan? patience = null) => HttpdImage.GetAsync(port, path, patience ?? TimeSpan.FromSeconds(5));
}
