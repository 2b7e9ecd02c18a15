using DiffPlex;
using DiffPlex.Renderer;

namespace Slipway.CiConfiguration;

/// <summary>How a committed generated file differs from what the build generates: a unified diff, for the stale-file check's failure.</summary>
public static class GeneratedFileDiff
{
    /// <summary>Lines of unchanged context around each change.</summary>
    public const int ContextLines = 3;

    /// <summary>Whether the texts are the same file content (line ends ignored: a CRLF checkout of an LF file is not stale).</summary>
    public static bool AreEqual(string? committed, string generated) =>
        committed is not null && Normalize(committed) == Normalize(generated);

    /// <summary>A unified diff from <paramref name="committed"/> (null: the file is missing) to <paramref name="generated"/>, headed with <paramref name="path"/>.</summary>
    public static string Render(string path, string? committed, string generated) =>
        new UnidiffRenderer(new Differ(), ContextLines)
            .Generate(Normalize(committed ?? ""), Normalize(generated), $"{path} (committed)", $"{path} (generated)", ignoreWhitespace: false, ignoreCase: false)
            .TrimEnd();

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);
}
