using System.Text.Json.Nodes;
using Slipway.Aws.Ecs;
using Slipway.LocalAws.Tests.Ecs.Infrastructure;

namespace Slipway.Aws.Tests.Integration;

/// <summary>Slipway's ECS client against the local platform's ECS on the real Docker engine: the register-and-update path a deploy takes, and the tasks it runs.</summary>
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

    [Fact]
    public async Task TestTasks_DescribedWithBindingsAndTheEndpointFollowsThePrimaryRevision()
    {
        using var ecs = new EcsClient(_local.Options());
        using var raw = new AwsJsonClient(AwsService.Ecs, _local.Options());
        await RegisterAsync(ecs, "v1");
        await raw.InvokeAsync("CreateService", new JsonObject { ["serviceName"] = "web", ["taskDefinition"] = "web:1", ["desiredCount"] = 2 });
        var first = await WaitForCompletedAsync(ecs);

        var arns = (await ecs.ListTasksAsync(new ListTasksRequest { ServiceName = "web" })).TaskArns;
        Assert.Equal(2, arns.Count);
        var described = await ecs.DescribeTasksAsync(new DescribeTasksRequest { Tasks = [.. arns, "0123456789abcdef0123456789abcdef"] });
        Assert.Equal("MISSING", described.Failures.Single().Reason);
        Assert.Equal(2, described.Tasks.Count);
        Assert.All(described.Tasks, task =>
        {
            Assert.Equal(("RUNNING", "RUNNING", first.PrimaryDeployment!.Id, first.TaskDefinition), (task.LastStatus, task.DesiredStatus, task.StartedBy, task.TaskDefinitionArn));
            Assert.NotNull(task.StartedAt);
            var binding = task.Containers.Single(container => container.Name == "web").NetworkBindings.Single();
            Assert.Equal(("127.0.0.1", 8080, "tcp"), (binding.BindIP, binding.ContainerPort, binding.Protocol));
        });
        var hostPorts = described.Tasks.Select(task => task.Containers[0].NetworkBindings[0].HostPort!.Value).ToList();
        Assert.NotEqual(hostPorts[0], hostPorts[1]);
        foreach (var port in hostPorts)
            Assert.Equal("v1", await HttpdImage.GetVersionAsync(port));

        var endpoint = await EcsServiceEndpoint.FindAsync(ecs, null, "web", "web");
        Assert.NotNull(endpoint);
        Assert.Contains(endpoint.Url.Port, hostPorts);
        Assert.Equal("v1", await HttpdImage.GetVersionAsync(endpoint.Url.Port));

        await RegisterAsync(ecs, "v2");
        await ecs.UpdateServiceAsync(new UpdateServiceRequest { Service = "web", TaskDefinition = "web:2" });
        var second = await WaitForCompletedAsync(ecs);
        var moved = await EcsServiceEndpoint.FindAsync(ecs, null, "web", "web", containerPort: 8080);
        Assert.Equal(second.TaskDefinition, moved!.TaskDefinitionArn);
        Assert.Equal("v2", await HttpdImage.GetVersionAsync(moved.Url.Port));
        var stopped = (await ecs.ListTasksAsync(new ListTasksRequest { ServiceName = "web", DesiredStatus = "STOPPED" })).TaskArns;
        Assert.Equal(arns.Order(), stopped.Order());

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => EcsServiceEndpoint.FindAsync(ecs, null, "web", "sidecar"));
        Assert.Contains("Container 'sidecar'", error.Message, StringComparison.Ordinal);
        error = await Assert.ThrowsAsync<InvalidOperationException>(() => EcsServiceEndpoint.FindAsync(ecs, null, "nothing", "web"));
        Assert.Contains("Service 'nothing'", error.Message, StringComparison.Ordinal);
    }

    private async Task RegisterAsync(EcsClient ecs, string version) =>
        await ecs.RegisterTaskDefinitionAsync(TaskDefinitionTemplate.Parse($$"""
            {
              "family": "web",
              "containerDefinitions": [{
                "name": "web", "image": "{{_image.Name}}",
                "command": {{new JsonArray([.. HttpdImage.ServeOnAllInterfacesCommand.Select(part => (JsonNode)part)]).ToJsonString()}},
                "environment": [{ "name": "VERSION", "value": "{{version}}" }, { "name": "PORT", "value": "8080" }],
                "portMappings": [{ "containerPort": 8080 }]
              }]
            }
            """, "web.json").ToRegisterRequest());

    private static async Task<Slipway.Aws.Ecs.EcsService> WaitForCompletedAsync(EcsClient ecs)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var service = (await ecs.DescribeServicesAsync(new DescribeServicesRequest { Services = ["web"] })).Services.Single();
            if (service.PrimaryDeployment?.RolloutState == "COMPLETED" && service.Deployments.Count == 1 && service.RunningCount == service.DesiredCount)
                return service;
            Assert.True(service.PrimaryDeployment?.RolloutState != "FAILED" && DateTime.UtcNow < deadline, $"The rollout of 'web' did not complete: {service.PrimaryDeployment?.RolloutState}");
            await Task.Delay(100);
        }
    }
}
