using Slipway.LocalAws.Ecs.Docker;
using Slipway.LocalAws.Ecs.State;

namespace Slipway.LocalAws.Ecs.Deployments;

/// <summary>What a task's containers say about it: stopped (and why), or whether its essential containers run and its health checks pass.</summary>
internal sealed record TaskCondition(string? StoppedReason, bool IsRunning, bool IsHealthy)
{
    /// <summary>The condition of <paramref name="task"/> given the observed <paramref name="containers"/> (by container id).</summary>
    public static TaskCondition Of(TaskRecord task, IReadOnlyDictionary<string, ContainerObservation> containers)
    {
        var running = true;
        var healthy = true;
        foreach (var container in task.Containers.Where(container => container.Essential))
        {
            // ECS's stoppedReason texts, with which container and how, so an event says what to look at.
            if (!containers.TryGetValue(container.ContainerId, out var observed))
                return Stopped($"Essential container in task exited (container '{container.Name}' was removed)");
            if (observed.HasEnded)
                return Stopped($"Essential container in task exited (container '{container.Name}' exited with code {observed.ExitCode}{(observed.Error is null ? "" : ": " + observed.Error)})");
            if (observed.Health == "unhealthy")
                return Stopped($"Task failed container health checks (container '{container.Name}')");
            running &= observed.IsRunning;
            healthy &= !container.HasHealthCheck || observed.Health == "healthy";
        }

        return new TaskCondition(null, running, healthy);
    }

    /// <summary>Whether a failed health check (not an exit) stopped the task.</summary>
    public bool IsUnhealthy => StoppedReason?.StartsWith("Task failed container health checks", StringComparison.Ordinal) == true;

    private static TaskCondition Stopped(string reason) => new(reason, false, false);
}
