using System.Text.RegularExpressions;
using Slipway.Versioning.Configuration;

namespace Slipway.Versioning.Calculation;

/// <summary>
/// Versions named by merge messages of release or hotfix branches in HEAD's history (at most five): bumped unless the branch prevents increments of merged branches.
/// As in GitVersion, a commit whose message reads like the merge of a release branch counts even when it is not a merge (a squash, a rebase, a cherry-pick).
/// </summary>
internal static class MergeMessageStrategy
{
    // GitVersion's built-in formats, in its order (the first that matches names the branch), matched ignoring case against the whole message.
    private static readonly Regex[] DefaultFormats =
    [
        Format(@"^Merge (branch|tag) '(?<SourceBranch>[^']*)'(?: into (?<TargetBranch>[^\s]*))*"),
        Format(@"^Finish (?<SourceBranch>[^\s]*)(?: into (?<TargetBranch>[^\s]*))*"),
        Format(@"^Merge pull request #(?<PullRequestNumber>\d+) (from|in) (?<Source>.*) from (?<SourceBranch>[^\s]*) to (?<TargetBranch>[^\s]*)"),
        Format(@"^Pull request #(?<PullRequestNumber>\d+).*\r?\n\r?\nMerge in (?<Source>.*) from (?<SourceBranch>[^\s]*) to (?<TargetBranch>[^\s]*)"),
        Format(@"^Merged in (?<SourceBranch>[^\s]*) \(pull request #(?<PullRequestNumber>\d+)\)"),
        Format(@"^Merge pull request #(?<PullRequestNumber>\d+) (from|in) (?:[^\s\/]+\/)?(?<SourceBranch>[^\s]*)(?: into (?<TargetBranch>[^\s]*))*"),
        Format(@"^Merge remote-tracking branch '(?<SourceBranch>[^\s]*)'(?: into (?<TargetBranch>[^\s]*))*"),
        Format(@"^Merge pull request (?<PullRequestNumber>\d+) from (?<SourceBranch>[^\s]*) into (?<TargetBranch>[^\s]*)"),
    ];

    public static IEnumerable<BaseVersion> Get(VersionContext context, EffectiveConfiguration configuration)
    {
        if (!configuration.TrackMergeMessage)
            yield break;
        var found = 0;
        foreach (var commit in context.CommitsSince(null))
        {
            if (MergedBranch(context, commit.Message) is not { } merged)
                continue;
            if (context.Configuration.ForBranch(merged).IsReleaseBranch != true || BranchNameStrategy.VersionInName(context, merged) is not { } version)
                continue;
            var label = context.Label(configuration);
            // A merge's bumps count from where the merged branch left; a commit that only reads like one, from itself.
            var field = configuration.PreventIncrementOfMergedBranch
                ? IncrementStrategy.None
                : IncrementFinder.Determine(context, commit.IsMerge ? context.Repository.MergeBase(commit.Parents[0], commit.Parents[1]) : commit, configuration);
            yield return new BaseVersion($"Merge message '{commit.Message.Split('\n')[0].Trim()}'", version, null, new VersionIncrement(field, label), configuration);
            if (++found == 5)
                yield break;
        }
    }

    /// <summary>The branch a merge message names, or null.</summary>
    public static string? MergedBranch(VersionContext context, string message)
    {
        foreach (var format in context.Configuration.MergeMessageFormats.Values.Select(x => Configuration.BranchMatcher.Regex(x)).Concat(DefaultFormats))
        {
            var match = format.Match(message);
            if (match.Success && match.Groups["SourceBranch"].Success)
                return match.Groups["SourceBranch"].Value;
        }

        return null;
    }

    private static Regex Format(string pattern) => new(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
}
