using System.Text.Json;

namespace Slipway.LocalAws.Ecs.Docker;

/// <summary>What <c>docker inspect</c> says about one container: its labels and its <c>.State</c>.</summary>
internal sealed record ContainerObservation(string Id, IReadOnlyDictionary<string, string> Labels, string Status, int ExitCode, string? Health, string? Error)
{
    /// <summary>The inspect format the observation is parsed from: id, labels and state, tab-separated (JSON escapes tabs inside strings).</summary>
    public const string InspectFormat = "{{.Id}}\t{{json .Config.Labels}}\t{{json .State}}";

    public bool IsRunning => Status == "running";

    /// <summary>Whether the container ended: exited or dead (a container still being created or restarted has not).</summary>
    public bool HasEnded => Status is "exited" or "dead";

    /// <summary>The task id label, or null for a container this platform did not label.</summary>
    public string? TaskId => Labels.GetValueOrDefault(ContainerLabels.Task);

    /// <summary>Parses one line of <see cref="InspectFormat"/> output; null for a line that is not one.</summary>
    public static ContainerObservation? Parse(string line)
    {
        var parts = line.Split('\t');
        if (parts.Length != 3)
            return null;
        var labels = JsonSerializer.Deserialize<Dictionary<string, string>>(parts[1]) ?? [];
        using var state = JsonDocument.Parse(parts[2]);
        var root = state.RootElement;
        var health = root.TryGetProperty("Health", out var healthElement) && healthElement.ValueKind == JsonValueKind.Object
            ? healthElement.GetProperty("Status").GetString()
            : null;
        return new ContainerObservation(
            parts[0],
            labels,
            root.GetProperty("Status").GetString() ?? "",
            root.GetProperty("ExitCode").GetInt32(),
            health,
            root.TryGetProperty("Error", out var error) && error.GetString() is { Length: > 0 } text ? text : null);
    }
}
