namespace Slipway.Aws.Text;

/// <summary>"Did you mean" for mistyped names (regions, template keys).</summary>
public static class Suggestions
{
    /// <summary>The candidate closest to <paramref name="input"/> within <paramref name="maxDistance"/> edits (case-insensitive), if any.</summary>
    public static string? Closest(string input, IEnumerable<string> candidates, int maxDistance) => candidates
        .Select(c => (Candidate: c, Distance: Distance(input.ToLowerInvariant(), c.ToLowerInvariant())))
        .Where(c => c.Distance <= maxDistance)
        .OrderBy(c => c.Distance)
        .Select(c => c.Candidate)
        .FirstOrDefault();

    private static int Distance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var diagonal = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var above = row[j];
                row[j] = Math.Min(Math.Min(row[j - 1], row[j]) + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }
        return row[b.Length];
    }
}
