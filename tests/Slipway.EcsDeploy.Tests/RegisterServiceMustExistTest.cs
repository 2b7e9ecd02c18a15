using System.Text.Json.Nodes;
using Slipway.EcsDeploy.Deployments;
using Slipway.EcsDeploy.TaskDefinitions;
using Slipway.EcsDeploy.Tests.TaskDefinitions;

namespace Slipway.EcsDeploy.Tests;

/// <summary>RegisterTaskDef before a deploy (ServiceMustExist): a service that cannot be deployed fails before anything is registered.</summary>
public sealed class RegisterServiceMustExistTest(LocalEcs local) : IClassFixture<LocalEcs>, IDisposable
{
    private readonly TestTemplate _template = new();

    public void Dispose() => _template.Dispose();

    private RegisterRequest Request(string? cluster = null, string? service = null) => new()
    {
        Cluster = cluster, Service = service ?? _template.Family, Source = new TaskDefinitionSource(_template.File("api:2")), ServiceMustExist = true,
    };

    [Fact]
    public async Task TestRegister_MissingService_FailsNamingItBeforeRegistering()
    {
        var error = await Assert.ThrowsAsync<EcsDeployException>(() => TaskDefinitionRegistration.RegisterAsync(local.Ecs, Request()));

        Assert.Contains($"Service '{_template.Family}' does not exist in cluster 'default'", error.Message);
        Assert.DoesNotContain("RegisterTaskDefinition", local.Calls.Operations);
    }

    [Fact]
    public async Task TestRegister_MissingCluster_FailsNamingItBeforeRegistering()
    {
        var error = await Assert.ThrowsAsync<EcsDeployException>(() => TaskDefinitionRegistration.RegisterAsync(local.Ecs, Request(cluster: "no-such-cluster")));

        Assert.Contains("Cluster 'no-such-cluster' does not exist", error.Message);
        Assert.DoesNotContain("RegisterTaskDefinition", local.Calls.Operations);
    }

    [Fact]
    public async Task TestRegister_CodeDeployService_FailsNamingTheControllerBeforeRegistering()
    {
        var registered = await local.Ecs.RegisterTaskDefinitionAsync(_template.Render("api:1").ToRegisterRequest());
        await local.Ecs.Transport.InvokeAsync("CreateService", new JsonObject
        {
            ["serviceName"] = _template.Family,
            ["taskDefinition"] = registered.TaskDefinition.TaskDefinitionArn,
            ["desiredCount"] = 0,
            ["deploymentController"] = new JsonObject { ["type"] = "CODE_DEPLOY" },
        });
        local.Calls.Clear();

        var error = await Assert.ThrowsAsync<EcsDeployException>(() => TaskDefinitionRegistration.RegisterAsync(local.Ecs, Request()));

        Assert.Contains("uses the CODE_DEPLOY deployment controller", error.Message);
        Assert.DoesNotContain("RegisterTaskDefinition", local.Calls.Operations);
    }
}
