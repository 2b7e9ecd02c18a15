using System.Text.Json;
using System.Text.Json.Nodes;

namespace Slipway.Parameters;

/// <summary>One <c>.nuke/parameters*.json</c> file: parameter names mapped to raw values.</summary>
public sealed class ParameterFile
{
    private static readonly JsonDocumentOptions ReadOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private ParameterFile(string path, IReadOnlyDictionary<string, IReadOnlyList<string>> values)
    {
        Path = path;
        Values = values;
    }

    /// <summary>The file's path.</summary>
    public string Path { get; }

    /// <summary>Values by parameter name (as written in the file); lists hold one item per array element.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Values { get; }

    /// <summary>Reads a parameter file; malformed JSON fails with the file, line and column.</summary>
    public static ParameterFile Load(string path)
    {
        var text = File.ReadAllText(path);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, ReadOptions);
        }
        catch (JsonException exception)
        {
            var line = (exception.LineNumber ?? 0) + 1;
            var column = (exception.BytePositionInLine ?? 0) + 1;
            throw new BuildDefinitionException($"Parameter file '{path}' is not valid JSON at line {line}, column {column}: {FirstSentence(exception.Message)} Fix the file or delete the broken entry.");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw new BuildDefinitionException($"Parameter file '{path}' must hold a JSON object such as {{ \"Configuration\": \"Release\" }}, not a {document.RootElement.ValueKind}.");
            var values = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Name.StartsWith('$'))
                    continue;
                if (ToStrings(property.Value) is { } strings)
                    values[property.Name] = strings;
            }

            return new ParameterFile(path, values);
        }
    }

    /// <summary>Sets one value in a parameter file (created if missing), keeping every other entry.</summary>
    public static void SetValue(string path, string name, string value)
    {
        JsonObject root;
        if (File.Exists(path))
        {
            Load(path); // reports malformed files with their position before anything is rewritten
            root = JsonNode.Parse(File.ReadAllText(path), documentOptions: ReadOptions) as JsonObject ?? new JsonObject();
        }
        else
        {
            root = new JsonObject { ["$schema"] = "./build.schema.json" };
        }

        var existing = root.Select(x => x.Key).FirstOrDefault(x => string.Equals(x, name, StringComparison.OrdinalIgnoreCase));
        if (existing is not null)
            root.Remove(existing);
        root[name] = value;
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + Environment.NewLine);
        File.Move(temporary, path, overwrite: true);
    }

    private static IReadOnlyList<string>? ToStrings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Array => element.EnumerateArray().Select(x => ToStrings(x)?.FirstOrDefault()).OfType<string>().ToList(),
        JsonValueKind.True => ["true"],
        JsonValueKind.False => ["false"],
        _ => [element.GetRawText()],
    };

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }
}
