using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Slipway.Aws.Json;

/// <summary>AWS JSON 1.1 timestamps: epoch seconds as a number, fractions allowed (1700000000.123).</summary>
public sealed class EpochSecondsConverter : JsonConverter<DateTimeOffset>
{
    /// <summary>Reads a number of seconds (or, leniently, an ISO 8601 string).</summary>
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
            return DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(reader.GetDouble() * 1000));
        if (reader.TokenType == JsonTokenType.String &&
            DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            return parsed;
        throw new JsonException($"Expected a timestamp in epoch seconds, found {reader.TokenType}.");
    }

    /// <summary>Writes whole seconds as an integer and anything finer with millisecond precision.</summary>
    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        var milliseconds = value.ToUnixTimeMilliseconds();
        if (milliseconds % 1000 == 0)
            writer.WriteNumberValue(milliseconds / 1000);
        else
            writer.WriteNumberValue(milliseconds / 1000m);
    }
}
