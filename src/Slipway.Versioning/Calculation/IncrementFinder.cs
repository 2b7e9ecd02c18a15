using Slipway.Versioning.Configuration;
using Slipway.Versioning.Git;

namespace Slipway.Versioning.Calculation;

/// <summary>
/// Which field a candidate bumps: the branch's increment, raised (never lowered) by <c>+semver:</c> messages committed after the candidate's source
/// and not before a version tag: as in GitVersion, a version tag (stable, or with the branch's label) settles the bumps in its own history.
/// </summary>
internal static class IncrementFinder
{
    public static IncrementStrategy Determine(VersionContext context, Commit? source, EffectiveConfiguration configuration)
    {
        var fromMessages = FromMessages(context, source, configuration);
        var branch = configuration.Increment;
        if (fromMessages is null)
            return branch;
        return Rank(fromMessages.Value) < Rank(branch) ? branch : fromMessages.Value;
    }

    /// <summary>The highest bump named by a commit message after <paramref name="source"/>, or null when none names one.</summary>
    private static IncrementStrategy? FromMessages(VersionContext context, Commit? source, EffectiveConfiguration configuration)
    {
        if (configuration.CommitMessageIncrementing == CommitMessageIncrementMode.Disabled)
            return null;
        IncrementStrategy? highest = null;
        List<Commit>? tagged = null;
        foreach (var (commit, field) in context.BumpMessages.After(source))
        {
            if (configuration.CommitMessageIncrementing == CommitMessageIncrementMode.MergeMessageOnly && !commit.IsMerge)
                continue;
            tagged ??= TaggedInHistory(context, configuration);
            if (tagged.Exists(x => context.Repository.IsAncestor(commit, x)))
                continue;
            if (highest is null || Rank(field) > Rank(highest.Value))
                highest = field;
        }

        return highest;
    }

    /// <summary>The commits of HEAD's history that carry a version tag GitVersion lets settle bumps: stable, or labelled as the branch is (any label when the branch has none).</summary>
    private static List<Commit> TaggedInHistory(VersionContext context, EffectiveConfiguration configuration)
    {
        var label = context.Label(configuration);
        return context.VersionTags
            .Where(x => !x.Version.IsPreRelease || label is null || string.Equals(x.Version.Label ?? "", label, StringComparison.OrdinalIgnoreCase))
            .Select(x => x.Commit)
            .Where(x => !context.IsIgnored(x) && context.Repository.IsAncestor(x, context.Head))
            .Distinct()
            .ToList();
    }

    public static int Rank(IncrementStrategy field) => field switch
    {
        IncrementStrategy.Major => 3,
        IncrementStrategy.Minor => 2,
        IncrementStrategy.Patch => 1,
        _ => 0,
    };
}
