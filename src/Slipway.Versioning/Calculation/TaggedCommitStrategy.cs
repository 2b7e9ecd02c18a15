using Slipway.Versioning.Configuration;
using Slipway.Versioning.Git;

namespace Slipway.Versioning.Calculation;

/// <summary>
/// Version tags as base versions: tags in HEAD's history; with track-merge-target, tags on merge commits elsewhere that merged a commit of HEAD's history;
/// branches that are neither main nor release also see main/support tags, and branches tracking release branches see release/hotfix tags, whose pre-release label (if any)
/// is the branch's label. Tags of HEAD's history and merge targets only when not newer than HEAD; as in GitVersion, main and release branches' tags whatever their date.
/// A tag with another pre-release label is no base version; the next older fitting tag's increment is lifted to it (GitVersion's alternative semantic version).
/// </summary>
internal static class TaggedCommitStrategy
{
    public static IEnumerable<BaseVersion> Get(VersionContext context, EffectiveConfiguration configuration)
    {
        var label = context.Label(configuration);
        var seen = new HashSet<string>();
        SemanticVersion? threshold = null;
        var alternatives = new List<SemanticVersion>();
        // Newest tagged commit first; as GitVersion does, an older tag whose major bump cannot reach what a newer tag gives is passed over.
        // The source is always the tagged commit, as GitVersion names it, even when a merge target's parent is what brings the tag in.
        foreach (var (tag, key, _) in Tags(context, configuration)
                     .Where(x => (!x.Dated || x.Key.Time <= context.Head.Time) && !context.IsIgnored(x.Key) && !context.IsIgnored(x.Tag.Commit))
                     .OrderByDescending(x => x.Key.Time))
        {
            var source = tag.Commit;
            if (!seen.Add(tag.Tag.CanonicalName))
                continue;
            if (tag.Version.IsPreRelease && !string.Equals(tag.Version.Label ?? "", label ?? tag.Version.Label ?? "", StringComparison.OrdinalIgnoreCase))
            {
                // Another label's tag is no base version, but the next (older) fitting tag's increment may not fall below it.
                alternatives.Add(tag.Version);
                continue;
            }

            var alternative = alternatives.Max();
            alternatives.Clear();
            if (threshold is not null && BaseVersion.Apply(tag.Version.Stable, IncrementStrategy.Major, null, alternative).Stable.CompareTo(threshold) < 0)
                continue;
            var field = IncrementFinder.Determine(context, source, configuration);
            var reached = tag.Version.Stable.Increment(field);
            if (threshold is null || reached.CompareTo(threshold) > 0)
                threshold = reached;
            yield return new BaseVersion($"Git tag '{tag.Tag.FriendlyName}'", tag.Version, source, new VersionIncrement(field, label, alternative), configuration);
        }
    }

    /// <summary>The tags a branch sees, each with the commit that brings it in (dates and orders it); <c>Dated</c>: only when that is not newer than HEAD.</summary>
    private static IEnumerable<(VersionTag Tag, Commit Key, bool Dated)> Tags(VersionContext context, EffectiveConfiguration configuration)
    {
        var repository = context.Repository;
        foreach (var tag in context.VersionTags)
        {
            if (repository.IsAncestor(tag.Commit, context.Head))
            {
                yield return (tag, tag.Commit, true);
                continue;
            }

            if (configuration.TrackMergeTarget)
            {
                // The merged side: of the tagged merge's parents in HEAD's history, the newest (main's own earlier commit is usually in it too).
                var parent = tag.Commit.Parents.Where(x => repository.IsAncestor(x, context.Head)).MaxBy(x => x.Time);
                if (parent is not null)
                {
                    yield return (tag, parent, true);
                }
            }

            var seesMain = !configuration.IsMainBranch && !configuration.IsReleaseBranch;
            if (seesMain && context.BranchTips("main").Any(x => repository.IsAncestor(tag.Commit, x)))
            {
                yield return (tag, tag.Commit, false);
                continue;
            }

            if (configuration.TracksReleaseBranches && context.BranchTips("release").Any(x => repository.IsAncestor(tag.Commit, x)))
                yield return (tag, tag.Commit, false);
        }
    }
}
