using System.Text.Json.Nodes;
using Slipway.Aws.Ecs;
using Slipway.LocalAws.Tests.Ecs.Infrastructure;

namespace Slipway.Aws.Tests.Integration;

/// <summary>Slipway's ECS client against the local platform's ECS on the real Docker engine: the register-and-update path a deploy takes.</summary>
public sealed class LocalEcsTest : IAsyncLifetime
{
    private readonly HttpdImage _image = new();
    private readonly LocalPlatformFixture _local = new();

    public async Task InitializeAsync()
    {
        await _image.InitializeAsync();
        await _local.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await _local.DisposeAsync();
        await _image.DisposeAsync();
    }

    private AwsClientOptions Options() => _local.Options();

    private async Task<EcsService> WaitForRolloutAsync(EcsClient ecs, string service)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var described = (await ecs.DescribeServicesAsync(new DescribeServicesRequest { Services = [service] })).Services.Single();
            if (described.PrimaryDeployment?.RolloutState is "COMPLETED" or "FAILED")
                return described;
            Assert.True(DateTime.UtcNow < deadline, $"The rollout of '{service}' did not finish: {described.PrimaryDeployment?.RolloutState}");
            await Task.Delay(250);
        }
    }

    [Fact]
    public async Task TestEcs_RegisterDeployUpdateAndErrors()
    {
        using var ecs = new EcsClient(Options());
        var port = HttpdImage.FreePort();
        var template = TaskDefinitionTemplate.Parse($$"""
            {
              "family": "api",
              "containerDefinitions": [{
                "name": "web", "image": "{{_image.Name}}", "essential": true,
                "command": {{new JsonArray(HttpdImage.ServeCommand.Select(x => (JsonNode)x!).ToArray()).ToJsonString()}},
                "environment": [{ "name": "VERSION", "value": "v1" }, { "name": "PORT", "value": "{{port}}" }],
                "portMappings": [{ "containerPort": {{port}}, "hostPort": {{port}} }]
              }],
              "networkMode": "host"
            }
            """, "api.json");
        var first = await ecs.RegisterTaskDefinitionAsync(template.ToRegisterRequest());
        Assert.Equal(1, first.TaskDefinition.Revision);

        using var raw = new AwsJsonClient(AwsService.Ecs, Options());
        await raw.InvokeAsync("CreateService", new JsonObject { ["serviceName"] = "api", ["taskDefinition"] = "api:1", ["desiredCount"] = 1 });
        Assert.Equal("COMPLETED", (await WaitForRolloutAsync(ecs, "api")).PrimaryDeployment!.RolloutState);
        Assert.Equal("v1", await HttpdImage.GetVersionAsync(port));

        // Describe, change one variable, re-register: every request member survives the round trip.
        var described = await ecs.DescribeTaskDefinitionAsync(new DescribeTaskDefinitionRequest { TaskDefinition = "api" });
        var second = await ecs.RegisterTaskDefinitionAsync(described.TaskDefinition.WithEnvironment("web", "VERSION", "v2").ToRegisterRequest());
        Assert.Equal(2, second.TaskDefinition.Revision);
        Assert.Equal("host", second.TaskDefinition.ToJson()["networkMode"]!.GetValue<string>());
        var updated = await ecs.UpdateServiceAsync(new UpdateServiceRequest { Service = "api", TaskDefinition = "api:2" });
        Assert.Equal("IN_PROGRESS", updated.Service!.PrimaryDeployment!.RolloutState);
        var done = await WaitForRolloutAsync(ecs, "api");
        Assert.Equal("COMPLETED", done.PrimaryDeployment!.RolloutState);
        Assert.EndsWith("api:2", done.TaskDefinition);
        Assert.Equal("v2", await HttpdImage.GetVersionAsync(port));
        Assert.Contains(done.Events, x => x.Message!.Contains("has reached a steady state"));

        var arns = (await ecs.ListTaskDefinitionsAsync(new ListTaskDefinitionsRequest { FamilyPrefix = "api" })).TaskDefinitionArns;
        Assert.Equal(2, arns.Count);
        Assert.Equal("INACTIVE", (await ecs.DeregisterTaskDefinitionAsync(new DeregisterTaskDefinitionRequest { TaskDefinition = "api:1" })).Status);
        await Assert.ThrowsAsync<ServiceNotFoundException>(() => ecs.UpdateServiceAsync(new UpdateServiceRequest { Service = "missing", TaskDefinition = "api:2" }));
        var missing = await ecs.DescribeServicesAsync(new DescribeServicesRequest { Services = ["missing"] });
        Assert.Equal("MISSING", missing.Failures.Single().Reason);
    }
}
