using Slipway.Versioning.Configuration;
using Slipway.Versioning.Git;

namespace Slipway.Versioning.Calculation;

/// <summary>
/// Resolves <c>increment: Inherit</c>: finds the branches the current one was created from (configured source-branch kinds, nearest merge-base first)
/// and merges their configuration in, recursively. Several equally near sources give several configurations; all compete.
/// </summary>
internal static class EffectiveConfigurationFinder
{
    public static IReadOnlyList<EffectiveConfiguration> Find(VersionContext context)
    {
        var result = new List<EffectiveConfiguration>();
        var traversed = new HashSet<string>(StringComparer.Ordinal) { BranchMatcher.ShortName(context.BranchName) };
        Visit(context, context.BranchConfiguration, context.Head, null, traversed, result);
        if (result.Count == 0)
        {
            // No source branch to inherit from (e.g. the only branch of a repository): bump the patch, as a main branch would.
            result.Add(EffectiveConfiguration.Resolve(context.BranchConfiguration, null, context.Configuration, IncrementStrategy.Patch));
        }

        return result;
    }

    private static void Visit(VersionContext context, BranchConfiguration configuration, Commit tip, GitReference? branch, HashSet<string> traversed, List<EffectiveConfiguration> result)
    {
        if (configuration.Increment is null or IncrementStrategy.Inherit)
        {
            // The kinds to look for are the visited branch's own, not those inherited from the child (GitVersion's SourceBranchFinder).
            var own = branch is null ? context.BranchConfiguration : context.Configuration.ForBranch(branch.FriendlyName);
            var sources = SourceBranches(context, own, tip, traversed);
            if (sources.Count > 0)
            {
                foreach (var source in sources)
                {
                    if (!traversed.Add(BranchMatcher.ShortName(source.FriendlyName)))
                        continue;
                    var sourceConfiguration = context.Configuration.ForBranch(source.FriendlyName);
                    Visit(context, EffectiveConfiguration.Inherit(configuration, sourceConfiguration), source.Target, source, traversed, result);
                }

                return;
            }

            if (context.Configuration.Increment is IncrementStrategy.Inherit)
                return;
        }

        result.Add(EffectiveConfiguration.Resolve(configuration, branch, context.Configuration, IncrementStrategy.Patch));
    }

    /// <summary>
    /// The branches of the configured source kinds the current one was taken from, as GitVersion finds them: each one's fork point
    /// (<see cref="VersionContext.BranchMergeBase"/>), newest first; an older fork point inside a newer source's history is dropped unless
    /// the current history merged that very commit (a pull request of a release into develop has both as sources), others all stay. Of the
    /// branches sharing a fork point, those whose tip is that commit are preferred.
    /// </summary>
    private static List<GitReference> SourceBranches(VersionContext context, BranchConfiguration configuration, Commit tip, HashSet<string> traversed)
    {
        var allowed = configuration.SourceBranches?
            .Select(context.Configuration.Named)
            .OfType<BranchConfiguration>()
            .ToList();
        var candidates = new List<(GitReference Branch, Commit MergeBase)>();
        foreach (var branch in DistinctBranches(context.Repository))
        {
            var name = BranchMatcher.ShortName(branch.FriendlyName);
            if (traversed.Contains(name))
                continue;
            var kind = context.Configuration.ForBranch(name);
            if (allowed is not null && !allowed.Any(x => x.Name == kind.Name))
                continue;
            if (context.BranchMergeBase(tip, branch.Target) is { } mergeBase)
                candidates.Add((branch, mergeBase));
        }

        candidates = candidates.OrderByDescending(x => x.MergeBase.Time).ThenBy(x => x.Branch.FriendlyName, StringComparer.Ordinal).ToList();
        var kept = candidates.Where((candidate, index) => index == 0 || MergedDirectly(context, candidate.MergeBase, tip) || !InNewerSource(context, candidates, candidate)).ToList();
        var result = new List<GitReference>();
        foreach (var group in kept.GroupBy(x => x.MergeBase))
        {
            var atForkPoint = group.Where(x => x.Branch.Target.Equals(group.Key)).ToList();
            result.AddRange((atForkPoint.Count > 0 ? atForkPoint : group.ToList()).Select(x => x.Branch));
        }

        return result.Distinct().ToList();
    }

    // A newer candidate's branch (before the first one sharing this fork point) contains the fork point.
    private static bool InNewerSource(VersionContext context, List<(GitReference Branch, Commit MergeBase)> candidates, (GitReference Branch, Commit MergeBase) candidate)
    {
        foreach (var newer in candidates)
        {
            if (newer.MergeBase.Equals(candidate.MergeBase))
                return false;
            if (context.Repository.IsAncestor(candidate.MergeBase, newer.Branch.Target))
                return true;
        }

        return false;
    }

    // A merge in the current history has the fork point itself as a parent: that branch was merged in directly, so it stays a source.
    private static bool MergedDirectly(VersionContext context, Commit mergeBase, Commit tip) =>
        context.Repository.CommitsBetween(mergeBase, tip).Any(x => x.IsMerge && x.Parents.Contains(mergeBase));

    /// <summary>Local branches, and remote-tracking ones whose name no local branch has.</summary>
    public static IEnumerable<GitReference> DistinctBranches(GitRepository repository)
    {
        var local = repository.Branches.Where(x => !x.IsRemote).ToList();
        var names = local.Select(x => x.FriendlyName).ToHashSet(StringComparer.Ordinal);
        return local.Concat(repository.Branches.Where(x => x.IsRemote && names.Add(RemoteShortName(x.FriendlyName))));
    }

    private static string RemoteShortName(string friendlyName)
    {
        var slash = friendlyName.IndexOf('/');
        return slash < 0 ? friendlyName : friendlyName[(slash + 1)..];
    }
}
