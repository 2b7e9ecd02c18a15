using System.Text.Json.Nodes;
using Slipway.LocalAws.Tests.Ecs.Infrastructure;

namespace Slipway.LocalAws.Tests.Ecs;

/// <summary>Bridge networking with host ports on 127.0.0.1 (dynamic and fixed), several tasks and revisions at once, and ListTasks/DescribeTasks over them.</summary>
public sealed class EcsTasksTest(HttpdImage image) : IClassFixture<HttpdImage>, IAsyncLifetime
{
    private const int ContainerPort = 8080;
    private readonly EcsHarness _ecs = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _ecs.DisposeAsync().AsTask();

    [Fact]
    public async Task TestBridgeTasks_TwoRevisionsOfTwoTasksEachRunSideBySideOnTheirOwnHostPorts()
    {
        await _ecs.RegisterHttpdAsync("bridged", image, "v1", ContainerPort, networkMode: "bridge");
        var first = await _ecs.CreateServiceAsync("bridged", "bridged:1", desiredCount: 2);
        await _ecs.WaitForCompletedAsync("bridged", first);

        // The second revision's health check never passes within its start period: its tasks run but the rollout cannot complete, so both revisions keep running.
        var starting = new JsonObject { ["command"] = new JsonArray("CMD", "/busybox", "false"), ["interval"] = 5, ["retries"] = 3, ["startPeriod"] = 300 };
        await _ecs.RegisterHttpdAsync("bridged", image, "v2", ContainerPort, networkMode: "bridge", healthCheck: starting);
        var second = await _ecs.UpdateServiceAsync("bridged", "bridged:2");
        await _ecs.WaitForServiceAsync("bridged", "4 tasks running", service => (int)service["runningCount"]! == 4);

        var tasks = await DescribeAsync(await ListAsync(new JsonObject { ["serviceName"] = "bridged" }));
        Assert.Equal(4, tasks.Count);
        Assert.Equal([(EcsHarness.TaskDefinitionArn("bridged", 1), first, 2), (EcsHarness.TaskDefinitionArn("bridged", 2), second, 2)],
            tasks.GroupBy(task => ((string)task["taskDefinitionArn"]!, (string)task["startedBy"]!)).Select(group => (group.Key.Item1, group.Key.Item2, group.Count())).Order());
        var bindings = tasks.Select(task => task["containers"]!.AsArray().Single()!["networkBindings"]!.AsArray().Single()!.AsObject()).ToList();
        Assert.All(bindings, binding => Assert.Equal(("127.0.0.1", ContainerPort, "tcp"), ((string)binding["bindIP"]!, (int)binding["containerPort"]!, (string)binding["protocol"]!)));
        Assert.Equal(4, bindings.Select(binding => (int)binding["hostPort"]!).Distinct().Count());
        foreach (var task in tasks)
        {
            Assert.Equal(("RUNNING", "RUNNING", "service:bridged"), ((string)task["lastStatus"]!, (string)task["desiredStatus"]!, (string)task["group"]!));
            var hostPort = (int)task["containers"]![0]!["networkBindings"]![0]!["hostPort"]!;
            var version = (string)task["taskDefinitionArn"]! == EcsHarness.TaskDefinitionArn("bridged", 1) ? "v1" : "v2";
            Assert.Equal(version, await HttpdImage.GetVersionAsync(hostPort));
        }
    }

    [Fact]
    public async Task TestBridgeTasks_FixedHostPortHeldByATaskLeavesTheSecondUnplaced()
    {
        var hostPort = HttpdImage.FreePort();
        await _ecs.RegisterHttpdAsync("fixed", image, "v1", ContainerPort, networkMode: "bridge", hostPort: hostPort);
        await _ecs.CreateServiceAsync("fixed", "fixed:1", desiredCount: 2);
        var message = $"(service fixed) was unable to place a task because no container instance met all of its requirements. " +
            $"The closest matching container-instance is already using a port required by your task (host port {hostPort} on 127.0.0.1).";

        var (service, _) = await _ecs.WaitForServiceAsync("fixed", "one task running, one unplaced",
            service => (int)service["runningCount"]! == 1 && EcsHarness.Events(service).Contains(message));

        Assert.Equal("IN_PROGRESS", (string?)EcsHarness.PrimaryDeployment(service)["rolloutState"]);
        Assert.Equal("v1", await HttpdImage.GetVersionAsync(hostPort));
        var task = Assert.Single(await DescribeAsync(await ListAsync(new JsonObject { ["serviceName"] = "fixed" })));
        Assert.Equal(hostPort, (int)task["containers"]![0]!["networkBindings"]![0]!["hostPort"]!);
    }

    [Fact]
    public async Task TestListAndDescribeTasks_StoppedTasksKeepTheirReasonAndExitCode()
    {
        await _ecs.RegisterHttpdAsync("crashing", image, "v1", ContainerPort, networkMode: "bridge", command: ["/bin/sh", "-c", "exit 3"]);
        var deployment = await _ecs.CreateServiceAsync("crashing", "crashing:1", rollback: false);
        await _ecs.WaitForServiceAsync("crashing", "circuit breaker tripped", service => (string?)EcsHarness.PrimaryDeployment(service)["rolloutState"] == "FAILED");

        Assert.Empty(await ListAsync(new JsonObject { ["serviceName"] = "crashing" }));
        var stopped = await DescribeAsync(await ListAsync(new JsonObject { ["serviceName"] = "crashing", ["desiredStatus"] = "STOPPED" }));
        Assert.Equal(2, stopped.Count);
        foreach (var task in stopped)
        {
            Assert.Equal(("STOPPED", "STOPPED", deployment), ((string)task["lastStatus"]!, (string)task["desiredStatus"]!, (string)task["startedBy"]!));
            Assert.Equal("EssentialContainerExited", (string?)task["stopCode"]);
            Assert.StartsWith("Essential container in task exited", (string)task["stoppedReason"]!, StringComparison.Ordinal);
            Assert.Equal(3, (int)task["containers"]![0]!["exitCode"]!);
            Assert.NotNull(task["stoppedAt"]);
            Assert.Matches("^arn:aws:ecs:us-east-1:111111111111:task/default/[0-9a-f]{32}$", (string)task["taskArn"]!);
        }

        var missing = await _ecs.CallAsync("DescribeTasks", new JsonObject { ["tasks"] = new JsonArray("0123456789abcdef0123456789abcdef") });
        Assert.Empty(missing["tasks"]!.AsArray());
        Assert.Equal(("arn:aws:ecs:us-east-1:111111111111:task/default/0123456789abcdef0123456789abcdef", "MISSING"),
            ((string)missing["failures"]![0]!["arn"]!, (string)missing["failures"]![0]!["reason"]!));
        var error = await _ecs.FailAsync("ListTasks", new JsonObject { ["serviceName"] = "nothing" }, "ServiceNotFoundException");
        Assert.Contains("'nothing'", error.Message, StringComparison.Ordinal);
    }

    private async Task<IReadOnlyList<string>> ListAsync(JsonObject input) =>
        (await _ecs.CallAsync("ListTasks", input))["taskArns"]!.AsArray().Select(arn => (string)arn!).ToList();

    private async Task<IReadOnlyList<JsonObject>> DescribeAsync(IReadOnlyList<string> arns)
    {
        var output = await _ecs.CallAsync("DescribeTasks", new JsonObject { ["tasks"] = new JsonArray([.. arns.Select(arn => (JsonNode)arn)]) });
        Assert.Empty(output["failures"]!.AsArray());
        return output["tasks"]!.AsArray().Select(task => task!.AsObject()).ToList();
    }
}
