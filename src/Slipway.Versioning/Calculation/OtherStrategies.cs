using Slipway.Versioning.Configuration;

namespace Slipway.Versioning.Calculation;

/// <summary>develop's view of open release and hotfix branches: their version plus develop's increment, counted from where they left.</summary>
internal static class TrackedReleaseBranchStrategy
{
    public static IEnumerable<BaseVersion> Get(VersionContext context, EffectiveConfiguration configuration)
    {
        if (!configuration.TracksReleaseBranches)
            yield break;
        var current = BranchMatcher.ShortName(context.BranchName);
        foreach (var branch in EffectiveConfigurationFinder.DistinctBranches(context.Repository))
        {
            if (BranchMatcher.ShortName(branch.FriendlyName) == current || context.Configuration.ForBranch(branch.FriendlyName).IsReleaseBranch != true)
                continue;
            if (BranchNameStrategy.VersionInName(context, branch.FriendlyName) is not { } version)
                continue;
            var source = context.BranchMergeBase(branch.Target, context.Head);
            if (source is null)
                continue;
            var field = IncrementFinder.Determine(context, source, configuration);
            yield return new BaseVersion($"Release branch '{branch.FriendlyName}'", version, source, new VersionIncrement(field, context.Label(configuration)), configuration);
        }
    }
}

/// <summary><c>next-version</c> from the configuration: labelled, not bumped; a higher tag still wins.</summary>
internal static class NextVersionStrategy
{
    public static IEnumerable<BaseVersion> Get(VersionContext context, EffectiveConfiguration configuration)
    {
        if (context.Configuration.NextVersion is not { Length: > 0 } text)
            yield break;
        if (!SemanticVersion.TryParse(text, context.Configuration.TagPrefix, SemanticVersionFormat.Loose, out var version))
            yield break;
        yield return new BaseVersion($"next-version '{text}'", version!, null, new VersionIncrement(IncrementStrategy.None, context.Label(configuration)), configuration);
    }
}

/// <summary>0.0.0 plus the branch increment, when nothing else gives a version.</summary>
internal static class FallbackStrategy
{
    public static BaseVersion Get(VersionContext context, EffectiveConfiguration configuration) =>
        new("Fallback 0.0.0", new SemanticVersion(0, 0, 0), null,
            new VersionIncrement(IncrementFinder.Determine(context, null, configuration), context.Label(configuration)), configuration);
}
