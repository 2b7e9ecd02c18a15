namespace Slipway.EcsDeploy.Deployments;

/// <summary>Which service to roll back, to what, and how to wait for it.</summary>
public sealed record RollbackRequest : IDeploymentWaitOptions
{
    /// <summary>Cluster name or ARN; null is "default".</summary>
    public string? Cluster { get; init; }

    /// <summary>Service name or ARN.</summary>
    public required string Service { get; init; }

    /// <summary>The revision to go back to; null takes the task definition of the service's last COMPLETED deployment.</summary>
    public string? TaskDefinition { get; init; }

    /// <summary>Say what would be done without calling UpdateService.</summary>
    public bool DryRun { get; init; }

    /// <summary>How long to wait for the rollback deployment.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Time between two DescribeServices calls.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Receives the rollback deployment's progress and new service events.</summary>
    public IProgress<DeploymentProgress>? Progress { get; init; }

    /// <summary>When to stop waiting on failing tasks; see <see cref="WaitRequest.MaxFailedTasks"/>.</summary>
    public int? MaxFailedTasks { get; init; }

    /// <summary>
    /// The revision to deregister once the rollback is confirmed (its deployment completed): the one that failed. Left alone when
    /// the rollback did not complete or when the service runs it (the target, or a PRIMARY of it).
    /// </summary>
    public string? DeregisterRevision { get; init; }

    /// <summary>Event ids already reported: not reported again.</summary>
    public IReadOnlyCollection<string> KnownEventIds { get; init; } = [];
}
