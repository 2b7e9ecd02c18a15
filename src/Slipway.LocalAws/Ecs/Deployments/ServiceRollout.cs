using System.Diagnostics;
using Slipway.LocalAws.Ecs.State;

namespace Slipway.LocalAws.Ecs.Deployments;

/// <summary>
/// One reconciliation of one service, in the order ECS's scheduler works: see what the tasks do, trip the circuit breaker,
/// make room on the host, launch or stop tasks to the desired count, complete the rollout, report a steady state.
/// </summary>
/// <remarks>
/// Two tasks holding the same fixed host port (a containerPort under host networking, a non-zero hostPort in bridge mode) cannot
/// run side by side. A rollout whose new revision shares such a port with older tasks therefore stops those first (as ECS does
/// for host networking with minimumHealthyPercent 0), and a rollback restarts the previous revision. Revisions without shared
/// ports (dynamic host ports, awsvpc) run side by side until the new one is healthy (minimumHealthyPercent 100), and a rollback
/// finds the old tasks still running.
/// </remarks>
internal sealed partial class ServiceRollout(EcsAccountState account, ServiceRecord service, RolloutEnvironment environment)
{
    private DateTimeOffset Now => environment.Options.Clock.GetUtcNow();

    /// <summary>Runs the reconciliation; the caller saves the state afterwards, whatever happened.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (service.Status == ServiceRecord.Draining)
        {
            await DrainAsync(cancellationToken);
            return;
        }

        await ObserveTasksAsync(cancellationToken);
        await TripCircuitBreakerAsync(cancellationToken);
        var primary = service.Primary;
        if (primary.RolloutState == DeploymentRecord.InProgress)
            await StopTasksHoldingPortsOfAsync(primary, cancellationToken);
        if (primary.RolloutState != DeploymentRecord.Failed)
            await ScaleAsync(primary, cancellationToken);
        if (primary.RolloutState == DeploymentRecord.InProgress && IsAtDesiredCount(primary))
            await CompleteAsync(primary, cancellationToken);
        ReportSteadyState();
    }

    private async Task ObserveTasksAsync(CancellationToken cancellationToken)
    {
        foreach (var deployment in service.Deployments)
        {
            foreach (var task in deployment.Tasks.ToList())
            {
                if (environment.AfterRestart && task.Containers.All(container => !environment.Containers.ContainsKey(container.ContainerId)))
                {
                    deployment.Tasks.Remove(task);
                    task.Stop("Task stopped while the local platform was stopped", "ServiceSchedulerInitiated", Now);
                    service.KeepStopped(task);
                    service.AddEvent(ServiceEvents.TaskLostInRestart(service, task.Id), Now);
                    continue;
                }

                var condition = TaskCondition.Of(task, environment.Containers);
                if (condition.StoppedReason is { } reason)
                {
                    await environment.Launcher.StopAsync([task], cancellationToken);
                    deployment.Tasks.Remove(task);
                    foreach (var container in task.Containers)
                        container.ExitCode = environment.Containers.GetValueOrDefault(container.ContainerId) is { HasEnded: true } ended ? ended.ExitCode : null;
                    task.Stop(reason, condition.IsUnhealthy ? "ServiceSchedulerInitiated" : "EssentialContainerExited", Now);
                    service.KeepStopped(task);
                    RecordFailure(deployment, task.Id, reason);
                    continue;
                }

                Update(task, condition);
                if (task.IsReady)
                    deployment.ConsecutiveFailures = 0;
            }
        }
    }

    private void Update(TaskRecord task, TaskCondition condition)
    {
        var hasHealthCheck = task.Containers.Any(container => container.HasHealthCheck);
        if (!condition.IsRunning)
        {
            task.IsReady = false;
            return;
        }

        if (task.LastStatus != TaskRecord.Running)
        {
            task.LastStatus = TaskRecord.Running;
            task.StartedAt = Now;
        }

        task.RunningSince ??= Stopwatch.GetTimestamp();
        task.IsReady = hasHealthCheck
            ? condition.IsHealthy
            : Stopwatch.GetElapsedTime(task.RunningSince.Value) >= environment.Options.TaskStabilizationTime;
        // No event says a task has run long enough: ask for a pass when it will have.
        if (!hasHealthCheck && !task.IsReady)
            environment.WakeAt(task.RunningSince.Value + Ticks(environment.Options.TaskStabilizationTime));
    }

    private void RecordFailure(DeploymentRecord deployment, string taskId, string reason)
    {
        deployment.FailedTasks++;
        deployment.ConsecutiveFailures++;
        deployment.UpdatedAt = Now;
        // Back off like ECS's task launch throttling, doubling from LaunchRetryDelay up to ten seconds.
        var delay = TimeSpan.FromTicks(Math.Min(
            environment.Options.LaunchRetryDelay.Ticks << Math.Min(deployment.ConsecutiveFailures - 1, 10), TimeSpan.FromSeconds(10).Ticks));
        deployment.NextLaunchAt = Stopwatch.GetTimestamp() + Ticks(delay);
        service.AddEvent(ServiceEvents.TaskStopped(service, taskId, reason), Now);
    }

    private async Task StopTasksHoldingPortsOfAsync(DeploymentRecord primary, CancellationToken cancellationToken)
    {
        var ports = PortsOf(primary.TaskDefinition);
        if (ports.Count == 0)
            return;
        var holding = service.Deployments.Where(deployment => deployment != primary)
            .SelectMany(deployment => deployment.Tasks.Where(task => PortsOf(task.TaskDefinition).Overlaps(ports)).Select(task => (deployment, task)))
            .ToList();
        await StopAsync(holding, cancellationToken);
    }

    private async Task ScaleAsync(DeploymentRecord primary, CancellationToken cancellationToken)
    {
        primary.DesiredCount = service.DesiredCount;
        var excess = primary.Tasks.Count - primary.DesiredCount;
        if (excess > 0)
        {
            var surplus = primary.Tasks.OrderBy(task => task.IsReady).ThenByDescending(task => task.CreatedAt).Take(excess).Select(task => (primary, task)).ToList();
            await StopAsync(surplus, cancellationToken);
            return;
        }

        if (excess == 0)
            return;
        if (Stopwatch.GetTimestamp() < primary.NextLaunchAt)
        {
            environment.WakeAt(primary.NextLaunchAt);
            return;
        }

        if (account.FindTaskDefinition(primary.TaskDefinition) is not { } definition)
            return;
        var ports = definition.HostPorts();
        var started = new List<string>();
        for (var launched = 0; launched < -excess; launched++)
        {
            if (ports.Count > 0 && environment.PortsInUse().Overlaps(ports))
            {
                var message = ServiceEvents.UnableToPlace(service, ports);
                if (service.Events.FirstOrDefault()?.Message != message)
                    service.AddEvent(message, Now);
                break;
            }

            var launch = await environment.Launcher.StartAsync(account.AccountId, service, primary, definition, Now, cancellationToken);
            if (launch.StoppedReason is { } stoppedReason)
            {
                service.KeepStopped(launch.Task);
                RecordFailure(primary, launch.TaskId, stoppedReason);
                break;
            }

            primary.Tasks.Add(launch.Task);
            started.Add(launch.TaskId);
        }

        if (started.Count > 0)
        {
            service.AddEvent(ServiceEvents.Started(service, started), Now);
            // The engine sends no event for a start the platform made itself: the next pass sees the new tasks run.
            environment.WakeAt(Stopwatch.GetTimestamp());
        }
    }

    private async Task CompleteAsync(DeploymentRecord primary, CancellationToken cancellationToken)
    {
        var older = service.Deployments.Where(deployment => deployment != primary).ToList();
        await StopAsync(older.SelectMany(deployment => deployment.Tasks.Select(task => (deployment, task))).ToList(), cancellationToken);
        service.Deployments.RemoveAll(older.Contains);
        primary.EndRollout(DeploymentRecord.Completed, $"ECS deployment {primary.Id} completed.", Now);
        service.StableTaskDefinition = primary.TaskDefinition;
        service.AddEvent(ServiceEvents.DeploymentCompleted(service, primary), Now);
    }

    private void ReportSteadyState()
    {
        var primary = service.Primary;
        var steady = service.Deployments.Count == 1 && primary.RolloutState == DeploymentRecord.Completed && IsAtDesiredCount(primary);
        if (steady && !service.IsSteady)
            service.AddEvent(ServiceEvents.SteadyState(service), Now);
        service.IsSteady = steady;
    }

    private async Task DrainAsync(CancellationToken cancellationToken)
    {
        await StopAsync(service.Deployments.SelectMany(deployment => deployment.Tasks.Select(task => (deployment, task))).ToList(), cancellationToken);
        service.Status = ServiceRecord.Inactive;
        service.IsSteady = false;
    }

    private async Task StopAsync(IReadOnlyList<(DeploymentRecord Deployment, TaskRecord Task)> tasks, CancellationToken cancellationToken)
    {
        if (tasks.Count == 0)
            return;
        await environment.Launcher.StopAsync(tasks.Select(item => item.Task), cancellationToken);
        foreach (var (deployment, task) in tasks)
        {
            deployment.Tasks.Remove(task);
            task.Stop($"Scaling activity initiated by (deployment {service.Primary.Id})", "ServiceSchedulerInitiated", Now);
            service.KeepStopped(task);
        }

        service.AddEvent(ServiceEvents.StoppedRunning(service, tasks.Select(item => item.Task.Id).ToList()), Now);
    }

    private static bool IsAtDesiredCount(DeploymentRecord deployment) =>
        deployment.Tasks.Count == deployment.DesiredCount && deployment.Tasks.All(task => task.IsReady);

    private static long Ticks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);

    private IReadOnlySet<int> PortsOf(string taskDefinition) => account.FindTaskDefinition(taskDefinition)?.HostPorts() ?? new HashSet<int>();
}
