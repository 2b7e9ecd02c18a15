using System.Text.Json.Nodes;

namespace Slipway.Aws.Json;

/// <summary>Lenient reads from raw JSON: a wrong type reads as absent instead of throwing.</summary>
internal static class JsonNodeExtensions
{
    public static string? GetString(this JsonObject json, string name) =>
        json[name] is JsonValue value && value.TryGetValue(out string? text) ? text : null;

    public static int? GetInt32(this JsonObject json, string name) =>
        json[name] is JsonValue value && value.TryGetValue(out int number) ? number : null;
}
