using System.Text.Json.Nodes;
using Slipway.Aws.Ecs;

namespace Slipway.EcsDeploy.TaskDefinitions;

/// <summary>
/// Where a service of the local platform answers, read from its task definition: the local platform runs every task with host
/// networking, so the first port mapping's host port (the container port when none is given) of the first named container is
/// the port on 127.0.0.1. A seam until the platform answers DescribeTasks with networkBindings, which would be the platform's own word.
/// </summary>
public static class ServiceAddress
{
    /// <summary>http://127.0.0.1:port/ of the first of <paramref name="containers"/> that maps a port (any container when none is named); null when none does.</summary>
    public static Uri? OnLocalPlatform(TaskDefinition definition, IReadOnlyList<string> containers)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var candidates = definition.ContainerDefinitions
            .Where(x => containers.Count == 0 || containers.Contains(x.Name ?? ""))
            .OrderBy(x => containers.Count == 0 ? 0 : IndexOf(containers, x.Name));
        foreach (var container in candidates)
        {
            if (container.Json["portMappings"] is not JsonArray mappings)
                continue;
            foreach (var mapping in mappings.OfType<JsonObject>())
            {
                var port = Port(mapping["hostPort"]) is > 0 and var host ? host : Port(mapping["containerPort"]);
                if (port is > 0)
                    return new Uri($"http://127.0.0.1:{port}/");
            }
        }

        return null;
    }

    private static int IndexOf(IReadOnlyList<string> names, string? name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (names[i] == name)
                return i;
        }

        return names.Count;
    }

    private static int? Port(JsonNode? node) => node is JsonValue value && value.TryGetValue<int>(out var port) ? port : null;
}
