using System.Text.Json;

namespace Slipway.Versioning.Oracle.Tests.Tools;

/// <summary>One tool's answer at a checkpoint: every variable of its JSON (numbers as their JSON text, null as null), or the error it stopped with.</summary>
public sealed record VersionOutput(IReadOnlyDictionary<string, string?> Variables, string? Error)
{
    /// <summary>The value written for a tool that stopped with an error, and for a variable one tool does not print.</summary>
    public const string ErrorValue = "<error>";

    /// <inheritdoc cref="ErrorValue"/>
    public const string MissingValue = "<missing>";

    /// <summary>The tool stopped with an error instead of printing variables.</summary>
    public static VersionOutput Failed(string message) => new(new Dictionary<string, string?>(), message);

    /// <summary>Reads a flat JSON object of variables, as both <c>gitversion /output json</c> and <c>slipway version --output json</c> print it.</summary>
    public static VersionOutput FromJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        var variables = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            variables[property.Name] = property.Value.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.String => property.Value.GetString(),
                _ => property.Value.GetRawText(),
            };
        }

        return new VersionOutput(variables, null);
    }

    /// <summary>A variable's value for comparison: the error marker, the missing marker, "null", or the value.</summary>
    public string Value(string name) =>
        Error is not null ? ErrorValue
        : !Variables.TryGetValue(name, out var value) ? MissingValue
        : value ?? "null";
}
