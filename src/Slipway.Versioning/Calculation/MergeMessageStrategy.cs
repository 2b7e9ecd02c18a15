using System.Text.RegularExpressions;
using Slipway.Versioning.Configuration;

namespace Slipway.Versioning.Calculation;

/// <summary>Versions named by merge messages of release or hotfix branches in HEAD's history (at most five): bumped unless the branch prevents increments of merged branches.</summary>
internal static class MergeMessageStrategy
{
    private static readonly Regex[] DefaultFormats =
    [
        new(@"^Merge (branch|tag) '(?<SourceBranch>[^']*)'(?: into (?<TargetBranch>[^\s]*))*", RegexOptions.CultureInvariant),
        new(@"^Finish (?<SourceBranch>[^\s]*)(?: into (?<TargetBranch>[^\s]*))*", RegexOptions.CultureInvariant),
        new(@"^Merge pull request #(?<PullRequestNumber>\d+) (from|in) (?:[^\s\/]+\/)?(?<SourceBranch>[^\s]*)(?: into (?<TargetBranch>[^\s]*))*", RegexOptions.CultureInvariant),
        new(@"^Merged PR (?<PullRequestNumber>\d+): Merge (?<SourceBranch>[^\s]*) to (?<TargetBranch>[^\s]*)", RegexOptions.CultureInvariant),
        new(@"^Merge remote-tracking branch '(?<SourceBranch>[^\s]*)'(?: into (?<TargetBranch>[^\s]*))*", RegexOptions.CultureInvariant),
    ];

    public static IEnumerable<BaseVersion> Get(VersionContext context, EffectiveConfiguration configuration)
    {
        if (!configuration.TrackMergeMessage)
            yield break;
        var found = 0;
        foreach (var commit in context.CommitsSince(null).Where(x => x.IsMerge))
        {
            if (MergedBranch(context, commit.Message) is not { } merged)
                continue;
            if (context.Configuration.ForBranch(merged).IsReleaseBranch != true || BranchNameStrategy.VersionInName(context, merged) is not { } version)
                continue;
            var label = context.Label(configuration);
            var field = configuration.PreventIncrementOfMergedBranch
                ? IncrementStrategy.None
                : IncrementFinder.Determine(context, context.Repository.MergeBase(commit.Parents[0], commit.Parents[1]), configuration);
            yield return new BaseVersion($"Merge message '{commit.Message.Split('\n')[0].Trim()}'", version, null, new VersionIncrement(field, label), configuration);
            if (++found == 5)
                yield break;
        }
    }

    /// <summary>The branch a merge message names, or null.</summary>
    public static string? MergedBranch(VersionContext context, string message)
    {
        var subject = message.Split('\n')[0].Trim();
        foreach (var format in context.Configuration.MergeMessageFormats.Values.Select(x => Configuration.BranchMatcher.Regex(x)).Concat(DefaultFormats))
        {
            var match = format.Match(subject);
            if (match.Success && match.Groups["SourceBranch"].Success)
                return match.Groups["SourceBranch"].Value;
        }

        return null;
    }
}
