using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Slipway.LocalAws.Server;

/// <summary>JSON conventions of AWS JSON 1.1 services: compact output, timestamps as epoch seconds, typed reads of request members.</summary>
internal static class AwsJson
{
    /// <summary>Serializer options for responses: compact, and no escaping beyond what JSON requires (manifests travel as strings).</summary>
    public static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// The UTF-8 response body for <paramref name="body"/> as AWS writes it: a member without a value is left out at every
    /// depth rather than sent as <c>null</c>. Empty lists stay: ECS and ECR send them (<c>"failures": []</c>), and a service
    /// leaves out a list AWS leaves out (an untagged image's <c>imageTags</c>) where it builds the output.
    /// </summary>
    public static byte[] ResponseBody(JsonNode body)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Options.Encoder }))
            WriteWithoutNulls(writer, body);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>A timestamp as AWS JSON sends it: epoch seconds with milliseconds.</summary>
    public static JsonNode Timestamp(DateTimeOffset time) => JsonValue.Create(time.ToUnixTimeMilliseconds() / 1000.0);

    /// <summary>The string member <paramref name="name"/>, or null; throws a <c>SerializationException</c> for another JSON type.</summary>
    public static string? OptionalString(this JsonObject input, string name) => input[name] switch
    {
        null => null,
        JsonValue value when value.TryGetValue(out string? text) => text,
        _ => throw new AwsErrorException("SerializationException", $"'{name}' must be a string."),
    };

    /// <summary>The string member <paramref name="name"/>; a <c>ValidationException</c> when it is missing.</summary>
    public static string RequiredString(this JsonObject input, string name) =>
        input.OptionalString(name) ?? throw new AwsErrorException("ValidationException",
            $"1 validation error detected: Value null at '{name}' failed to satisfy constraint: Member must not be null");

    /// <summary>The integer member <paramref name="name"/>, or null.</summary>
    public static int? OptionalInt(this JsonObject input, string name) => input[name] switch
    {
        null => null,
        JsonValue value when value.TryGetValue(out int number) => number,
        _ => throw new AwsErrorException("SerializationException", $"'{name}' must be an integer."),
    };

    /// <summary>The boolean member <paramref name="name"/>, or null.</summary>
    public static bool? OptionalBool(this JsonObject input, string name) => input[name] switch
    {
        null => null,
        JsonValue value when value.TryGetValue(out bool flag) => flag,
        _ => throw new AwsErrorException("SerializationException", $"'{name}' must be a boolean."),
    };

    /// <summary>The object members of array <paramref name="name"/>; empty when absent.</summary>
    public static IReadOnlyList<JsonObject> Objects(this JsonObject input, string name) => input[name] switch
    {
        null => [],
        JsonArray array => array.Select(item => item as JsonObject
            ?? throw new AwsErrorException("SerializationException", $"'{name}' must hold objects.")).ToList(),
        _ => throw new AwsErrorException("SerializationException", $"'{name}' must be an array."),
    };

    /// <summary>The string members of array <paramref name="name"/>, or null when absent.</summary>
    public static IReadOnlyList<string>? Strings(this JsonObject input, string name) => input[name] switch
    {
        null => null,
        JsonArray array => array.Select(item => item is JsonValue value && value.TryGetValue(out string? text)
            ? text : throw new AwsErrorException("SerializationException", $"'{name}' must hold strings.")).ToList(),
        _ => throw new AwsErrorException("SerializationException", $"'{name}' must be an array."),
    };

    private static void WriteWithoutNulls(Utf8JsonWriter writer, JsonNode? node)
    {
        switch (node)
        {
            case JsonObject members:
                writer.WriteStartObject();
                foreach (var (name, value) in members.Where(member => member.Value is not null))
                {
                    writer.WritePropertyName(name);
                    WriteWithoutNulls(writer, value);
                }

                writer.WriteEndObject();
                break;
            case JsonArray items:
                writer.WriteStartArray();
                foreach (var item in items)
                    WriteWithoutNulls(writer, item);
                writer.WriteEndArray();
                break;
            case null:
                writer.WriteNullValue();
                break;
            default:
                node.WriteTo(writer, Options);
                break;
        }
    }
}
