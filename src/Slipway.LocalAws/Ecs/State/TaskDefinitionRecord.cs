using System.Text.Json.Nodes;
using Slipway.LocalAws.Server;

namespace Slipway.LocalAws.Ecs.State;

/// <summary>One revision of a task definition family: the registered request members (normalized) plus what ECS adds to them.</summary>
internal sealed class TaskDefinitionRecord
{
    public const string Active = "ACTIVE";
    public const string Inactive = "INACTIVE";

    public required string Family { get; init; }

    public required int Revision { get; init; }

    public required string Arn { get; init; }

    /// <summary><c>ACTIVE</c>, or <c>INACTIVE</c> after DeregisterTaskDefinition (services running it keep running).</summary>
    public string Status { get; set; } = Active;

    public required DateTimeOffset RegisteredAt { get; init; }

    public required string RegisteredBy { get; init; }

    public DateTimeOffset? DeregisteredAt { get; set; }

    /// <summary>The request members RegisterTaskDefinition accepts, as registered (with ECS's defaults filled in).</summary>
    public required JsonObject Definition { get; init; }

    public List<ResourceTag> Tags { get; init; } = [];

    /// <summary>The container definitions.</summary>
    public IReadOnlyList<JsonObject> Containers => Definition.ReadObjects("containerDefinitions") ?? [];

    /// <summary>ECS's network mode: <c>bridge</c> (ECS's default on EC2), <c>host</c>, <c>awsvpc</c> or <c>none</c>.</summary>
    public string NetworkMode => Definition.OptionalString("networkMode") ?? "bridge";

    /// <summary>Whether the containers share the host's network, so a container's port is the host's port itself.</summary>
    public bool UsesHostNetwork => NetworkMode == "host";

    /// <summary>Every container's port mappings, as registered (hostPort 0 is a dynamic host port).</summary>
    public IReadOnlyList<TaskPortMapping> PortMappings() => Containers
        .SelectMany(container => (container.ReadObjects("portMappings") ?? []).Select(mapping => new TaskPortMapping(
            container.OptionalString("name")!,
            mapping.ReadInt("containerPort") ?? 0,
            mapping.ReadInt("hostPort") ?? 0,
            mapping.OptionalString("protocol") ?? "tcp")))
        .ToList();

    /// <summary>
    /// The fixed host ports a task holds, so two tasks holding one cannot run side by side: under host networking each containerPort;
    /// in bridge mode each hostPort other than 0. Dynamic host ports (bridge hostPort 0) and awsvpc tasks (each has its own address
    /// on ECS; here its own dynamic port on 127.0.0.1) never collide.
    /// </summary>
    public IReadOnlySet<int> HostPorts() => PortMappings()
        .Select(mapping => UsesHostNetwork ? mapping.ContainerPort : NetworkMode == "bridge" ? mapping.HostPort : 0)
        .Where(port => port > 0)
        .ToHashSet();

    /// <summary>The task definition as ECS returns it: the registered members plus the read-only ones a re-registration must leave out.</summary>
    public JsonObject ToJson()
    {
        var json = new JsonObject { ["taskDefinitionArn"] = Arn };
        foreach (var (name, value) in Definition)
            json[name] = value?.DeepClone();
        json["revision"] = Revision;
        json["status"] = Status;
        json["requiresAttributes"] = EcsJson.Array(RequiredAttributes().Select(name => (JsonNode)new JsonObject { ["name"] = name }));
        json["compatibilities"] = EcsJson.Array(Compatibilities());
        json["registeredAt"] = AwsJson.Timestamp(RegisteredAt);
        json["registeredBy"] = RegisteredBy;
        if (DeregisteredAt is { } deregisteredAt)
            json["deregisteredAt"] = AwsJson.Timestamp(deregisteredAt);
        return json;
    }

    // Derived from the features used, as ECS does; an approximation of ECS's list, which clients only read.
    private IEnumerable<string> RequiredAttributes()
    {
        if (Containers.Any(container => container["healthCheck"] is not null))
        {
            yield return "com.amazonaws.ecs.capability.docker-remote-api.1.24";
            yield return "ecs.capability.container-health-check";
        }

        if (Definition["taskRoleArn"] is not null)
            yield return "com.amazonaws.ecs.capability.task-iam-role";
        if (Definition.OptionalString("networkMode") == "awsvpc")
        {
            yield return "com.amazonaws.ecs.capability.docker-remote-api.1.18";
            yield return "ecs.capability.task-eni";
        }
    }

    private IEnumerable<string> Compatibilities()
    {
        yield return "EC2";
        if (Definition.OptionalString("networkMode") == "awsvpc" && Definition["cpu"] is not null && Definition["memory"] is not null)
            yield return "FARGATE";
    }
}

/// <summary>One port mapping of a container definition: hostPort 0 asks for a dynamic host port.</summary>
internal sealed record TaskPortMapping(string Container, int ContainerPort, int HostPort, string Protocol);
