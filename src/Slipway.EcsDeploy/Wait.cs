using System.Diagnostics;
using Slipway.Aws.Ecs;
using Slipway.EcsDeploy.Deployments;

namespace Slipway.EcsDeploy;

public sealed partial class Deployer
{
    /// <summary>Follows one deployment until it completes, fails, disappears, is superseded or the timeout passes; reports progress and each new event once.</summary>
    public async Task<DeploymentWaitResult> WaitAsync(WaitRequest request, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var seen = new HashSet<string>(request.KnownEventIds);
        ServiceDeployment? lastSeen = null;
        while (true)
        {
            var service = await ServiceLookup.DescribeAsync(_ecs, request.Cluster, request.Service, cancellationToken).ConfigureAwait(false);
            var deployment = service.Deployments.FirstOrDefault(candidate => candidate.Id == request.DeploymentId);
            request.Progress?.Report(Progress(request.DeploymentId, deployment, clock.Elapsed, NewEvents(service, seen)));
            lastSeen = deployment ?? lastSeen;

            var timedOut = request.Timeout != Timeout.InfiniteTimeSpan && clock.Elapsed >= request.Timeout;
            var lastEvent = LastEventAbout(request.DeploymentId, service);
            var failedTasksLimit = FailedTasksLimit(request.MaxFailedTasks, service, deployment ?? lastSeen);
            if (Judge(request.DeploymentId, deployment ?? lastSeen, deployment is null, service.PrimaryDeployment, lastEvent, timedOut, request.Timeout, failedTasksLimit,
                    alone: service.Deployments.Count == 1) is var (outcome, reason))
            {
                return new DeploymentWaitResult
                {
                    Outcome = outcome,
                    DeploymentId = request.DeploymentId,
                    Deployment = deployment ?? lastSeen,
                    RolledBackByCircuitBreaker = CircuitBreakerTookOver(outcome, deployment ?? lastSeen, lastEvent),
                    Primary = service.PrimaryDeployment,
                    Reason = reason,
                    LastEvents = [.. service.Events.Take(request.EventsInResult)],
                    Elapsed = clock.Elapsed,
                    ReportedEventIds = seen,
                };
            }

            var delay = request.Timeout == Timeout.InfiniteTimeSpan ? request.PollInterval : Min(request.PollInterval, request.Timeout - clock.Elapsed);
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Whether the deployment's story has ended, and how. Order matters: gone and another PRIMARY are checked before FAILED, so a
    /// circuit breaker's rollback reads as superseded or disappeared (never as success, although the service is stable again).
    /// </summary>
    /// <param name="id">The deployment followed.</param>
    /// <param name="deployment">It as listed now, or as last seen when <paramref name="gone"/>.</param>
    /// <param name="gone">Whether the service no longer lists it.</param>
    /// <param name="primary">The service's PRIMARY deployment now.</param>
    /// <param name="lastEvent">The newest service event naming it (ECS names deployments in "deployment completed/failed" events).</param>
    /// <param name="timedOut">Whether the caller's timeout has passed.</param>
    /// <param name="timeout">The caller's timeout, for the message.</param>
    /// <param name="failedTasksLimit">Fail once this many of its tasks failed (see <see cref="FailedTasksLimit"/>); null waits on.</param>
    /// <param name="alone">Whether it is the service's only deployment (what completes one ECS gives no rolloutState for).</param>
    internal static (DeploymentOutcome Outcome, string Reason)? Judge(string id, ServiceDeployment? deployment, bool gone, ServiceDeployment? primary,
        ServiceEvent? lastEvent, bool timedOut, TimeSpan timeout, int? failedTasksLimit = null, bool alone = false)
    {
        var primaryText = primary is null ? "no deployment is PRIMARY" : $"PRIMARY is {primary.Id} of {Revision(primary.TaskDefinition)} ({primary.RolloutState})";
        if (gone || deployment is null)
        {
            var lastSeen = deployment is null ? " It was never listed." : $" Last seen {deployment.RolloutState} with {deployment.FailedTasks} failed tasks; ECS said: {deployment.RolloutStateReason}";
            var said = lastEvent is null ? "" : $" Its last event: {lastEvent.Message}";
            return (DeploymentOutcome.Disappeared, $"Deployment {id} is no longer among the service's deployments; {primaryText}.{lastSeen}{said}");
        }

        if (primary?.Id != deployment.Id)
        {
            var why = deployment.RolloutState == "FAILED" ? "it FAILED and another deployment took over (the circuit breaker rolling back)" : "another deployment started after it";
            return (DeploymentOutcome.Superseded, $"Deployment {id} of {Revision(deployment.TaskDefinition)} was superseded: {why}; {primaryText}. ECS says: {deployment.RolloutStateReason}");
        }

        return deployment.RolloutState switch
        {
            "COMPLETED" => (DeploymentOutcome.Completed, $"Deployment {id} of {Revision(deployment.TaskDefinition)} completed. ECS says: {deployment.RolloutStateReason}"),
            "FAILED" => (DeploymentOutcome.Failed, $"Deployment {id} of {Revision(deployment.TaskDefinition)} FAILED. ECS says: {deployment.RolloutStateReason}"),
            // IN_PROGRESS with every task running is "stable", not completed (a bake time, alarms): only COMPLETED ends the wait well.
            // ECS counts consecutive failures and stops once a task of the deployment runs: so do we.
            _ when deployment.FailedTasks > 0 && deployment.FailedTasks >= failedTasksLimit && deployment.RunningCount == 0 => (DeploymentOutcome.Failed,
                $"Deployment {id} of {Revision(deployment.TaskDefinition)} is failing: {deployment.FailedTasks} of its tasks failed to start or stopped (limit {failedTasksLimit}), "
                + $"{deployment.RunningCount} of {deployment.DesiredCount} running; without a circuit breaker ECS would keep starting new ones until the timeout. "
                + $"ECS says: {deployment.RolloutStateReason}{(lastEvent is null ? "" : $" Its last event: {lastEvent.Message}")}"),
            // ECS returns no rolloutState behind a Classic Load Balancer: then the only deployment running every task is all there is to go by.
            null when alone && deployment.DesiredCount > 0 && deployment.RunningCount == deployment.DesiredCount => (DeploymentOutcome.Completed,
                $"Deployment {id} of {Revision(deployment.TaskDefinition)} runs all {deployment.DesiredCount} tasks and is the service's only deployment "
                + "(ECS reports no rolloutState for it, as for services behind a Classic Load Balancer)."),
            _ when timedOut => (DeploymentOutcome.TimedOut,
                $"Deployment {id} of {Revision(deployment.TaskDefinition)} did not complete within {timeout}: {deployment.RunningCount} of {deployment.DesiredCount} tasks running, "
                + $"{deployment.FailedTasks} failed, rolloutState {deployment.RolloutState}. ECS says: {deployment.RolloutStateReason} Raise the timeout if it needs longer."),
            _ => null,
        };
    }

    /// <summary>
    /// How many failed tasks end the wait early: the caller's number (0: never), else none when the service's circuit breaker is on
    /// (it fails or rolls back the deployment itself, and that is followed), else the breaker's own threshold for the deployment's
    /// desired count: half of it, clamped to 3..200.
    /// </summary>
    internal static int? FailedTasksLimit(int? maxFailedTasks, EcsService service, ServiceDeployment? deployment) => maxFailedTasks switch
    {
        0 => null,
        { } limit => limit,
        null when service.DeploymentConfiguration?.DeploymentCircuitBreaker?.Enable == true => null,
        null => Math.Clamp((int)Math.Ceiling(0.5 * (deployment?.DesiredCount ?? 0)), 3, 200),
    };

    /// <summary>
    /// Whether the circuit breaker failed the deployment and another took over: it is superseded or gone and was last seen FAILED,
    /// or its last event says it failed (ECS drops it from the list once the rollback completed, which can be before a poll sees FAILED).
    /// </summary>
    internal static bool CircuitBreakerTookOver(DeploymentOutcome outcome, ServiceDeployment? deployment, ServiceEvent? lastEvent) =>
        outcome is DeploymentOutcome.Superseded or DeploymentOutcome.Disappeared
        && (deployment?.RolloutState == "FAILED" || lastEvent?.Message?.Contains("deployment failed", StringComparison.Ordinal) == true);

    /// <summary>The newest event naming deployment <paramref name="id"/>.</summary>
    private static ServiceEvent? LastEventAbout(string id, EcsService service) =>
        service.Events.FirstOrDefault(serviceEvent => serviceEvent.Message?.Contains(id, StringComparison.Ordinal) == true);

    /// <summary>"family:revision" of a task definition ARN, for messages.</summary>
    public static string Revision(string? taskDefinition) =>
        taskDefinition is null ? "(unknown task definition)" : taskDefinition[(taskDefinition.LastIndexOf('/') + 1)..];

    private static DeploymentProgress Progress(string id, ServiceDeployment? deployment, TimeSpan elapsed, IReadOnlyList<ServiceEvent> newEvents) => new()
    {
        DeploymentId = id,
        TaskDefinition = deployment?.TaskDefinition,
        Running = deployment?.RunningCount ?? 0,
        Pending = deployment?.PendingCount ?? 0,
        Desired = deployment?.DesiredCount ?? 0,
        RolloutState = deployment?.RolloutState,
        RolloutStateReason = deployment?.RolloutStateReason,
        Elapsed = elapsed,
        NewEvents = newEvents,
    };

    /// <summary>The events not seen before, oldest first (ECS lists them newest first); marks them seen.</summary>
    private static List<ServiceEvent> NewEvents(EcsService service, HashSet<string> seen) =>
        [.. service.Events.Where(serviceEvent => serviceEvent.Id is null || seen.Add(serviceEvent.Id)).Reverse()];

    private static TimeSpan Min(TimeSpan first, TimeSpan second) => first < second ? first : second > TimeSpan.Zero ? second : TimeSpan.Zero;
}
