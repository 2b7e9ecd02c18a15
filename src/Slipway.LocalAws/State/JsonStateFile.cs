using System.Text.Json;
using System.Text.Json.Serialization;

namespace Slipway.LocalAws.State;

/// <summary>Reads and writes the platform's JSON state files; a write goes to a temporary file that then replaces the old one, so a crash never leaves half a file.</summary>
internal static class JsonStateFile
{
    /// <summary>The serializer settings of every state file (web names, indented, nulls left out).</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The value stored at <paramref name="path"/>, or null when the file does not exist.</summary>
    public static T? Read<T>(string path) where T : class
    {
        if (!File.Exists(path))
            return null;
        try
        {
            using var stream = File.OpenRead(path);
            return JsonSerializer.Deserialize<T>(stream, Options);
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"State file '{path}' is not valid JSON ({exception.Message}). Fix or delete it.", exception);
        }
    }

    /// <summary>Replaces <paramref name="path"/> with <paramref name="value"/> atomically; the file is readable by its owner only, as it may hold secrets.</summary>
    public static void Write<T>(string path, T value) => WriteAtomically(path, stream => JsonSerializer.Serialize(stream, value, Options));

    /// <summary>Replaces <paramref name="path"/> with <paramref name="text"/> (UTF-8) atomically, readable by its owner only.</summary>
    public static void WriteText(string path, string text) => WriteAtomically(path, stream => stream.Write(System.Text.Encoding.UTF8.GetBytes(text)));

    private static void WriteAtomically(string path, Action<Stream> write)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            using (var stream = new FileStream(temporary, options))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
