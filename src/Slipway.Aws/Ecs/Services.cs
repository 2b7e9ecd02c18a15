namespace Slipway.Aws.Ecs;

/// <summary>DescribeServices input.</summary>
public sealed record DescribeServicesRequest
{
    /// <summary>Cluster name or ARN; null is "default".</summary>
    public string? Cluster { get; init; }
    /// <summary>Up to 10 service names or ARNs.</summary>
    public required IReadOnlyList<string> Services { get; init; }
}

/// <summary>DescribeServices output; missing services are failures with reason "MISSING".</summary>
public sealed record DescribeServicesResult
{
    /// <summary>The services found.</summary>
    public IReadOnlyList<EcsService> Services { get; init; } = [];
    /// <summary>Services not found or not described.</summary>
    public IReadOnlyList<EcsFailure> Failures { get; init; } = [];
}

/// <summary>An ECS service and its deployments.</summary>
public sealed record EcsService
{
    /// <summary>Service ARN.</summary>
    public string? ServiceArn { get; init; }
    /// <summary>Service name.</summary>
    public string? ServiceName { get; init; }
    /// <summary>Cluster ARN.</summary>
    public string? ClusterArn { get; init; }
    /// <summary>"ACTIVE", "DRAINING" or "INACTIVE".</summary>
    public string? Status { get; init; }
    /// <summary>Task definition ARN of the primary deployment.</summary>
    public string? TaskDefinition { get; init; }
    /// <summary>Tasks wanted.</summary>
    public int DesiredCount { get; init; }
    /// <summary>Tasks running.</summary>
    public int RunningCount { get; init; }
    /// <summary>Tasks starting.</summary>
    public int PendingCount { get; init; }
    /// <summary>"FARGATE", "EC2", "EXTERNAL"; null with capacity providers.</summary>
    public string? LaunchType { get; init; }
    /// <summary>Who deploys: ECS, CODE_DEPLOY (blue/green) or EXTERNAL.</summary>
    public DeploymentController? DeploymentController { get; init; }
    /// <summary>Rolling-update limits and the circuit breaker.</summary>
    public DeploymentConfiguration? DeploymentConfiguration { get; init; }
    /// <summary>Recent service events, newest first.</summary>
    public IReadOnlyList<ServiceEvent> Events { get; init; } = [];
    /// <summary>Deployments: one PRIMARY and any still draining.</summary>
    public IReadOnlyList<ServiceDeployment> Deployments { get; init; } = [];

    /// <summary>The deployment with status PRIMARY, if any.</summary>
    public ServiceDeployment? PrimaryDeployment => Deployments.FirstOrDefault(d => d.Status == "PRIMARY");
}

/// <summary>The deployment controller type: "ECS", "CODE_DEPLOY" or "EXTERNAL".</summary>
public sealed record DeploymentController(string Type);

/// <summary>Rolling deployment settings (only the members Slipway sets or reads).</summary>
public sealed record DeploymentConfiguration
{
    /// <summary>Stops and optionally rolls back failing deployments.</summary>
    public DeploymentCircuitBreaker? DeploymentCircuitBreaker { get; init; }
    /// <summary>Upper limit of running tasks during a deployment, in percent of desired.</summary>
    public int? MaximumPercent { get; init; }
    /// <summary>Lower limit of healthy tasks during a deployment, in percent of desired.</summary>
    public int? MinimumHealthyPercent { get; init; }
}

/// <summary>The deployment circuit breaker.</summary>
public sealed record DeploymentCircuitBreaker(bool Enable, bool Rollback);

/// <summary>One service event message.</summary>
public sealed record ServiceEvent
{
    /// <summary>Event id.</summary>
    public string? Id { get; init; }
    /// <summary>When it happened.</summary>
    public DateTimeOffset? CreatedAt { get; init; }
    /// <summary>E.g. "(service web) has reached a steady state.".</summary>
    public string? Message { get; init; }
}

/// <summary>One deployment of a service.</summary>
public sealed record ServiceDeployment
{
    /// <summary>Deployment id ("ecs-svc/...").</summary>
    public string? Id { get; init; }
    /// <summary>"PRIMARY", "ACTIVE" or "INACTIVE".</summary>
    public string? Status { get; init; }
    /// <summary>Task definition ARN this deployment runs.</summary>
    public string? TaskDefinition { get; init; }
    /// <summary>Tasks wanted.</summary>
    public int DesiredCount { get; init; }
    /// <summary>Tasks running.</summary>
    public int RunningCount { get; init; }
    /// <summary>Tasks starting.</summary>
    public int PendingCount { get; init; }
    /// <summary>Tasks that failed to start.</summary>
    public int FailedTasks { get; init; }
    /// <summary>"COMPLETED", "FAILED" or "IN_PROGRESS".</summary>
    public string? RolloutState { get; init; }
    /// <summary>Why the rollout is in its state.</summary>
    public string? RolloutStateReason { get; init; }
    /// <summary>When the deployment started.</summary>
    public DateTimeOffset? CreatedAt { get; init; }
    /// <summary>When it last changed.</summary>
    public DateTimeOffset? UpdatedAt { get; init; }
}

/// <summary>A resource ECS could not describe.</summary>
public sealed record EcsFailure
{
    /// <summary>The resource's ARN.</summary>
    public string? Arn { get; init; }
    /// <summary>E.g. "MISSING".</summary>
    public string? Reason { get; init; }
    /// <summary>More detail, if any.</summary>
    public string? Detail { get; init; }
}

/// <summary>UpdateService input (the members a deploy uses).</summary>
public sealed record UpdateServiceRequest
{
    /// <summary>Service name or ARN.</summary>
    public required string Service { get; init; }
    /// <summary>Cluster name or ARN; null is "default".</summary>
    public string? Cluster { get; init; }
    /// <summary>family:revision or ARN to deploy.</summary>
    public string? TaskDefinition { get; init; }
    /// <summary>New desired count.</summary>
    public int? DesiredCount { get; init; }
    /// <summary>Start a new deployment even when nothing changed.</summary>
    public bool? ForceNewDeployment { get; init; }
    /// <summary>Rolling-update limits and circuit breaker.</summary>
    public DeploymentConfiguration? DeploymentConfiguration { get; init; }
}

/// <summary>UpdateService output: the service with its new PRIMARY deployment.</summary>
public sealed record UpdateServiceResult
{
    /// <summary>The updated service; wait on <see cref="EcsService.PrimaryDeployment"/>.</summary>
    public EcsService? Service { get; init; }
}
