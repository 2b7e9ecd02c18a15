using System.Text.Json.Nodes;
using Slipway.LocalAws.Server;

namespace Slipway.LocalAws.Ecs.Docker;

/// <summary>
/// One container definition as the engine creates it. Every container uses host networking (the engine has no bridge, and
/// ports are then reachable on 127.0.0.1 as the container's own); port mappings only decide which tasks conflict.
/// </summary>
internal sealed record ContainerCreateRequest(
    string Name,
    string Image,
    IReadOnlyList<string>? EntryPoint,
    IReadOnlyList<string>? Command,
    IReadOnlyList<string> Environment,
    IReadOnlyDictionary<string, string> Labels,
    string? WorkingDirectory,
    string? User,
    TimeSpan? StopTimeout,
    ContainerHealthCheck? HealthCheck)
{
    /// <summary>The request for <paramref name="container"/>, named <paramref name="dockerName"/> and carrying <paramref name="labels"/> (after its own <c>dockerLabels</c>, so they win).</summary>
    public static ContainerCreateRequest For(JsonObject container, string dockerName, IReadOnlyDictionary<string, string> labels)
    {
        var allLabels = new Dictionary<string, string>();
        foreach (var (name, value) in container.ReadObject("dockerLabels") ?? [])
            allLabels[name] = value?.ToString() ?? "";
        foreach (var (name, value) in labels)
            allLabels[name] = value;
        var environment = (container.ReadObjects("environment") ?? [])
            .Select(variable => $"{variable.OptionalString("name")}={variable.OptionalString("value")}")
            .ToList();
        // ECS's entryPoint and command are arrays, as the engine's are: no quoting, the same argv; absent ones keep the image's.
        return new ContainerCreateRequest(
            dockerName,
            container.OptionalString("image")!,
            container.Strings("entryPoint") is { Count: > 0 } entryPoint ? entryPoint : null,
            container.Strings("command") is { Count: > 0 } command ? command : null,
            environment,
            allLabels,
            container.OptionalString("workingDirectory"),
            container.OptionalString("user"),
            container.ReadInt("stopTimeout") is { } stopTimeout ? TimeSpan.FromSeconds(stopTimeout) : null,
            ContainerHealthCheck.Read(container));
    }
}
