namespace Slipway.Versioning.Configuration;

/// <summary>"Did you mean" for a mistyped configuration key, branch key or workflow name.</summary>
internal static class KeySuggestion
{
    /// <summary>" Did you mean 'x'?" for the closest candidate within a typo's distance, or an empty string.</summary>
    public static string DidYouMean(string input, IEnumerable<string> candidates, string prefix = "")
    {
        var typed = input.ToLowerInvariant();
        var allowed = typed.Length <= 4 ? 1 : typed.Length <= 8 ? 2 : 3;
        var best = candidates
            .Select(x => (Candidate: x, Edits: Edits(typed, x.ToLowerInvariant())))
            .Where(x => x.Edits <= allowed)
            .OrderBy(x => x.Edits)
            .FirstOrDefault();
        return best.Candidate is null ? "" : $" Did you mean '{prefix}{best.Candidate}'?";
    }

    // Edit distance where an insertion, a deletion, a substitution or swapping two neighbours ("mian") costs one.
    private static int Edits(string from, string to)
    {
        var rows = new int[from.Length + 1, to.Length + 1];
        for (var i = 0; i <= from.Length; i++)
        {
            for (var j = 0; j <= to.Length; j++)
            {
                if (i == 0 || j == 0)
                {
                    rows[i, j] = i + j;
                    continue;
                }

                var same = from[i - 1] == to[j - 1];
                rows[i, j] = Math.Min(rows[i - 1, j - 1] + (same ? 0 : 1), Math.Min(rows[i - 1, j], rows[i, j - 1]) + 1);
                if (i > 1 && j > 1 && from[i - 1] == to[j - 2] && from[i - 2] == to[j - 1])
                    rows[i, j] = Math.Min(rows[i, j], rows[i - 2, j - 2] + 1);
            }
        }

        return rows[from.Length, to.Length];
    }
}
