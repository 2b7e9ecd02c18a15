using System.Text.Json.Serialization;

namespace Slipway.LocalAws.Ecs.State;

/// <summary>A task of a service: one Docker container per container definition, all labelled with the task's id; kept a while after it stopped, as ECS keeps stopped tasks.</summary>
internal sealed class TaskRecord
{
    public const string Pending = "PENDING";
    public const string Running = "RUNNING";
    public const string Stopped = "STOPPED";

    /// <summary>ECS's task id: 32 lowercase hex digits.</summary>
    public required string Id { get; init; }

    public required string TaskDefinition { get; init; }

    public required List<TaskContainerRecord> Containers { get; init; }

    /// <summary>The deployment that started the task (<c>ecs-svc/...</c>), as ECS's <c>startedBy</c> says.</summary>
    public string? StartedBy { get; init; }

    /// <summary><c>PENDING</c> until every essential container runs, then <c>RUNNING</c>; <c>STOPPED</c> once it stopped.</summary>
    public string LastStatus { get; set; } = Pending;

    /// <summary><c>RUNNING</c> while the service wants the task, <c>STOPPED</c> once it stopped.</summary>
    [JsonIgnore]
    public string DesiredStatus => LastStatus == Stopped ? Stopped : Running;

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? StoppedAt { get; set; }

    /// <summary>Why the task stopped, in ECS's words (<c>Essential container in task exited</c>, <c>Scaling activity initiated by (deployment ...)</c>).</summary>
    public string? StoppedReason { get; set; }

    /// <summary>ECS's stop code: <c>EssentialContainerExited</c>, <c>TaskFailedToStart</c> or <c>ServiceSchedulerInitiated</c>.</summary>
    public string? StopCode { get; set; }

    /// <summary>When the reconciler first saw the task running (a <see cref="System.Diagnostics.Stopwatch"/> timestamp); not kept across restarts.</summary>
    [JsonIgnore]
    public long? RunningSince { get; set; }

    /// <summary>Whether the task counts toward a steady state: running, healthy when it has health checks, and running long enough when it has none.</summary>
    [JsonIgnore]
    public bool IsReady { get; set; }

    /// <summary>Marks the task stopped at <paramref name="now"/> for <paramref name="reason"/>.</summary>
    public void Stop(string reason, string stopCode, DateTimeOffset now)
    {
        LastStatus = Stopped;
        StoppedReason = reason;
        StopCode = stopCode;
        StoppedAt = now;
        IsReady = false;
    }
}

/// <summary>One container of a task: the container definition's name, the Docker container that runs it, and the host ports that reach it.</summary>
internal sealed record TaskContainerRecord(string Name, string ContainerId, bool Essential, bool HasHealthCheck)
{
    public string? Image { get; init; }

    /// <summary>The container's ports as clients reach them: the host address and port for each containerPort.</summary>
    public List<NetworkBindingRecord> NetworkBindings { get; init; } = [];

    /// <summary>The exit code, once the container exited.</summary>
    public int? ExitCode { get; set; }
}

/// <summary>A container port and the host address and port that reach it (ECS's <c>networkBindings</c>).</summary>
internal sealed record NetworkBindingRecord(string BindIp, int ContainerPort, int HostPort, string Protocol);
