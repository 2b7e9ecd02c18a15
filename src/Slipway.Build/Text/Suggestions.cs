namespace Slipway.Text;

/// <summary>"Did you mean" suggestions by edit distance.</summary>
public static class Suggestions
{
    /// <summary>The candidate closest to <paramref name="input"/>, or null when none is close enough to be a likely typo.</summary>
    public static string? Closest(string input, IEnumerable<string> candidates)
    {
        var normalized = Normalize(input);
        var best = candidates
            .Select(x => (Candidate: x, Distance: Distance(normalized, Normalize(x))))
            .OrderBy(x => x.Distance)
            .ThenBy(x => x.Candidate, StringComparer.Ordinal)
            .FirstOrDefault();
        if (best.Candidate is null)
            return null;
        var allowed = Math.Max(1, Math.Min(3, normalized.Length / 3));
        return best.Distance <= allowed ? best.Candidate : null;
    }

    /// <summary>Lower-case without dashes and underscores: how names are compared.</summary>
    public static string Normalize(string name) =>
        string.Concat(name.Where(c => c is not '-' and not '_')).ToLowerInvariant();

    /// <summary>Optimal string alignment distance (Levenshtein plus adjacent transpositions).</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
            d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++)
            d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }

        return d[a.Length, b.Length];
    }

    /// <summary>" Did you mean 'X'?" or an empty string.</summary>
    public static string DidYouMean(string input, IEnumerable<string> candidates, Func<string, string>? format = null) =>
        Closest(input, candidates) is { } match ? $" Did you mean '{(format ?? (x => x))(match)}'?" : "";
}
