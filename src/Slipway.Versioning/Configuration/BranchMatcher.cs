using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Slipway.Versioning.Configuration;

/// <summary>Finds the branch configuration for a branch name, as GitVersion does: first matching regex in order, <c>unknown</c> last.</summary>
internal static class BranchMatcher
{
    private const string UnknownKey = "unknown";

    private static readonly ConcurrentDictionary<string, Regex> Cache = new();

    private static readonly string[] PullRequestRefs = ["refs/pull/", "refs/pull-requests/"];

    public static BranchConfiguration Match(GitVersionConfiguration configuration, string branchName)
    {
        var name = ShortName(branchName);
        var candidates = configuration.Branches.Where(x => x.Name != UnknownKey).Concat(configuration.Branches.Where(x => x.Name == UnknownKey));
        foreach (var branch in candidates)
        {
            if (branch.RegularExpression is { } pattern && Regex(pattern).IsMatch(name))
                return branch;
        }

        // GitVersion's empty branch configuration: everything inherits from the top level.
        return new BranchConfiguration { Name = UnknownKey, RegularExpression = "", Label = "{BranchName}", Increment = IncrementStrategy.Inherit };
    }

    /// <summary>The named groups of the branch's regex match (BranchName, Number, ...).</summary>
    public static Match? Groups(BranchConfiguration branch, string branchName) =>
        branch.RegularExpression is { } pattern ? Regex(pattern).Match(ShortName(branchName)) : null;

    /// <summary>
    /// The name regexes are matched against, as GitVersion's <c>WithoutOrigin</c>: without <c>refs/heads/</c>; a
    /// remote-tracking <c>refs/remotes/origin/x</c> or a bare <c>origin/x</c> without <c>origin/</c>; a pull-request ref
    /// <c>refs/pull/12/merge</c> as the local branch GitVersion makes of it, <c>pull/12/merge</c>.
    /// </summary>
    public static string ShortName(string branchName)
    {
        if (branchName.StartsWith("refs/heads/", StringComparison.Ordinal))
            return branchName["refs/heads/".Length..];
        if (PullRequestRefs.Any(x => branchName.StartsWith(x, StringComparison.Ordinal)))
            return branchName["refs/".Length..];

        var name = branchName.StartsWith("refs/remotes/", StringComparison.Ordinal) ? branchName["refs/remotes/".Length..] : branchName;
        return name.StartsWith("origin/", StringComparison.Ordinal) ? name["origin/".Length..] : name;
    }

    public static Regex Regex(string pattern) =>
        Cache.GetOrAdd(pattern, x => new Regex(x, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));
}
