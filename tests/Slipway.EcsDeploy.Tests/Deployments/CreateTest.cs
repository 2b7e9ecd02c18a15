using System.Text.Json.Nodes;
using Slipway.Aws.Ecs;
using Slipway.EcsDeploy.Deployments;
using Slipway.EcsDeploy.Tests.Deployments.Infrastructure;
using Slipway.LocalAws.Tests.Ecs.Infrastructure;
using Xunit.Abstractions;

namespace Slipway.EcsDeploy.Tests.Deployments;

/// <summary>Deploy creates a missing service from its service definition (and, when asked, its cluster), on the local platform's ECS.</summary>
public sealed class CreateTest(LocalEcsFixture local, ITestOutputHelper output) : IClassFixture<LocalEcsFixture>
{
    private static readonly JsonObject Definition = ServiceDefinitionFile.Parse("""
        // as in sample/deploy/service.json
        { "desiredCount": 1, "deploymentConfiguration": { "deploymentCircuitBreaker": { "enable": true, "rollback": true } }, }
        """, "service.json");

    [Fact]
    public async Task TestDeploy_MissingServiceAndClusterWithDefinition_CreatesBothWaitsAndServes()
    {
        using var ecs = local.Client();
        var (name, port) = (LocalEcsFixture.UniqueName("create"), HttpdImage.FreePort());
        var cluster = LocalEcsFixture.UniqueName("cluster");
        var v1 = await local.RegisterAsync(ecs, name, "v1", port);

        var result = await new Deployer(ecs).DeployAsync(new DeployRequest
        {
            Cluster = cluster, Service = name, TaskDefinition = v1, ServiceDefinition = Definition, CreateCluster = true, PollInterval = TimeSpan.FromMilliseconds(500),
        });
        output.WriteLine(result.Describe());

        Assert.True(result is { Status: DeployStatus.Deployed, Created: true }, result.Describe());
        Assert.Equal(DeploymentOutcome.Completed, result.Wait!.Outcome);
        Assert.Equal("v1", await HttpdImage.GetVersionAsync(port));
        var service = (await ecs.DescribeServicesAsync(new DescribeServicesRequest { Cluster = cluster, Services = [name] })).Services.Single();
        Assert.Equal((v1, 1, true), (service.TaskDefinition, service.DesiredCount, service.DeploymentConfiguration?.DeploymentCircuitBreaker?.Enable));

        var again = await new Deployer(ecs).DeployAsync(new DeployRequest { Cluster = cluster, Service = name, TaskDefinition = v1, ServiceDefinition = Definition, CreateCluster = true });
        Assert.True(again is { Status: DeployStatus.Unchanged, Created: false }, again.Describe());
    }

    [Fact]
    public async Task TestDeploy_MissingServiceWithoutDefinition_StaysTheClearError()
    {
        using var ecs = local.Client();
        var name = LocalEcsFixture.UniqueName("nodef");
        var v1 = await local.RegisterAsync(ecs, name, "v1", HttpdImage.FreePort());

        var error = await Assert.ThrowsAsync<EcsDeployException>(() => new Deployer(ecs).DeployAsync(new DeployRequest { Service = name, TaskDefinition = v1 }));

        Assert.Contains($"Service '{name}' does not exist", error.Message);
    }

    [Fact]
    public async Task TestDeploy_MissingServiceDryRun_CreatesNothing()
    {
        using var ecs = local.Client();
        var name = LocalEcsFixture.UniqueName("dry");
        var v1 = await local.RegisterAsync(ecs, name, "v1", HttpdImage.FreePort());

        var result = await new Deployer(ecs).DeployAsync(new DeployRequest { Service = name, TaskDefinition = v1, ServiceDefinition = Definition, DryRun = true });

        Assert.Equal(DeployStatus.DryRun, result.Status);
        Assert.Contains("would create", result.Message);
        Assert.Empty((await ecs.DescribeServicesAsync(new DescribeServicesRequest { Services = [name] })).Services);
    }

    [Theory]
    [InlineData("""{"serviceName": "x", "desiredCount": 1}""", "'serviceName'")]
    [InlineData("""[1]""", "must be a JSON object")]
    [InlineData("""{"desiredCount": """, "not valid JSON")]
    public void TestParse_MembersDeploySetsOrNotAnObject_Refused(string text, string expected)
    {
        var error = Assert.Throws<EcsDeployException>(() => ServiceDefinitionFile.Parse(text, "deploy/service.json"));

        Assert.Contains("deploy/service.json", error.Message);
        Assert.Contains(expected, error.Message);
    }
}
