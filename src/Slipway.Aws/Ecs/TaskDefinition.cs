using System.Text.Json;
using System.Text.Json.Nodes;
using Slipway.Aws.Json;

namespace Slipway.Aws.Ecs;

/// <summary>
/// An ECS task definition kept as JSON, so members Slipway does not interpret survive a describe → register round trip;
/// typed accessors cover what deploys read and change.
/// </summary>
public sealed class TaskDefinition
{
    private readonly JsonObject _json;

    /// <summary>Wraps a copy of the JSON (DescribeTaskDefinition's taskDefinition or a template).</summary>
    public TaskDefinition(JsonObject json) => _json = (JsonObject)json.DeepClone();

    /// <summary>A copy of the full JSON, including read-only members.</summary>
    public JsonObject ToJson() => (JsonObject)_json.DeepClone();

    /// <summary>The family name.</summary>
    public string? Family => _json.GetString("family");

    /// <summary>The ARN (family:revision), set by ECS.</summary>
    public string? TaskDefinitionArn => _json.GetString("taskDefinitionArn");

    /// <summary>The revision number, set by ECS.</summary>
    public int? Revision => _json.GetInt32("revision");

    /// <summary>"ACTIVE", "INACTIVE" or "DELETE_IN_PROGRESS", set by ECS.</summary>
    public string? Status => _json.GetString("status");

    /// <summary>Task CPU units, e.g. "256" (ECS accepts and returns a string).</summary>
    public string? Cpu => _json.GetString("cpu");

    /// <summary>Task memory in MiB, e.g. "512".</summary>
    public string? Memory => _json.GetString("memory");

    /// <summary>The containers, in order.</summary>
    public IReadOnlyList<ContainerDefinition> ContainerDefinitions => _json["containerDefinitions"] is JsonArray containers
        ? containers.OfType<JsonObject>().Select(c => new ContainerDefinition(c)).ToList()
        : [];

    /// <summary>A copy with one container's image replaced.</summary>
    public TaskDefinition WithImage(string containerName, string image) =>
        WithContainer(containerName, c => c["image"] = image);

    /// <summary>A copy with one container's environment variable set (added, or replaced in place).</summary>
    public TaskDefinition WithEnvironment(string containerName, string name, string value) => WithContainer(containerName, c =>
    {
        var entries = c["environment"] as JsonArray ?? (JsonArray)(c["environment"] = new JsonArray());
        var existing = entries.OfType<JsonObject>().FirstOrDefault(e => e.GetString("name") == name);
        if (existing is not null)
            existing["value"] = value;
        else
            entries.Add(new JsonObject { ["name"] = name, ["value"] = value });
    });

    /// <summary>
    /// The RegisterTaskDefinition request: every request member present here (raw), plus <paramref name="tags"/>
    /// (DescribeTaskDefinition returns tags beside the task definition); read-only and unknown members are left out.
    /// </summary>
    public RegisterTaskDefinitionRequest ToRegisterRequest(JsonArray? tags = null)
    {
        var body = new JsonObject();
        foreach (var member in TaskDefinitionMembers.Request)
            if (_json.TryGetPropertyValue(member, out var value))
                body[member] = value?.DeepClone();
        if (tags is not null)
            body["tags"] = tags.DeepClone();
        return new RegisterTaskDefinitionRequest(body);
    }

    /// <summary>The JSON text (indented).</summary>
    public override string ToString() => _json.ToJsonString(new JsonSerializerOptions { WriteIndented = true });

    private TaskDefinition WithContainer(string containerName, Action<JsonObject> change)
    {
        var copy = new TaskDefinition(_json);
        var container = (copy._json["containerDefinitions"] as JsonArray)?.OfType<JsonObject>()
            .FirstOrDefault(c => c.GetString("name") == containerName);
        if (container is null)
            throw new ArgumentException(
                $"Task definition '{Family}' has no container '{containerName}'. " +
                $"Containers: {string.Join(", ", ContainerDefinitions.Select(c => $"'{c.Name}'"))}.", nameof(containerName));
        change(container);
        return copy;
    }
}

/// <summary>A RegisterTaskDefinition body holding only request members, built by <see cref="TaskDefinition.ToRegisterRequest"/>.</summary>
public sealed class RegisterTaskDefinitionRequest
{
    private readonly JsonObject _body;

    internal RegisterTaskDefinitionRequest(JsonObject body) => _body = body;

    /// <summary>A copy of the body that will be sent.</summary>
    public JsonObject ToJson() => (JsonObject)_body.DeepClone();

    /// <summary>The family the registration creates a revision of.</summary>
    public string? Family => _body.GetString("family");
}
