using System.Text.Json.Nodes;
using Slipway.LocalAws.Server;

namespace Slipway.LocalAws.Ecs;

/// <summary>ECS request members <see cref="AwsJson"/> does not read (integers sent as whole doubles, nested objects, optional object lists), and JSON array builders.</summary>
internal static class EcsJson
{
    /// <summary>The integer member <paramref name="name"/>, or null when absent.</summary>
    public static int? ReadInt(this JsonObject input, string name) => input[name] switch
    {
        null => null,
        JsonValue value when value.TryGetValue(out int number) => number,
        JsonValue value when value.TryGetValue(out double number) && number == Math.Floor(number) && Math.Abs(number) <= int.MaxValue => (int)number,
        _ => throw TypeError(name, "an integer"),
    };

    /// <summary>The object member <paramref name="name"/>, or null when absent.</summary>
    public static JsonObject? ReadObject(this JsonObject input, string name) => input[name] switch
    {
        null => null,
        JsonObject value => value,
        _ => throw TypeError(name, "an object"),
    };

    /// <summary>The objects of array member <paramref name="name"/>, or null when absent.</summary>
    public static IReadOnlyList<JsonObject>? ReadObjects(this JsonObject input, string name) => input[name] switch
    {
        null => null,
        JsonArray array => array.Select(item => item as JsonObject ?? throw TypeError(name, "an array of objects")).ToList(),
        _ => throw TypeError(name, "an array of objects"),
    };

    /// <summary>A JSON array of <paramref name="items"/>.</summary>
    public static JsonArray Array(IEnumerable<JsonNode?> items) => new([.. items]);

    /// <summary>A JSON array of strings.</summary>
    public static JsonArray Array(IEnumerable<string> items) => new([.. items.Select(item => (JsonNode)JsonValue.Create(item))]);

    private static AwsErrorException TypeError(string name, string expected) =>
        new("SerializationException", $"'{name}' must be {expected}.");
}
