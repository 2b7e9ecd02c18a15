using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Slipway.Aws.Ecs;

namespace Slipway.EcsDeploy.TaskDefinitions;

/// <summary>
/// The normal form two task definitions are compared and diffed in, so that what ECS fills in or reorders is no change:
/// only registrable members, ECS defaults filled, lists sorted by name, empty lists dropped, keys in order.
/// </summary>
/// <remarks>
/// Tags are left out: they carry the version and commit of each build, and a rebuild of the same definition must compare equal.
/// Modelled on what DescribeTaskDefinition returns for a registered definition (ecspresso's diff does the same).
/// </remarks>
public static class TaskDefinitionNormalizer
{
    // Relaxed escaping: a diff shows "echo \"$VERSION\" > /www/version", not \u0022 and \u003E (the text is read, never embedded in HTML).
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The normal form as JSON.</summary>
    public static JsonObject Normalize(TaskDefinition definition)
    {
        var source = definition.ToJson();
        var normal = new JsonObject();
        foreach (var member in TaskDefinitionMembers.Request.Where(m => m != "tags"))
            if (source[member] is { } value)
                normal[member] = value.DeepClone();

        normal["networkMode"] ??= "bridge"; // ECS's default on EC2, returned by DescribeTaskDefinition
        NormalizeSize(normal, "cpu", unitsPerWhole: 1024, unit: "vcpu");
        NormalizeSize(normal, "memory", unitsPerWhole: 1024, unit: "gb");
        SortBy(normal, "requiresCompatibilities", x => x.ToJsonString());
        SortBy(normal, "volumes", x => Text(x, "name"));
        SortBy(normal, "placementConstraints", x => x.ToJsonString());
        var publishesHostPorts = StringOf(normal, "networkMode") is "awsvpc" or "host";
        if (normal["containerDefinitions"] is JsonArray containers)
            foreach (var container in containers.OfType<JsonObject>())
                NormalizeContainer(container, publishesHostPorts);
        SortBy(normal, "containerDefinitions", x => Text(x, "name"));
        return (JsonObject)Canonical(normal)!;
    }

    /// <summary>The normal form as indented JSON text, the text diffs are made of.</summary>
    public static string ToText(TaskDefinition definition) => Normalize(definition).ToJsonString(Indented);

    /// <summary>Whether registering <paramref name="candidate"/> would give the same definition as <paramref name="registered"/>.</summary>
    public static bool AreEqual(TaskDefinition candidate, TaskDefinition registered) =>
        JsonNode.DeepEquals(Normalize(candidate), Normalize(registered));

    private static void NormalizeContainer(JsonObject container, bool publishesHostPorts)
    {
        container["essential"] ??= true;
        if (container["cpu"] is JsonValue cpu && cpu.TryGetValue<int>(out var units) && units == 0)
            container.Remove("cpu"); // ECS returns "cpu": 0 for a container that set none
        if (container["portMappings"] is JsonArray ports)
            foreach (var port in ports.OfType<JsonObject>())
            {
                port["protocol"] ??= "tcp";
                // Under awsvpc and host networking the host port is the container port; ECS fills it in.
                if (publishesHostPorts && port["hostPort"] is null && port["containerPort"] is { } containerPort)
                    port["hostPort"] = containerPort.DeepClone();
            }
        SortBy(container, "portMappings", x => $"{x["containerPort"]?.ToJsonString().PadLeft(5, '0')}/{Text(x, "protocol")}");
        SortBy(container, "environment", x => Text(x, "name"));
        SortBy(container, "secrets", x => Text(x, "name"));
        SortBy(container, "environmentFiles", x => Text(x, "value"));
        SortBy(container, "mountPoints", x => $"{Text(x, "sourceVolume")}:{Text(x, "containerPath")}");
        SortBy(container, "volumesFrom", x => Text(x, "sourceContainer"));
    }

    // ECS takes "0.25 vCPU" or "1 GB" and returns them as units ("256", "1024"); bare numbers come back as strings.
    private static void NormalizeSize(JsonObject json, string member, int unitsPerWhole, string unit)
    {
        if (json[member] is not JsonValue value)
            return;
        var text = value.ToString().Trim().ToLowerInvariant();
        var wholes = text.EndsWith(unit, StringComparison.Ordinal);
        if (wholes)
            text = text[..^unit.Length].Trim();
        if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var number))
            json[member] = (wholes ? number * unitsPerWhole : number).ToString("0.##", CultureInfo.InvariantCulture);
    }

    private static void SortBy(JsonObject json, string member, Func<JsonNode, string> key)
    {
        if (json[member] is not JsonArray items)
            return;
        var sorted = items.Where(x => x is not null).Select(x => x!.DeepClone()).OrderBy(key, StringComparer.Ordinal).ToArray();
        json[member] = new JsonArray(sorted);
    }

    private static string Text(JsonNode node, string member) => node is JsonObject json ? StringOf(json, member) ?? "" : node.ToJsonString();

    private static string? StringOf(JsonObject json, string member) =>
        json[member] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    // Keys in ordinal order; nulls, empty lists and empty objects dropped (ECS returns "environment": [] for none).
    private static JsonNode? Canonical(JsonNode? node) => node switch
    {
        JsonObject json => Canonical(json),
        JsonArray array => array.Count == 0 ? null : new JsonArray(array.Select(Canonical).Where(x => x is not null).ToArray()),
        _ => node?.DeepClone(),
    };

    private static JsonObject? Canonical(JsonObject json)
    {
        var result = new JsonObject();
        foreach (var (key, value) in json.OrderBy(p => p.Key, StringComparer.Ordinal))
            if (Canonical(value) is { } canonical && canonical is not JsonObject { Count: 0 })
                result[key] = canonical;
        return result;
    }
}
