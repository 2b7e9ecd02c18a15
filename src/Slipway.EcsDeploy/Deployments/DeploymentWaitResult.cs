using Slipway.Aws.Ecs;

namespace Slipway.EcsDeploy.Deployments;

/// <summary>What happened to the followed deployment, with the reason and the service's latest events when it did not complete.</summary>
public sealed record DeploymentWaitResult
{
    /// <summary>How the wait ended.</summary>
    public required DeploymentOutcome Outcome { get; init; }

    /// <summary>The deployment followed.</summary>
    public required string DeploymentId { get; init; }

    /// <summary>The followed deployment as last seen (also after it disappeared); null when it was never listed.</summary>
    public ServiceDeployment? Deployment { get; init; }

    /// <summary>The service's PRIMARY deployment as last seen (another one when superseded).</summary>
    public ServiceDeployment? Primary { get; init; }

    /// <summary>One sentence saying what happened, with ECS's rolloutStateReason.</summary>
    public required string Reason { get; init; }

    /// <summary>The service's latest events, newest first (at most <see cref="WaitRequest.EventsInResult"/>).</summary>
    public IReadOnlyList<ServiceEvent> LastEvents { get; init; } = [];

    /// <summary>Time waited.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>Every event id reported during the wait, so a wait that follows (a rollback) does not report them again.</summary>
    internal IReadOnlyCollection<string> ReportedEventIds { get; init; } = [];

    /// <summary>Whether the deployment completed.</summary>
    public bool Succeeded => Outcome == DeploymentOutcome.Completed;

    /// <summary>Whether the circuit breaker failed this deployment and another took over (its rollback): the service may look stable, the deploy failed.</summary>
    public bool RolledBackByCircuitBreaker { get; init; }
}
