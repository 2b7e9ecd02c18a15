using Slipway.Versioning.Configuration;
using Slipway.Versioning.Git;

namespace Slipway.Versioning.Calculation;

/// <summary>
/// Version tags as base versions: tags in HEAD's history; with track-merge-target, tags on merge commits elsewhere that merged a commit of HEAD's history;
/// branches that are neither main nor release also see main/support tags, and branches tracking release branches see release/hotfix tags. Only tags not newer than HEAD,
/// whose pre-release label (if any) is the branch's label.
/// </summary>
internal static class TaggedCommitStrategy
{
    public static IEnumerable<BaseVersion> Get(VersionContext context, EffectiveConfiguration configuration)
    {
        var label = context.Label(configuration);
        var seen = new HashSet<(string Tag, string Source)>();
        SemanticVersion? threshold = null;
        // Newest tagged commit first; as GitVersion does, an older tag whose major bump cannot reach what a newer tag gives is passed over.
        // As GitVersion: the source is always the tagged commit; the date a tag is filtered and ordered by is that of the commit it was
        // found through (a merge target's parent), and tags on main and release branches count whatever their date.
        foreach (var (tag, found, dated) in Tags(context, configuration).Where(x => (!x.Dated || x.Found.Time <= context.Head.Time) && !context.IsIgnored(x.Tag.Commit)).OrderByDescending(x => x.Found.Time))
        {
            var source = tag.Commit;
            if (!seen.Add((tag.Tag.CanonicalName, found.Sha)))
                continue;
            if (tag.Version.IsPreRelease && !string.Equals(tag.Version.Label ?? "", label ?? tag.Version.Label ?? "", StringComparison.OrdinalIgnoreCase))
                continue;
            if (threshold is not null && tag.Version.Stable.Increment(IncrementStrategy.Major).CompareTo(threshold) < 0)
                continue;
            var field = IncrementFinder.Determine(context, source, configuration);
            var reached = tag.Version.Stable.Increment(field);
            if (threshold is null || reached.CompareTo(threshold) > 0)
                threshold = reached;
            yield return new BaseVersion($"Git tag '{tag.Tag.FriendlyName}'", tag.Version, source, new VersionIncrement(field, label), configuration);
        }
    }

    private static IEnumerable<(VersionTag Tag, Commit Found, bool Dated)> Tags(VersionContext context, EffectiveConfiguration configuration)
    {
        var repository = context.Repository;
        foreach (var tag in context.VersionTags)
        {
            if (repository.IsAncestor(tag.Commit, context.Head))
            {
                yield return (tag, tag.Commit, true);
                continue;
            }

            var seesMain = !configuration.IsMainBranch && !configuration.IsReleaseBranch;
            if ((seesMain && context.BranchTips("main").Any(x => repository.IsAncestor(tag.Commit, x))) ||
                (configuration.TracksReleaseBranches && context.BranchTips("release").Any(x => repository.IsAncestor(tag.Commit, x))))
            {
                yield return (tag, tag.Commit, false);
                continue;
            }

            if (configuration.TrackMergeTarget)
            {
                // Found through the merged side: of the tagged merge's parents in HEAD's history, the newest.
                var parent = tag.Commit.Parents.Where(x => repository.IsAncestor(x, context.Head)).MaxBy(x => x.Time);
                if (parent is not null)
                    yield return (tag, parent, true);
            }
        }
    }
}
