using Slipway.Versioning.Configuration;
using Slipway.Versioning.Git;

namespace Slipway.Versioning.Calculation;

/// <summary>The computed version before output formatting: the final version, where it came from, and the commit counting it.</summary>
internal sealed record ComputedVersion(
    SemanticVersion Version,
    long? BuildMetaData,
    Commit? Source,
    int CommitsSinceSource,
    SemanticVersion? BaseVersion,
    IncrementStrategy Increment,
    EffectiveConfiguration Configuration,
    string Origin);

/// <summary>GitVersion 6's next-version computation for the GitFlow workflow (the three deployment modes; not Mainline).</summary>
internal static class NextVersionCalculator
{
    public static ComputedVersion Calculate(VersionContext context)
    {
        var configurations = EffectiveConfigurationFinder.Find(context);
        var primary = configurations[0];
        if (TaggedHead(context, primary) is { } tagged)
            return tagged;

        var candidates = new List<BaseVersion>();
        foreach (var configuration in configurations)
        {
            // GitVersion's strategy order (its types' order in its assembly): among candidates reaching the same version, the first names VersionSourceSemVer.
            var found = NextVersionStrategy.Get(context, configuration)
                .Concat(MergeMessageStrategy.Get(context, configuration))
                .Concat(TaggedCommitStrategy.Get(context, configuration))
                .Concat(TrackedReleaseBranchStrategy.Get(context, configuration))
                .Concat(BranchNameStrategy.Get(context, configuration))
                .Where(x => x.Source is null || !context.IsIgnored(x.Source))
                .ToList();
            if (found.Count == 0)
                found.Add(FallbackStrategy.Get(context, configuration));
            candidates.AddRange(found);
        }

        var best = candidates.Aggregate((a, b) => b.Incremented.CompareTo(a.Incremented) > 0 ? b : a);
        var max = best.Incremented;
        var same = candidates.Where(x => x.Source is not null && x.Incremented.CompareTo(max) == 0).ToList();
        Commit? countFrom;
        if (same.Count > 1)
        {
            // Several candidates reach the same version: count from the newest source.
            best = same.Aggregate((a, b) => b.Source!.Time > a.Source!.Time ? b : a);
            countFrom = best.Source;
        }
        else
        {
            var pool = max.IsPreRelease ? candidates : candidates.Where(x => !x.Version.IsPreRelease).ToList();
            if (pool.Count == 0)
                pool = candidates;
            countFrom = pool.Where(x => x.Source is not null)
                .OrderByDescending(x => x.Incremented)
                .ThenByDescending(x => x.Source!.Time)
                .FirstOrDefault()?.Source;
        }

        var count = context.CountSince(countFrom);
        var version = ApplyMode(max, best.Configuration.Mode, count, out var metadata);
        version = LiftToBranchTags(context, best.Configuration, version);
        return new ComputedVersion(version, metadata, countFrom, count, best.Version, best.Increment?.Field ?? IncrementStrategy.None, best.Configuration, best.Origin);
    }

    /// <summary>HEAD carries a version tag that fits the branch, and the branch uses tags on the current commit as they are.</summary>
    private static ComputedVersion? TaggedHead(VersionContext context, EffectiveConfiguration configuration)
    {
        if (!configuration.PreventIncrementWhenCurrentCommitTagged)
            return null;
        var label = context.Label(configuration);
        var tag = context.VersionTags
            .Where(x => x.Commit == context.Head)
            .Where(x => !x.Version.IsPreRelease || label is null || string.Equals(x.Version.Label ?? "", label, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(x => x.Version)
            .FirstOrDefault();
        if (tag is null)
            return null;
        var version = configuration.Mode == DeploymentMode.ContinuousDeployment ? tag.Version.Stable : tag.Version;
        return new ComputedVersion(version, null, context.Head, 0, tag.Version, IncrementStrategy.None, configuration, $"Git tag '{tag.Tag.FriendlyName}' on HEAD");
    }

    private static SemanticVersion ApplyMode(SemanticVersion version, DeploymentMode mode, int count, out long? metadata)
    {
        metadata = null;
        switch (mode)
        {
            case DeploymentMode.ManualDeployment:
                metadata = count;
                return version;
            case DeploymentMode.ContinuousDelivery:
                return version with { Label = version.Label ?? "", Number = (version.Number ?? 1) + count - 1 };
            default:
                return version.Stable;
        }
    }

    /// <summary>Lifts major.minor.patch to the highest version tagged on the effective branch when that is higher (pre-release and metadata kept).</summary>
    private static SemanticVersion LiftToBranchTags(VersionContext context, EffectiveConfiguration configuration, SemanticVersion version)
    {
        var tip = configuration.SourceBranch?.Target ?? context.Head;
        var highest = context.VersionTags
            .Where(x => x.Commit.Time <= context.Head.Time && !context.IsIgnored(x.Commit) && context.Repository.IsAncestor(x.Commit, tip))
            .Select(x => x.Version.Stable)
            .DefaultIfEmpty()
            .Max();
        return highest is not null && highest.CompareTo(version.Stable) > 0
            ? version with { Major = highest.Major, Minor = highest.Minor, Patch = highest.Patch }
            : version;
    }
}
