using System.Text.Json.Nodes;
using Slipway.LocalAws.Server;

namespace Slipway.LocalAws.Ecs.Docker;

/// <summary>
/// One container definition as the engine creates it: on the host's network (networkMode host, where ports are the container's
/// own), or on the platform's bridge network with its port mappings published on 127.0.0.1 (bridge and awsvpc).
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
    /// <summary>The engine's network mode: <c>host</c>, <c>none</c>, or the name of the platform's bridge network.</summary>
    public string Network { get; init; } = "host";

    /// <summary>The ports published on 127.0.0.1 (bridge network only); host port 0 lets the engine choose a free one.</summary>
    public IReadOnlyList<PublishedPort> PublishedPorts { get; init; } = [];

    /// <summary>The request for <paramref name="container"/>, named <paramref name="dockerName"/> and carrying <paramref name="labels"/> (after its own <c>dockerLabels</c>, so they win).</summary>
    public static ContainerCreateRequest For(JsonObject container, string dockerName, IReadOnlyDictionary<string, string> labels) =>
        For(container, dockerName, labels, "host", []);

    /// <summary>The request for <paramref name="container"/> on <paramref name="network"/>, publishing <paramref name="publishedPorts"/> on 127.0.0.1.</summary>
    public static ContainerCreateRequest For(
        JsonObject container, string dockerName, IReadOnlyDictionary<string, string> labels, string network, IReadOnlyList<PublishedPort> publishedPorts)
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
        var request = new ContainerCreateRequest(
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
        return request with { Network = network, PublishedPorts = publishedPorts };
    }
}

/// <summary>A container port published on the host: <paramref name="HostPort"/> 0 for a dynamic one (the engine picks a free port).</summary>
internal sealed record PublishedPort(int ContainerPort, string Protocol, int HostPort);
