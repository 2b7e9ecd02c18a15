using Slipway.Versioning.Configuration;
using Slipway.Versioning.Git;

namespace Slipway.Versioning.Calculation;

/// <summary>Which field a candidate bumps: the branch's increment, raised (never lowered) by <c>+semver:</c> messages committed after the candidate's source.</summary>
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
        foreach (var (commit, field) in context.BumpMessages.After(source))
        {
            if (configuration.CommitMessageIncrementing == CommitMessageIncrementMode.MergeMessageOnly && !commit.IsMerge)
                continue;
            if (highest is null || Rank(field) > Rank(highest.Value))
                highest = field;
        }

        return highest;
    }

    public static int Rank(IncrementStrategy field) => field switch
    {
        IncrementStrategy.Major => 3,
        IncrementStrategy.Minor => 2,
        IncrementStrategy.Patch => 1,
        _ => 0,
    };
}
