using System.Text.Json.Nodes;
using Slipway.LocalAws.Server;

namespace Slipway.LocalAws.Ecs;

/// <summary>Reading ECS request members with the types the ECS model gives them, and writing timestamps as ECS does (epoch seconds).</summary>
internal static class EcsJson
{
    /// <summary>A timestamp as AWS JSON sends it: epoch seconds with milliseconds.</summary>
    public static JsonNode Timestamp(DateTimeOffset time) => JsonValue.Create(time.ToUnixTimeMilliseconds() / 1000.0);

    /// <summary>The string member <paramref name="name"/>, or null when absent.</summary>
    public static string? ReadString(this JsonObject input, string name) => input[name] switch
    {
        null => null,
        JsonValue value when value.TryGetValue(out string? text) => text,
        _ => throw TypeError(name, "a string"),
    };

    /// <summary>The integer member <paramref name="name"/>, or null when absent.</summary>
    public static int? ReadInt(this JsonObject input, string name) => input[name] switch
    {
        null => null,
        JsonValue value when value.TryGetValue(out int number) => number,
        JsonValue value when value.TryGetValue(out double number) && number == Math.Floor(number) && Math.Abs(number) <= int.MaxValue => (int)number,
        _ => throw TypeError(name, "an integer"),
    };

    /// <summary>The boolean member <paramref name="name"/>, or null when absent.</summary>
    public static bool? ReadBool(this JsonObject input, string name) => input[name] switch
    {
        null => null,
        JsonValue value when value.TryGetValue(out bool flag) => flag,
        _ => throw TypeError(name, "a boolean"),
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

    /// <summary>The strings of array member <paramref name="name"/>, or null when absent.</summary>
    public static IReadOnlyList<string>? ReadStrings(this JsonObject input, string name) => input[name] switch
    {
        null => null,
        JsonArray array => array.Select(item => item is JsonValue value && value.TryGetValue(out string? text) ? text : throw TypeError(name, "an array of strings")).ToList(),
        _ => throw TypeError(name, "an array of strings"),
    };

    /// <summary>A JSON array of <paramref name="items"/>.</summary>
    public static JsonArray Array(IEnumerable<JsonNode?> items) => new([.. items]);

    /// <summary>A JSON array of strings.</summary>
    public static JsonArray Array(IEnumerable<string> items) => new([.. items.Select(item => (JsonNode)JsonValue.Create(item))]);

    private static AwsErrorException TypeError(string name, string expected) =>
        new("SerializationException", $"'{name}' must be {expected}.");
}
