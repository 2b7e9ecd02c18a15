using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Slipway.LocalAws.Server;

namespace Slipway.LocalAws.Ecs.State;

/// <summary>A deployment of a service: one task definition rolled out to a number of tasks; the PRIMARY one is what the service converges to.</summary>
internal sealed class DeploymentRecord
{
    public const string Primary = "PRIMARY";
    public const string Active = "ACTIVE";
    public const string InProgress = "IN_PROGRESS";
    public const string Completed = "COMPLETED";
    public const string Failed = "FAILED";

    /// <summary>ECS's deployment id, <c>ecs-svc/</c> and 19 digits.</summary>
    public required string Id { get; init; }

    /// <summary><c>PRIMARY</c> (the newest) or <c>ACTIVE</c> (older ones still draining).</summary>
    public string Status { get; set; } = Primary;

    public required string TaskDefinition { get; init; }

    public int DesiredCount { get; set; }

    public int FailedTasks { get; set; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string RolloutState { get; set; } = InProgress;

    public string? RolloutStateReason { get; set; }

    /// <summary>Whether a circuit breaker started this deployment to roll back; a rollback that fails is not rolled back again.</summary>
    public bool IsRollback { get; set; }

    public List<TaskRecord> Tasks { get; init; } = [];

    /// <summary>Failures since the last task became ready; launches back off with each.</summary>
    [JsonIgnore]
    public int ConsecutiveFailures { get; set; }

    /// <summary>No task is launched before this <see cref="System.Diagnostics.Stopwatch"/> timestamp (backing off after failures).</summary>
    [JsonIgnore]
    public long NextLaunchAt { get; set; }

    /// <summary>A new deployment of <paramref name="taskDefinition"/> with <paramref name="desiredCount"/> tasks, in progress.</summary>
    public static DeploymentRecord Create(string taskDefinition, int desiredCount, DateTimeOffset now)
    {
        var id = "ecs-svc/" + string.Concat(Enumerable.Range(0, 19).Select(index => RandomNumberGenerator.GetInt32(index == 0 ? 1 : 0, 10)));
        return new DeploymentRecord
        {
            Id = id,
            TaskDefinition = taskDefinition,
            DesiredCount = desiredCount,
            CreatedAt = now,
            UpdatedAt = now,
            RolloutStateReason = $"ECS deployment {id} in progress.",
        };
    }

    /// <summary>Ends the rollout in <paramref name="state"/> with <paramref name="reason"/>.</summary>
    public void EndRollout(string state, string reason, DateTimeOffset now)
    {
        RolloutState = state;
        RolloutStateReason = reason;
        UpdatedAt = now;
    }

    /// <summary>The deployment as DescribeServices returns it.</summary>
    public JsonObject ToJson() => new()
    {
        ["id"] = Id,
        ["status"] = Status,
        ["taskDefinition"] = TaskDefinition,
        ["desiredCount"] = DesiredCount,
        ["pendingCount"] = Tasks.Count(task => task.LastStatus == TaskRecord.Pending),
        ["runningCount"] = Tasks.Count(task => task.LastStatus == TaskRecord.Running),
        ["failedTasks"] = FailedTasks,
        ["createdAt"] = AwsJson.Timestamp(CreatedAt),
        ["updatedAt"] = AwsJson.Timestamp(UpdatedAt),
        ["launchType"] = "EC2",
        ["rolloutState"] = RolloutState,
        ["rolloutStateReason"] = RolloutStateReason,
    };
}
