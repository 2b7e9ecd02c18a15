namespace Slipway.Aws.Ecs;

/// <summary>ListTasks input; by default the RUNNING tasks of the cluster.</summary>
public sealed record ListTasksRequest
{
    /// <summary>Cluster name or ARN; null is "default".</summary>
    public string? Cluster { get; init; }
    /// <summary>Only the tasks of this service.</summary>
    public string? ServiceName { get; init; }
    /// <summary>Only tasks of this task definition family.</summary>
    public string? Family { get; init; }
    /// <summary>Only tasks started by this (a service's tasks: the deployment id "ecs-svc/...").</summary>
    public string? StartedBy { get; init; }
    /// <summary>"RUNNING" (the default), "PENDING" or "STOPPED" (ECS keeps stopped tasks for about an hour).</summary>
    public string? DesiredStatus { get; init; }
    /// <summary>Page size, 1 to 100.</summary>
    public int? MaxResults { get; init; }
    /// <summary>The token of the next page.</summary>
    public string? NextToken { get; init; }
}

/// <summary>ListTasks output.</summary>
public sealed record ListTasksResult
{
    /// <summary>Task ARNs.</summary>
    public IReadOnlyList<string> TaskArns { get; init; } = [];
    /// <summary>Set when more pages follow.</summary>
    public string? NextToken { get; init; }
}

/// <summary>DescribeTasks input.</summary>
public sealed record DescribeTasksRequest
{
    /// <summary>Cluster name or ARN; null is "default".</summary>
    public string? Cluster { get; init; }
    /// <summary>Up to 100 task ids or ARNs.</summary>
    public required IReadOnlyList<string> Tasks { get; init; }
}

/// <summary>DescribeTasks output; unknown tasks are failures with reason "MISSING".</summary>
public sealed record DescribeTasksResult
{
    /// <summary>The tasks found.</summary>
    public IReadOnlyList<EcsTask> Tasks { get; init; } = [];
    /// <summary>Tasks not found.</summary>
    public IReadOnlyList<EcsFailure> Failures { get; init; } = [];
}

/// <summary>A task: which revision it runs, its state, and its containers with the host ports that reach them.</summary>
public sealed record EcsTask
{
    /// <summary>Task ARN.</summary>
    public string? TaskArn { get; init; }
    /// <summary>Cluster ARN.</summary>
    public string? ClusterArn { get; init; }
    /// <summary>The task definition revision it runs.</summary>
    public string? TaskDefinitionArn { get; init; }
    /// <summary>"PROVISIONING", "PENDING", "RUNNING", ..., "STOPPED".</summary>
    public string? LastStatus { get; init; }
    /// <summary>"RUNNING" or "STOPPED".</summary>
    public string? DesiredStatus { get; init; }
    /// <summary>Who started it: for a service's tasks the deployment id ("ecs-svc/...").</summary>
    public string? StartedBy { get; init; }
    /// <summary>"service:NAME" for a service's tasks.</summary>
    public string? Group { get; init; }
    /// <summary>"HEALTHY", "UNHEALTHY" or "UNKNOWN".</summary>
    public string? HealthStatus { get; init; }
    /// <summary>Why it stopped, e.g. "Essential container in task exited".</summary>
    public string? StoppedReason { get; init; }
    /// <summary>E.g. "EssentialContainerExited", "TaskFailedToStart", "ServiceSchedulerInitiated".</summary>
    public string? StopCode { get; init; }
    /// <summary>When it was created.</summary>
    public DateTimeOffset? CreatedAt { get; init; }
    /// <summary>When it started running.</summary>
    public DateTimeOffset? StartedAt { get; init; }
    /// <summary>When it stopped.</summary>
    public DateTimeOffset? StoppedAt { get; init; }
    /// <summary>Its containers.</summary>
    public IReadOnlyList<TaskContainer> Containers { get; init; } = [];
}

/// <summary>One container of a task.</summary>
public sealed record TaskContainer
{
    /// <summary>Container ARN.</summary>
    public string? ContainerArn { get; init; }
    /// <summary>The container definition's name.</summary>
    public string? Name { get; init; }
    /// <summary>The image it runs.</summary>
    public string? Image { get; init; }
    /// <summary>"PENDING", "RUNNING" or "STOPPED".</summary>
    public string? LastStatus { get; init; }
    /// <summary>The exit code once it exited.</summary>
    public int? ExitCode { get; init; }
    /// <summary>Why it stopped, if it did not exit by itself.</summary>
    public string? Reason { get; init; }
    /// <summary>"HEALTHY", "UNHEALTHY" or "UNKNOWN".</summary>
    public string? HealthStatus { get; init; }
    /// <summary>The host ports that reach its ports (bridge and host network modes).</summary>
    public IReadOnlyList<NetworkBinding> NetworkBindings { get; init; } = [];
}

/// <summary>A container port and the host address and port that reach it.</summary>
public sealed record NetworkBinding
{
    /// <summary>The host address, e.g. "0.0.0.0" on AWS, "127.0.0.1" on the local platform.</summary>
    public string? BindIP { get; init; }
    /// <summary>The container's port.</summary>
    public int? ContainerPort { get; init; }
    /// <summary>The host's port.</summary>
    public int? HostPort { get; init; }
    /// <summary>"tcp" or "udp".</summary>
    public string? Protocol { get; init; }
}
