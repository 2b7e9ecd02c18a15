using System.Text.Json.Serialization;

namespace Slipway.LocalAws.Ecs.State;

/// <summary>A task of a service: one Docker container per container definition, all labelled with the task's id.</summary>
internal sealed class TaskRecord
{
    public const string Pending = "PENDING";
    public const string Running = "RUNNING";

    /// <summary>ECS's task id: 32 lowercase hex digits.</summary>
    public required string Id { get; init; }

    public required string TaskDefinition { get; init; }

    public required List<TaskContainerRecord> Containers { get; init; }

    /// <summary><c>PENDING</c> until every essential container runs, then <c>RUNNING</c>; a stopped task is removed.</summary>
    public string LastStatus { get; set; } = Pending;

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? StartedAt { get; set; }

    /// <summary>When the reconciler first saw the task running (a <see cref="System.Diagnostics.Stopwatch"/> timestamp); not kept across restarts.</summary>
    [JsonIgnore]
    public long? RunningSince { get; set; }

    /// <summary>Whether the task counts toward a steady state: running, healthy when it has health checks, and running long enough when it has none.</summary>
    [JsonIgnore]
    public bool IsReady { get; set; }
}

/// <summary>One container of a task: the container definition's name and the Docker container that runs it.</summary>
internal sealed record TaskContainerRecord(string Name, string ContainerId, bool Essential, bool HasHealthCheck);
