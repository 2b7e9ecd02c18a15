namespace Slipway.Versioning.Git;

/// <summary>The dates of a repository's annotated tags, loaded with one <c>git for-each-ref</c> the first time one is asked for.</summary>
/// <remarks>Reading them means reading every tag object, which opening the repository avoids: a version computation needs none.</remarks>
internal sealed class TaggerDates(string directory)
{
    private const string Format = "--format=%(refname)%00%(taggerdate:raw)";

    private readonly Lazy<Dictionary<string, DateTimeOffset>> _dates = new(() => Load(directory));

    /// <summary>The date tag <paramref name="canonicalName"/> was created, or null when it has none (or no longer exists); blocks while git runs.</summary>
    public DateTimeOffset? Of(string canonicalName) => _dates.Value.TryGetValue(canonicalName, out var date) ? date : null;

    /// <summary>Parses for-each-ref output in the format above: "name NUL seconds zone" a line; a lightweight tag has no date.</summary>
    public static Dictionary<string, DateTimeOffset> Parse(string output)
    {
        var dates = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var line in output.AsSpan().EnumerateLines())
        {
            var separator = line.IndexOf('\0');
            if (separator > 0 && GitDate.TryParse(line[(separator + 1)..], out _, out var date))
                dates[line[..separator].ToString()] = date;
        }

        return dates;
    }

    private static Dictionary<string, DateTimeOffset> Load(string directory) =>
        Parse(GitCli.RunAsync(directory, ["for-each-ref", Format, "refs/tags"], CancellationToken.None).GetAwaiter().GetResult().StandardOutput);
}
