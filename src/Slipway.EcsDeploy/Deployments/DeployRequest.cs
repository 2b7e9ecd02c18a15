namespace Slipway.EcsDeploy.Deployments;

/// <summary>What to deploy where, and how to wait, report and recover.</summary>
public sealed record DeployRequest : IDeploymentWaitOptions
{
    /// <summary>Cluster name or ARN; null is "default".</summary>
    public string? Cluster { get; init; }

    /// <summary>Service name or ARN.</summary>
    public required string Service { get; init; }

    /// <summary>The revision to deploy: an ARN or "family:revision" (a bare family takes its latest ACTIVE revision).</summary>
    public required string TaskDefinition { get; init; }

    /// <summary>
    /// CreateService's request members (without cluster, serviceName and taskDefinition) to create the service from when it does not exist;
    /// null: a missing service is an error. See <see cref="ServiceDefinitionFile"/>.
    /// </summary>
    public System.Text.Json.Nodes.JsonObject? ServiceDefinition { get; init; }

    /// <summary>When the service is created: create its cluster first if missing (the local platform, where clusters are only names).</summary>
    public bool CreateCluster { get; init; }

    /// <summary>A new desired count; null keeps the service's.</summary>
    public int? DesiredCount { get; init; }

    /// <summary>Start a new deployment even when the service already runs this revision (new tasks, same definition).</summary>
    public bool ForceNewDeployment { get; init; }

    /// <summary>Describe and say what would be done, without any call that changes something.</summary>
    public bool DryRun { get; init; }

    /// <summary>On failure or timeout, update the service back to its last COMPLETED revision (unless the circuit breaker already did) and wait for that.</summary>
    public bool RollbackOnFailure { get; init; } = true;

    /// <summary>How long to wait for the deployment (and again for a rollback); <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> waits for ever.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Time between two DescribeServices calls.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>When to stop waiting on failing tasks; see <see cref="WaitRequest.MaxFailedTasks"/>.</summary>
    public int? MaxFailedTasks { get; init; }

    /// <summary>
    /// After a rollback that completed, deregister the revision that failed (as ecspresso's rollback does), so nobody deploys it by
    /// "latest revision"; never when the rollback did not complete, nor the revision the service then runs.
    /// </summary>
    public bool DeregisterFailedRevision { get; init; }

    /// <summary>Receives the deployment's (then a rollback's) progress and each new service event once.</summary>
    public IProgress<DeploymentProgress>? Progress { get; init; }
}
