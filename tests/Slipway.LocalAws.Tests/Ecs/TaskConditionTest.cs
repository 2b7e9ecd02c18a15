using Slipway.LocalAws.Ecs.Deployments;
using Slipway.LocalAws.Ecs.Docker;
using Slipway.LocalAws.Ecs.State;

namespace Slipway.LocalAws.Tests.Ecs;

/// <summary>How observed containers decide a task's fate, including the health-check paths the Docker tests would need seconds to reach.</summary>
public sealed class TaskConditionTest
{
    private static readonly TaskRecord Task = new()
    {
        Id = "0123456789abcdef0123456789abcdef",
        TaskDefinition = "arn:aws:ecs:us-east-1:111111111111:task-definition/web:1",
        CreatedAt = DateTimeOffset.UnixEpoch,
        Containers = [new("web", "c-web", Essential: true, HasHealthCheck: true), new("sidecar", "c-side", Essential: false, HasHealthCheck: false)],
    };

    [Fact]
    public void TestOf_RunningAndHealthy()
    {
        var condition = TaskCondition.Of(Task, Observed(("c-web", "running", 0, "healthy"), ("c-side", "running", 0, null)));

        Assert.Equal(new TaskCondition(null, true, true), condition);
    }

    [Fact]
    public void TestOf_HealthCheckStartingIsRunningButNotHealthy()
    {
        var condition = TaskCondition.Of(Task, Observed(("c-web", "running", 0, "starting"), ("c-side", "running", 0, null)));

        Assert.Equal(new TaskCondition(null, true, false), condition);
    }

    [Fact]
    public void TestOf_UnhealthyEssentialContainerStopsTheTask()
    {
        var condition = TaskCondition.Of(Task, Observed(("c-web", "running", 0, "unhealthy"), ("c-side", "running", 0, null)));

        Assert.Equal("Task failed container health checks (container 'web')", condition.StoppedReason);
    }

    [Fact]
    public void TestOf_ExitedEssentialContainerStopsTheTask()
    {
        var condition = TaskCondition.Of(Task, Observed(("c-web", "exited", 3, "unhealthy"), ("c-side", "running", 0, null)));

        Assert.Equal("Essential container in task exited (container 'web' exited with code 3)", condition.StoppedReason);
    }

    [Fact]
    public void TestOf_RemovedEssentialContainerStopsTheTask()
    {
        var condition = TaskCondition.Of(Task, Observed(("c-side", "running", 0, null)));

        Assert.Equal("Essential container in task exited (container 'web' was removed)", condition.StoppedReason);
    }

    [Fact]
    public void TestOf_ExitedNonEssentialContainerIsIgnored()
    {
        var condition = TaskCondition.Of(Task, Observed(("c-web", "running", 0, "healthy"), ("c-side", "exited", 1, null)));

        Assert.Null(condition.StoppedReason);
    }

    private static Dictionary<string, ContainerObservation> Observed(params (string Id, string Status, int ExitCode, string? Health)[] containers) =>
        containers.ToDictionary(container => container.Id, container => new ContainerObservation(
            container.Id, new Dictionary<string, string>(), container.Status, container.ExitCode, container.Health, null));
}
