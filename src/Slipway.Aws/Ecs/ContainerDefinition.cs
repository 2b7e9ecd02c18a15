using System.Text.Json.Nodes;
using Slipway.Aws.Json;

namespace Slipway.Aws.Ecs;

/// <summary>A read view of one containerDefinitions entry; members without an accessor are in <see cref="Json"/>.</summary>
public sealed class ContainerDefinition
{
    internal ContainerDefinition(JsonObject json) => Json = (JsonObject)json.DeepClone();

    /// <summary>A copy of the container's JSON (change containers through TaskDefinition.With... methods).</summary>
    public JsonObject Json { get; }

    /// <summary>Container name, unique in the task definition.</summary>
    public string? Name => Json.GetString("name");

    /// <summary>Image reference, e.g. 123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1.4.0.</summary>
    public string? Image => Json.GetString("image");

    /// <summary>Plain environment variables (name/value pairs), in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Environment => Json["environment"] is JsonArray entries
        ? entries.OfType<JsonObject>()
            .Select(e => KeyValuePair.Create(e.GetString("name") ?? "", e.GetString("value") ?? ""))
            .ToList()
        : [];
}
