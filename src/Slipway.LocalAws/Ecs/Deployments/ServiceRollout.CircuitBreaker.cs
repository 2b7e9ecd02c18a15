using Slipway.LocalAws.Ecs.State;

namespace Slipway.LocalAws.Ecs.Deployments;

/// <summary>The deployment circuit breaker: enough failed tasks fail the rollout and, with rollback, deploy the last revision that completed.</summary>
internal sealed partial class ServiceRollout
{
    private async Task TripCircuitBreakerAsync(CancellationToken cancellationToken)
    {
        var failed = service.Primary;
        if (failed.RolloutState != DeploymentRecord.InProgress || !service.Settings.CircuitBreakerEnabled
            || failed.FailedTasks < environment.Options.CircuitBreakerThreshold)
        {
            return;
        }

        failed.EndRollout(DeploymentRecord.Failed, "ECS deployment circuit breaker: tasks failed to start.", Now);
        service.AddEvent(ServiceEvents.DeploymentFailed(service, failed), Now);
        await StopAsync(failed.Tasks.Select(task => (failed, task)).ToList(), cancellationToken);
        // Without rollback, or with nothing that ever completed to go back to, the service stays on the failed deployment and launches no more tasks.
        if (!service.Settings.Rollback || failed.IsRollback || service.StableTaskDefinition is not { } target)
            return;

        var rollback = service.Deploy(target, Now);
        rollback.IsRollback = true;
        // Tasks of the stable revision that still run (no port was shared, so they were never stopped) keep serving as the rollback's own.
        foreach (var previous in service.Deployments.Where(deployment => deployment != rollback && deployment != failed && deployment.TaskDefinition == target).ToList())
        {
            rollback.Tasks.AddRange(previous.Tasks);
            service.Deployments.Remove(previous);
        }

        service.AddEvent(ServiceEvents.RollingBack(service, target), Now);
    }
}
