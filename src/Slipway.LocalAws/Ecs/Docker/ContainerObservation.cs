namespace Slipway.LocalAws.Ecs.Docker;

/// <summary>What the engine says about one container: its labels and its state (status, exit code, health, error).</summary>
internal sealed record ContainerObservation(string Id, IReadOnlyDictionary<string, string> Labels, string Status, int ExitCode, string? Health, string? Error)
{
    /// <summary>The ports the engine published for the container (bridge network), with the host ports it chose.</summary>
    public IReadOnlyList<PortBinding> Ports { get; init; } = [];

    public bool IsRunning => Status == "running";

    /// <summary>Whether the container ended: exited or dead (a container still being created or restarted has not).</summary>
    public bool HasEnded => Status is "exited" or "dead";

    /// <summary>The task id label, or null for a container this platform did not label.</summary>
    public string? TaskId => Labels.GetValueOrDefault(ContainerLabels.Task);
}

/// <summary>A published port as the engine reports it: the container's port and protocol, and the host address and port that reach it.</summary>
internal sealed record PortBinding(int ContainerPort, string Protocol, string HostIp, int HostPort);
