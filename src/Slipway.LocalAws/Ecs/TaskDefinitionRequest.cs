using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Slipway.LocalAws.Server;

namespace Slipway.LocalAws.Ecs;

/// <summary>A RegisterTaskDefinition input checked with ECS's rules and reduced to the members ECS accepts, with ECS's defaults filled in.</summary>
internal static partial class TaskDefinitionRequest
{
    // The request members of RegisterTaskDefinition; anything else in the input is ignored, as ECS's model ignores unknown members.
    private static readonly string[] Members =
    [
        "family", "taskRoleArn", "executionRoleArn", "networkMode", "containerDefinitions", "volumes", "placementConstraints",
        "requiresCompatibilities", "cpu", "memory", "pidMode", "ipcMode", "proxyConfiguration", "inferenceAccelerators",
        "ephemeralStorage", "runtimePlatform", "enableFaultInjection",
    ];

    private static readonly string[] NetworkModes = ["bridge", "host", "awsvpc", "none"];

    private static readonly string[] LaunchTypes = ["EC2", "FARGATE", "EXTERNAL", "MANAGED_INSTANCES"];

    /// <summary>The family and the normalized definition of <paramref name="input"/>; a <c>ClientException</c> saying what is wrong otherwise.</summary>
    public static (string Family, JsonObject Definition) Read(JsonObject input)
    {
        var family = input.OptionalString("family");
        if (string.IsNullOrEmpty(family))
            throw Invalid("Family must not be null or empty.");
        if (!Name().IsMatch(family))
            throw Invalid($"Family '{family}' is not valid: up to 255 letters (uppercase and lowercase), numbers, underscores and hyphens are allowed.");
        var networkMode = input.OptionalString("networkMode");
        if (networkMode is not null && !NetworkModes.Contains(networkMode))
            throw Invalid($"networkMode '{networkMode}' is not valid. Valid values are: {string.Join(", ", NetworkModes)}.");
        var unknownLaunchType = input.Strings("requiresCompatibilities")?.FirstOrDefault(type => !LaunchTypes.Contains(type));
        if (unknownLaunchType is not null)
            throw Invalid($"requiresCompatibilities '{unknownLaunchType}' is not valid. Valid values are: {string.Join(", ", LaunchTypes)}.");

        var containers = input.ReadObjects("containerDefinitions") ?? [];
        if (containers.Count == 0)
            throw Invalid("Container list cannot be empty.");
        var normalized = containers.Select(container => Container(container, networkMode)).ToList();
        var duplicate = normalized.GroupBy(container => container.OptionalString("name")).FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null)
            throw Invalid($"Container names must be unique within a task definition: '{duplicate.Key}' is used {duplicate.Count()} times.");
        if (!normalized.Any(container => container.OptionalBool("essential") == true))
            throw Invalid("A task definition must have at least one essential container.");

        var definition = new JsonObject();
        foreach (var member in Members)
        {
            if (input[member] is { } value)
                definition[member] = value.DeepClone();
        }

        definition["containerDefinitions"] = EcsJson.Array(normalized);
        definition["volumes"] ??= new JsonArray();
        definition["placementConstraints"] ??= new JsonArray();
        return (family, definition);
    }

    private static JsonObject Container(JsonObject input, string? networkMode)
    {
        var name = input.OptionalString("name");
        if (string.IsNullOrEmpty(name))
            throw Invalid("Container.name should not be null or empty.");
        if (!Name().IsMatch(name))
            throw Invalid($"Container name '{name}' is not valid: up to 255 letters (uppercase and lowercase), numbers, underscores and hyphens are allowed.");
        if (string.IsNullOrEmpty(input.OptionalString("image")))
            throw Invalid($"Container.image should not be null or empty (container '{name}').");
        input.Strings("command");
        input.Strings("entryPoint");
        ContainerHealthCheck.Read(input);
        foreach (var variable in input.ReadObjects("environment") ?? [])
        {
            if (string.IsNullOrEmpty(variable.OptionalString("name")))
                throw Invalid($"Environment variables of container '{name}' need a name.");
            variable.OptionalString("value");
        }

        var container = (JsonObject)input.DeepClone();
        container["cpu"] ??= 0;
        container["essential"] ??= true;
        container["portMappings"] = EcsJson.Array((input.ReadObjects("portMappings") ?? []).Select(mapping => (JsonNode)PortMapping(mapping, name, networkMode)));
        container["environment"] ??= new JsonArray();
        container["mountPoints"] ??= new JsonArray();
        container["volumesFrom"] ??= new JsonArray();
        return container;
    }

    private static JsonObject PortMapping(JsonObject input, string container, string? networkMode)
    {
        var containerPort = input.ReadInt("containerPort");
        if (containerPort is not (> 0 and <= 65535))
            throw Invalid($"Port mappings of container '{container}' need a containerPort between 1 and 65535.");
        var hostPort = input.ReadInt("hostPort");
        var sameHost = networkMode is "host" or "awsvpc";
        if (sameHost && hostPort is not null && hostPort != containerPort)
            throw Invalid($"When networkMode={networkMode}, the host ports and container ports in port mappings must match (container '{container}': {hostPort} and {containerPort}).");
        var mapping = (JsonObject)input.DeepClone();
        mapping["containerPort"] = containerPort;
        mapping["hostPort"] = hostPort ?? (sameHost ? containerPort : 0);
        mapping["protocol"] ??= "tcp";
        return mapping;
    }

    private static AwsErrorException Invalid(string message) => new("ClientException", message);

    [GeneratedRegex("^[a-zA-Z0-9_-]{1,255}$")]
    private static partial Regex Name();
}
