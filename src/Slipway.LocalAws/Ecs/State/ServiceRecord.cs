using System.Text.Json.Nodes;
using Slipway.LocalAws.Server;

namespace Slipway.LocalAws.Ecs.State;

/// <summary>An ECS service: the task definition and count it should run, its deployments (newest PRIMARY first) and its events (newest first).</summary>
internal sealed class ServiceRecord
{
    public const string Active = "ACTIVE";
    public const string Draining = "DRAINING";
    public const string Inactive = "INACTIVE";

    /// <summary>How many events a service keeps; ECS shows the latest 100 too.</summary>
    public const int MaxEvents = 100;

    /// <summary>How many stopped tasks a service keeps for ListTasks and DescribeTasks (ECS keeps them for about an hour).</summary>
    public const int MaxStoppedTasks = 100;

    public required string Name { get; init; }

    public required string Arn { get; init; }

    public required string ClusterName { get; init; }

    public required string ClusterArn { get; init; }

    /// <summary>The region of the ARNs, for those the reconciler writes into events.</summary>
    public required string Region { get; init; }

    /// <summary><c>ACTIVE</c>; <c>DRAINING</c> after DeleteService until its tasks stopped, then <c>INACTIVE</c>.</summary>
    public string Status { get; set; } = Active;

    /// <summary>The ARN of the task definition the service runs (the PRIMARY deployment's).</summary>
    public required string TaskDefinition { get; set; }

    public int DesiredCount { get; set; }

    /// <summary><c>ECS</c> or <c>CODE_DEPLOY</c>.</summary>
    public string DeploymentController { get; init; } = "ECS";

    public string LaunchType { get; init; } = "EC2";

    public DeploymentSettings Settings { get; set; } = DeploymentSettings.Default;

    public required DateTimeOffset CreatedAt { get; init; }

    public required string CreatedBy { get; init; }

    public List<ResourceTag> Tags { get; init; } = [];

    public List<DeploymentRecord> Deployments { get; init; } = [];

    public List<ServiceEventRecord> Events { get; init; } = [];

    /// <summary>Tasks that stopped, newest first, at most <see cref="MaxStoppedTasks"/>.</summary>
    public List<TaskRecord> StoppedTasks { get; init; } = [];

    /// <summary>Whether the service was at a steady state at the last reconciliation, so "has reached a steady state" is said once per arrival.</summary>
    public bool IsSteady { get; set; }

    /// <summary>The task definition of the last deployment that completed: what a circuit breaker rolls back to.</summary>
    public string? StableTaskDefinition { get; set; }

    /// <summary>The deployment the service converges to.</summary>
    public DeploymentRecord Primary => Deployments.First(deployment => deployment.Status == DeploymentRecord.Primary);

    /// <summary>Every live task of every deployment.</summary>
    public IEnumerable<TaskRecord> Tasks => Deployments.SelectMany(deployment => deployment.Tasks);

    public int RunningCount => Tasks.Count(task => task.LastStatus == TaskRecord.Running);

    public int PendingCount => Tasks.Count(task => task.LastStatus == TaskRecord.Pending);

    /// <summary>Starts a new PRIMARY deployment of <paramref name="taskDefinition"/>; the previous primary becomes ACTIVE and keeps its tasks until the new one completes.</summary>
    public DeploymentRecord Deploy(string taskDefinition, DateTimeOffset now)
    {
        foreach (var deployment in Deployments)
            deployment.Status = DeploymentRecord.Active;
        var created = DeploymentRecord.Create(taskDefinition, DesiredCount, now);
        Deployments.Insert(0, created);
        TaskDefinition = taskDefinition;
        IsSteady = false;
        return created;
    }

    /// <summary>Keeps <paramref name="task"/>, already stopped, for ListTasks and DescribeTasks (newest first), dropping the oldest beyond <see cref="MaxStoppedTasks"/>.</summary>
    public void KeepStopped(TaskRecord task)
    {
        StoppedTasks.Insert(0, task);
        if (StoppedTasks.Count > MaxStoppedTasks)
            StoppedTasks.RemoveRange(MaxStoppedTasks, StoppedTasks.Count - MaxStoppedTasks);
    }

    /// <summary>Adds an event (newest first), dropping the oldest beyond <see cref="MaxEvents"/>.</summary>
    public void AddEvent(string message, DateTimeOffset now)
    {
        Events.Insert(0, new ServiceEventRecord(Guid.NewGuid().ToString(), now, message));
        if (Events.Count > MaxEvents)
            Events.RemoveRange(MaxEvents, Events.Count - MaxEvents);
    }

    /// <summary>The service as DescribeServices, CreateService and UpdateService return it.</summary>
    public JsonObject ToJson(bool includeTags)
    {
        var json = new JsonObject
        {
            ["serviceArn"] = Arn,
            ["serviceName"] = Name,
            ["clusterArn"] = ClusterArn,
            ["loadBalancers"] = new JsonArray(),
            ["serviceRegistries"] = new JsonArray(),
            ["status"] = Status,
            ["desiredCount"] = DesiredCount,
            ["runningCount"] = RunningCount,
            ["pendingCount"] = PendingCount,
            ["launchType"] = LaunchType,
            ["taskDefinition"] = TaskDefinition,
            ["deploymentConfiguration"] = Settings.ToJson(),
            ["deployments"] = EcsJson.Array(Deployments.Select(deployment => (JsonNode)deployment.ToJson())),
            ["events"] = EcsJson.Array(Events.Select(serviceEvent => (JsonNode)serviceEvent.ToJson())),
            ["createdAt"] = AwsJson.Timestamp(CreatedAt),
            ["createdBy"] = CreatedBy,
            ["placementConstraints"] = new JsonArray(),
            ["placementStrategy"] = new JsonArray(),
            ["schedulingStrategy"] = "REPLICA",
            ["deploymentController"] = new JsonObject { ["type"] = DeploymentController },
            ["enableECSManagedTags"] = false,
            ["propagateTags"] = "NONE",
            ["enableExecuteCommand"] = false,
        };
        if (includeTags)
            json["tags"] = ResourceTag.ToJson(Tags);
        return json;
    }
}

/// <summary>A service event as ECS shows it: <c>(service web) has reached a steady state.</c></summary>
internal sealed record ServiceEventRecord(string Id, DateTimeOffset CreatedAt, string Message)
{
    public JsonObject ToJson() => new() { ["id"] = Id, ["createdAt"] = AwsJson.Timestamp(CreatedAt), ["message"] = Message };
}
