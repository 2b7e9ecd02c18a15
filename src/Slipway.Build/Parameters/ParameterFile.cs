using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Slipway.Parameters;

/// <summary>One <c>.nuke/parameters*.json</c> file: parameter names mapped to raw values.</summary>
public sealed class ParameterFile
{
    private static readonly JsonDocumentOptions ReadOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    // People edit these files: keep "Zoë's" as written instead of "Zo\u00EB\u0027s".
    private static readonly JsonSerializerOptions WriteOptions = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly HashSet<string> _arrays;

    private ParameterFile(string path, IReadOnlyDictionary<string, IReadOnlyList<string>> values, HashSet<string> arrays)
    {
        Path = path;
        Values = values;
        _arrays = arrays;
    }

    /// <summary>The file's path.</summary>
    public string Path { get; }

    /// <summary>Values by parameter name (as written in the file); lists hold one item per array element.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Values { get; }

    /// <summary>Whether the value of <paramref name="name"/> is a JSON array, whose items are kept as they are (a single string is split into items).</summary>
    public bool IsArray(string name) => _arrays.Contains(name);

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
            var column = Column(text, (int)(exception.LineNumber ?? 0), (int)(exception.BytePositionInLine ?? 0));
            throw new BuildDefinitionException($"Parameter file '{path}' is not valid JSON at line {line}, column {column}: {FirstSentence(exception.Message)} Fix the file or delete the broken entry.");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw new BuildDefinitionException($"Parameter file '{path}' must hold a JSON object such as {{ \"Configuration\": \"Release\" }}, not a {document.RootElement.ValueKind}.");
            var values = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
            var arrays = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Name.StartsWith('$'))
                    continue;
                if (ToStrings(property.Value) is not { } strings)
                    continue;
                values[property.Name] = strings;
                if (property.Value.ValueKind == JsonValueKind.Array)
                    arrays.Add(property.Name);
                else
                    arrays.Remove(property.Name);
            }

            return new ParameterFile(path, values, arrays);
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

        // Replaced in place, so the file keeps its order and a rewrite shows as a one-line diff.
        var existing = root.Select(x => x.Key).FirstOrDefault(x => string.Equals(x, name, StringComparison.OrdinalIgnoreCase));
        if (existing is not null)
            root.SetAt(root.IndexOf(existing), name, value);
        else
            root[name] = value;
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, root.ToJsonString(WriteOptions) + Environment.NewLine);
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

    /// <summary>The 1-based character column of a 0-based UTF-8 byte offset in a line (the parser counts bytes, editors count characters).</summary>
    private static int Column(string text, int line, int bytes)
    {
        var lines = text.Split('\n');
        if (line >= lines.Length)
            return bytes + 1;
        var utf8 = Encoding.UTF8.GetBytes(lines[line]);
        return Encoding.UTF8.GetCharCount(utf8, 0, Math.Min(bytes, utf8.Length)) + 1;
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }
}
