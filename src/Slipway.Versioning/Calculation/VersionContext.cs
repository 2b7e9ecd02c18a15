using System.Text.RegularExpressions;
using Slipway.Versioning.Configuration;
using Slipway.Versioning.Git;

namespace Slipway.Versioning.Calculation;

/// <summary>A tag that parses as a version, with the commit it stands for.</summary>
internal sealed record VersionTag(GitReference Tag, SemanticVersion Version, Commit Commit);

/// <summary>What one version computation works on: the repository, the configuration, the branch and HEAD, with shared look-ups.</summary>
internal sealed class VersionContext
{
    private IReadOnlyList<VersionTag>? _versionTags;
    private BumpMessages? _bumpMessages;
    private Dictionary<string, IReadOnlyList<Commit>>? _tipsByKind;

    public VersionContext(GitRepository repository, GitVersionConfiguration configuration, string branchName, Commit head)
    {
        Repository = repository;
        Configuration = configuration;
        BranchName = branchName;
        Head = head;
        BranchConfiguration = configuration.ForBranch(branchName);
    }

    public GitRepository Repository { get; }
    public GitVersionConfiguration Configuration { get; }

    /// <summary>The branch being versioned, as given (e.g. <c>feature/x</c>).</summary>
    public string BranchName { get; }

    /// <summary>The commit being versioned.</summary>
    public Commit Head { get; }

    /// <summary>The current branch's own configuration (first regex match).</summary>
    public BranchConfiguration BranchConfiguration { get; }

    /// <summary>Every tag that parses as a version with the configured prefix and format.</summary>
    public IReadOnlyList<VersionTag> VersionTags => _versionTags ??= Repository.Tags
        .Select(x => SemanticVersion.TryParse(x.FriendlyName, Configuration.TagPrefix, Configuration.SemanticVersionFormat, out var version)
            ? new VersionTag(x, version!, x.Target)
            : null)
        .OfType<VersionTag>()
        .ToList();

    /// <summary>The commits of HEAD's history whose message names a <c>+semver:</c> bump, by range.</summary>
    public BumpMessages BumpMessages => _bumpMessages ??= new BumpMessages(this);

    /// <summary>Tips of the other branches that are main branches (<c>main</c>) or release branches (<c>release</c>), from the configuration's flags.</summary>
    public IReadOnlyList<Commit> BranchTips(string kind)
    {
        _tipsByKind ??= EffectiveConfigurationFinder.DistinctBranches(Repository)
            .Where(x => BranchMatcher.ShortName(x.FriendlyName) != BranchMatcher.ShortName(BranchName))
            .Select(x => (Branch: x, Configuration: Configuration.ForBranch(x.FriendlyName)))
            .SelectMany(x => new[] { x.Configuration.IsMainBranch == true ? "main" : null, x.Configuration.IsReleaseBranch == true ? "release" : null }
                .OfType<string>()
                .Select(k => (Kind: k, x.Branch.Target)))
            .GroupBy(x => x.Kind)
            .ToDictionary(x => x.Key, x => (IReadOnlyList<Commit>)x.Select(y => y.Target).Distinct().ToList());
        return _tipsByKind.TryGetValue(kind, out var tips) ? tips : [];
    }

    /// <summary>
    /// Where the branches at <paramref name="first"/> and <paramref name="second"/> parted, as GitVersion's MergeBaseFinder finds it: the
    /// git merge-base, moved back past every commit of <paramref name="second"/>'s side that merged it forward (a release merged back into
    /// develop does not make the release's tip the fork point); null when they share no history.
    /// </summary>
    public Commit? BranchMergeBase(Commit first, Commit second)
    {
        var branchTip = first;
        // A second tip that merged the first one itself is looked at from its first parent.
        var other = second.Parents.Contains(branchTip) ? second.Parents[0] : second;
        var mergeBase = Repository.MergeBase(branchTip, other);
        while (mergeBase is not null)
        {
            var forward = Repository.FirstChildBetween(mergeBase, other);
            if (forward is null)
                break;
            var before = forward.Parents[0];
            var earlier = Repository.MergeBase(branchTip, before);
            if (earlier is null || earlier.Equals(mergeBase))
                break;
            mergeBase = earlier;
            other = before;
        }

        return mergeBase;
    }

    /// <summary>Whether a commit is excluded by <c>ignore:</c> (sha list, commits-before).</summary>
    public bool IsIgnored(Commit commit) =>
        (Configuration.IgnoreCommitsBefore is { } before && commit.Time <= before) ||
        Configuration.IgnoreShas.Any(x => commit.Sha.StartsWith(x, StringComparison.OrdinalIgnoreCase));

    private bool HasIgnoreRules => Configuration.IgnoreCommitsBefore is not null || Configuration.IgnoreShas.Count > 0;

    /// <summary>Commits reachable from HEAD but not from <paramref name="source"/> (all of HEAD's history when null), without ignored ones.</summary>
    public int CountSince(Commit? source) =>
        HasIgnoreRules ? Repository.CommitsBetween(source, Head).Count(x => !IsIgnored(x)) : Repository.CountCommits(source, Head);

    /// <summary>The commits after <paramref name="source"/> up to HEAD, newest first, without ignored ones.</summary>
    public IEnumerable<Commit> CommitsSince(Commit? source) => Repository.CommitsBetween(source, Head).Where(x => !IsIgnored(x));

    /// <summary>The label of <paramref name="configuration"/> with <c>{BranchName}</c>, <c>{Number}</c> (any named group) filled from the current branch's name.</summary>
    public string? Label(EffectiveConfiguration configuration, string? branchNameOverride = null)
    {
        var label = configuration.Label;
        if (label is null)
            return null;
        var name = branchNameOverride ?? BranchMatcher.ShortName(BranchName);
        var regex = BranchConfiguration.RegularExpression;
        if (regex is null || name.Length == 0)
            return label;
        var pattern = BranchMatcher.Regex(regex);
        var match = pattern.Match(name);
        if (!match.Success)
            return label;
        foreach (var group in pattern.GetGroupNames())
        {
            if (match.Groups[group].Success)
                label = label.Replace("{" + group + "}", Escape(match.Groups[group].Value), StringComparison.Ordinal);
        }

        return label;
    }

    /// <summary>Replaces characters that may not stand in a pre-release label or escaped branch name with <c>-</c>.</summary>
    public static string Escape(string value) => Regex.Replace(value, "[^a-zA-Z0-9-]", "-");
}
