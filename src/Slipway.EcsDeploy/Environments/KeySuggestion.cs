namespace Slipway.EcsDeploy.Environments;

/// <summary>" Did you mean 'x'?" for a mistyped key, environment or platform.</summary>
internal static class KeySuggestion
{
    /// <summary>The hint for the candidate fewest edits away (a third of the input's length at most, at least one), or an empty string.</summary>
    public static string DidYouMean(string input, IEnumerable<string> candidates, string prefix = "")
    {
        var limit = Math.Max(1, input.Length / 3);
        var best = candidates
            .Select(x => (Candidate: x, Edits: Edits(input.ToLowerInvariant(), x.ToLowerInvariant())))
            .Where(x => x.Edits <= limit)
            .OrderBy(x => x.Edits)
            .Select(x => x.Candidate)
            .FirstOrDefault();
        return best is null ? "" : $" Did you mean '{prefix}{best}'?";
    }

    // Edits between the two, where swapping two neighbours ("lcoal") counts as one, as people type; three rows of the table are enough.
    private static int Edits(string from, string to)
    {
        var before = new int[to.Length + 1];
        var previous = Enumerable.Range(0, to.Length + 1).ToArray();
        var current = new int[to.Length + 1];
        for (var i = 1; i <= from.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= to.Length; j++)
            {
                var cost = from[i - 1] == to[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1], previous[j]) + 1, previous[j - 1] + cost);
                if (i > 1 && j > 1 && from[i - 1] == to[j - 2] && from[i - 2] == to[j - 1])
                    current[j] = Math.Min(current[j], before[j - 2] + 1);
            }

            (before, previous, current) = (previous, current, before);
        }

        return previous[to.Length];
    }
}
