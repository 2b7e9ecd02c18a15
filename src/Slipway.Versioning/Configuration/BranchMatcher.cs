using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Slipway.Versioning.Configuration;

/// <summary>Finds the branch configuration for a branch name, as GitVersion does: first matching regex in order, <c>unknown</c> last.</summary>
internal static class BranchMatcher
{
    private static readonly ConcurrentDictionary<string, Regex> Cache = new();

    public static BranchConfiguration Match(GitVersionConfiguration configuration, string branchName)
    {
        var name = ShortName(branchName);
        foreach (var branch in configuration.Branches.Where(x => !string.Equals(x.Name, "unknown", StringComparison.OrdinalIgnoreCase)))
        {
            if (branch.RegularExpression is { } pattern && Regex(pattern).IsMatch(name))
                return branch;
        }

        return configuration.Named("unknown") ?? new BranchConfiguration { Name = "unknown", RegularExpression = "(?<BranchName>.+)" };
    }

    /// <summary>The named groups of the branch's regex match (BranchName, Number, ...).</summary>
    public static Match? Groups(BranchConfiguration branch, string branchName) =>
        branch.RegularExpression is { } pattern ? Regex(pattern).Match(ShortName(branchName)) : null;

    /// <summary>A branch name without <c>refs/heads/</c>, <c>refs/remotes/</c> and a leading <c>origin/</c>.</summary>
    public static string ShortName(string branchName)
    {
        var name = branchName;
        foreach (var prefix in new[] { "refs/heads/", "refs/remotes/" })
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal))
                name = name[prefix.Length..];
        }

        return name.StartsWith("origin/", StringComparison.Ordinal) ? name["origin/".Length..] : name;
    }

    public static Regex Regex(string pattern) =>
        Cache.GetOrAdd(pattern, x => new Regex(x, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));
}
