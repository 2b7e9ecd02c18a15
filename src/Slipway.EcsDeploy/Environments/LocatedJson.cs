using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Slipway.EcsDeploy.Environments;

/// <summary>A line and column in a file, both from 1.</summary>
internal readonly record struct TextPosition(int Line, int Column);

/// <summary>A JSON value with where it starts in its file, so errors can say "file(line,col)".</summary>
internal abstract record LocatedJson(TextPosition At);

/// <summary>An object: its members in file order, each with the position of its key.</summary>
internal sealed record LocatedObject(TextPosition At, IReadOnlyList<LocatedMember> Members) : LocatedJson(At);

/// <summary>One member of an object.</summary>
internal sealed record LocatedMember(string Name, TextPosition At, LocatedJson Value);

/// <summary>An array.</summary>
internal sealed record LocatedArray(TextPosition At, IReadOnlyList<LocatedJson> Items) : LocatedJson(At);

/// <summary>A string, number, true, false or null; <see cref="Text"/> is the string's value or the literal.</summary>
internal sealed record LocatedScalar(TextPosition At, JsonTokenType Kind, string Text) : LocatedJson(At);

/// <summary>Reads JSON (comments and trailing commas allowed) into <see cref="LocatedJson"/>; System.Text.Json's DOM keeps no positions.</summary>
internal static partial class LocatedJsonReader
{
    /// <summary>The document in <paramref name="utf8"/>; invalid JSON throws <see cref="LocatedJsonException"/> with the position the reader stopped at.</summary>
    public static LocatedJson Read(ReadOnlySpan<byte> utf8)
    {
        if (utf8.StartsWith(Encoding.UTF8.Preamble))
            utf8 = utf8[Encoding.UTF8.Preamble.Length..];
        var lines = new LineMap(utf8);
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        try
        {
            if (!reader.Read())
                throw new LocatedJsonException(new TextPosition(1, 1), "the file is empty; expected a JSON object");
            var value = ReadValue(ref reader, lines, utf8);
            return reader.Read() ? throw new LocatedJsonException(lines.At(utf8, reader.TokenStartIndex), "unexpected text after the end of the JSON object") : value;
        }
        catch (JsonException e)
        {
            // The reader's message ends with its own 0-based "LineNumber: 3 | BytePositionInLine: 2."; ours says it once, 1-based.
            var at = new TextPosition((int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1);
            throw new LocatedJsonException(at, "invalid JSON: " + ReaderPosition().Replace(e.Message, "").TrimEnd());
        }
    }

    private static LocatedJson ReadValue(ref Utf8JsonReader reader, LineMap lines, ReadOnlySpan<byte> utf8)
    {
        var at = lines.At(utf8, reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var members = new List<LocatedMember>();
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var name = reader.GetString()!;
                    var nameAt = lines.At(utf8, reader.TokenStartIndex);
                    reader.Read();
                    members.Add(new LocatedMember(name, nameAt, ReadValue(ref reader, lines, utf8)));
                }

                return new LocatedObject(at, members);
            case JsonTokenType.StartArray:
                var items = new List<LocatedJson>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    items.Add(ReadValue(ref reader, lines, utf8));
                return new LocatedArray(at, items);
            case JsonTokenType.String:
                return new LocatedScalar(at, reader.TokenType, reader.GetString()!);
            default:
                return new LocatedScalar(at, reader.TokenType, Encoding.UTF8.GetString(reader.ValueSpan));
        }
    }

    [GeneratedRegex(@"\s*(Path: \S*\s*\|\s*)?LineNumber: \d+ \| BytePositionInLine: \d+\.$")]
    private static partial Regex ReaderPosition();

    /// <summary>The byte offsets where lines start, to turn a token's offset into a line and a column counted in characters.</summary>
    private sealed class LineMap
    {
        private readonly List<int> _starts = [0];

        public LineMap(ReadOnlySpan<byte> utf8)
        {
            for (var i = 0; i < utf8.Length; i++)
            {
                if (utf8[i] == (byte)'\n')
                    _starts.Add(i + 1);
            }
        }

        public TextPosition At(ReadOnlySpan<byte> utf8, long offset)
        {
            var index = _starts.BinarySearch((int)offset);
            var line = index >= 0 ? index : ~index - 1;
            var column = Encoding.UTF8.GetCharCount(utf8[_starts[line]..(int)offset]) + 1;
            return new TextPosition(line + 1, column);
        }
    }
}

/// <summary>The JSON could not be read; <see cref="At"/> is where.</summary>
internal sealed class LocatedJsonException(TextPosition at, string message) : Exception(message)
{
    /// <summary>Where the reader stopped.</summary>
    public TextPosition At { get; } = at;
}
