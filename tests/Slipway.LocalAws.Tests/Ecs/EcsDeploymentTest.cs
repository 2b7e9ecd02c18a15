using System.Text.Json.Nodes;
using Slipway.LocalAws.Tests.Ecs.Infrastructure;

namespace Slipway.LocalAws.Tests.Ecs;

/// <summary>Rollouts on the real Docker engine: a first revision, a healthy update, and broken updates with and without the circuit breaker.</summary>
public sealed class EcsDeploymentTest(HttpdImage image) : IClassFixture<HttpdImage>, IAsyncLifetime
{
    private EcsHarness _ecs = null!;

    public Task InitializeAsync()
    {
        _ecs = new EcsHarness();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _ecs.DisposeAsync();

    [Fact]
    public async Task TestUpdateService_RollsOutNewRevisionAndStopsOldTasks()
    {
        var port = HttpdImage.FreePort();
        var first = await _ecs.RegisterHttpdAsync("rolling", image, "v1", port);
        var created = await _ecs.CreateServiceAsync("rolling", (string)first["taskDefinitionArn"]!);
        await _ecs.WaitForCompletedAsync("rolling", created);
        Assert.Equal("v1", await HttpdImage.GetVersionAsync(port));
        var oldContainers = await TestDocker.ContainersAsync("slipway.ecs.service=rolling");

        var healthCheck = new JsonObject
        {
            ["command"] = new JsonArray("CMD-SHELL", $"/busybox wget -q -O /dev/null http://127.0.0.1:{port}/version || exit 1"),
            ["interval"] = 5,
            ["timeout"] = 2,
            ["retries"] = 2,
        };
        var second = await _ecs.RegisterHttpdAsync("rolling", image, "v2", port, healthCheck: healthCheck);
        var answer = await _ecs.UpdateServiceOutputAsync("rolling", "rolling:2");
        var updated = (string)EcsHarness.PrimaryDeployment(answer)["id"]!;
        var service = await _ecs.WaitForCompletedAsync("rolling", updated);

        Assert.Matches("^ecs-svc/[0-9]{19}$", updated);
        Assert.Equal(
            [("PRIMARY", "IN_PROGRESS", (string?)second["taskDefinitionArn"]), ("ACTIVE", "COMPLETED", (string?)first["taskDefinitionArn"])],
            answer["deployments"]!.AsArray().Select(deployment => ((string?)deployment!["status"], (string?)deployment["rolloutState"], (string?)deployment["taskDefinition"])));
        Assert.Equal(created, (string?)answer["deployments"]![1]!["id"]);

        Assert.Equal("v2", await HttpdImage.GetVersionAsync(port));
        Assert.Single(oldContainers);
        Assert.False(await TestDocker.IsRunningAsync(oldContainers[0]));
        var containers = await TestDocker.ContainersAsync("slipway.ecs.service=rolling");
        Assert.Single(containers);
        Assert.DoesNotContain(oldContainers[0], containers);
        Assert.Equal((string?)second["taskDefinitionArn"], (string?)service["taskDefinition"]);
        Assert.Equal((1, 1, 0), ((int)service["desiredCount"]!, (int)service["runningCount"]!, (int)service["pendingCount"]!));
        var events = EcsHarness.Events(service);
        Assert.Equal("(service rolling) has reached a steady state.", events[0]);
        Assert.Contains($"(service rolling) (deployment {updated}) deployment completed.", events);
        Assert.Contains(events, message => message.StartsWith("(service rolling) has stopped 1 running tasks: (task ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TestUpdateService_BrokenRevisionTripsCircuitBreakerAndRollsBack()
    {
        var port = HttpdImage.FreePort();
        var stable = await _ecs.RegisterHttpdAsync("breaker", image, "v2", port);
        await _ecs.WaitForCompletedAsync("breaker", await _ecs.CreateServiceAsync("breaker", "breaker:1"));
        Assert.Equal("v2", await HttpdImage.GetVersionAsync(port));

        // Same port as the stable revision: its tasks are stopped first (host networking), so the rollback has to start them again.
        await _ecs.RegisterHttpdAsync("breaker", image, "v3", port, command: ["/busybox", "false"]);
        var broken = await _ecs.UpdateServiceAsync("breaker", "breaker:2");
        var (service, seen) = await _ecs.WaitForServiceAsync("breaker", "rolled back and COMPLETED", service =>
            service["deployments"]!.AsArray() is [var only] && (string?)only!["rolloutState"] == "COMPLETED" && (string?)only["id"] != broken
            && (int)service["runningCount"]! == 1);

        var failed = seen.Last(deployment => (string?)deployment["id"] == broken);
        Assert.Equal("FAILED", (string?)failed["rolloutState"]);
        Assert.Equal("ECS deployment circuit breaker: tasks failed to start.", (string?)failed["rolloutStateReason"]);
        Assert.Equal(2, (int)failed["failedTasks"]!);
        Assert.Equal((string?)stable["taskDefinitionArn"], (string?)service["taskDefinition"]);
        Assert.Equal("v2", await HttpdImage.GetVersionAsync(port));
        var events = EcsHarness.Events(service);
        Assert.Contains($"(service breaker) (deployment {broken}) deployment failed: tasks failed to start.", events);
        Assert.Contains($"(service breaker) rolling back to taskDefinition {stable["taskDefinitionArn"]}.", events);
        Assert.Contains(events, message => message.Contains("stopped: Essential container in task exited (container 'web' exited with code 1)", StringComparison.Ordinal));
        Assert.Equal("(service breaker) has reached a steady state.", events[0]);
    }

    [Fact]
    public async Task TestUpdateService_BrokenRevisionWithoutSharedPortLeavesOldTasksServing()
    {
        var port = HttpdImage.FreePort();
        await _ecs.RegisterHttpdAsync("side", image, "v1", port);
        await _ecs.WaitForCompletedAsync("side", await _ecs.CreateServiceAsync("side", "side:1"));
        var serving = Assert.Single(await TestDocker.ContainersAsync("slipway.ecs.service=side"));

        await _ecs.RegisterHttpdAsync("side", image, "v2", HttpdImage.FreePort(), portMapping: false, command: ["/busybox", "false"]);
        var broken = await _ecs.UpdateServiceAsync("side", "side:2");
        var (service, _) = await _ecs.WaitForServiceAsync("side", "rolled back", service =>
            service["deployments"]!.AsArray() is [var only] && (string?)only!["rolloutState"] == "COMPLETED" && (string?)only["id"] != broken);

        Assert.Equal("v1", await HttpdImage.GetVersionAsync(port));
        Assert.Equal([serving], await TestDocker.ContainersAsync("slipway.ecs.service=side"));
        Assert.True(await TestDocker.IsRunningAsync(serving));
        Assert.Equal(EcsHarness.TaskDefinitionArn("side", 1), (string?)service["taskDefinition"]);
    }

    [Fact]
    public async Task TestUpdateService_WithoutCircuitBreakerKeepsRetrying()
    {
        var port = HttpdImage.FreePort();
        await _ecs.RegisterHttpdAsync("retry", image, "v1", port);
        await _ecs.WaitForCompletedAsync("retry", await _ecs.CreateServiceAsync("retry", "retry:1", circuitBreaker: false, rollback: false));

        await _ecs.RegisterHttpdAsync("retry", image, "v2", port, portMapping: false, command: ["/busybox", "false"]);
        var broken = await _ecs.UpdateServiceAsync("retry", "retry:2");
        var (service, _) = await _ecs.WaitForServiceAsync("retry", "three failed tasks", service =>
            (int)service["deployments"]![0]!["failedTasks"]! >= 3);

        var primary = service["deployments"]![0]!;
        Assert.Equal((broken, "IN_PROGRESS"), ((string?)primary["id"], (string?)primary["rolloutState"]));
        Assert.Equal(2, service["deployments"]!.AsArray().Count);
        Assert.Equal("v1", await HttpdImage.GetVersionAsync(port));
    }
}
