using Slipway.Aws.Ecs;

namespace Slipway.EcsDeploy.Deployments;

/// <summary>One look at the followed deployment: its task counts and rollout state, the time waited, and the service events not reported before (oldest first).</summary>
public sealed record DeploymentProgress
{
    /// <summary>The deployment followed.</summary>
    public required string DeploymentId { get; init; }

    /// <summary>Its task definition ARN; null once it disappeared.</summary>
    public string? TaskDefinition { get; init; }

    /// <summary>Tasks of this deployment running.</summary>
    public int Running { get; init; }

    /// <summary>Tasks of this deployment starting.</summary>
    public int Pending { get; init; }

    /// <summary>Tasks this deployment wants.</summary>
    public int Desired { get; init; }

    /// <summary>IN_PROGRESS, COMPLETED or FAILED; null once it disappeared.</summary>
    public string? RolloutState { get; init; }

    /// <summary>Why it is in that state, as ECS says it.</summary>
    public string? RolloutStateReason { get; init; }

    /// <summary>Time since the wait started.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>Service events seen for the first time, oldest first; each event is reported once.</summary>
    public IReadOnlyList<ServiceEvent> NewEvents { get; init; } = [];
}
