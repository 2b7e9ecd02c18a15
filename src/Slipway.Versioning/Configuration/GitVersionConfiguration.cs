namespace Slipway.Versioning.Configuration;

/// <summary>A GitVersion configuration after deep-merging <c>GitVersion.yml</c> onto its workflow's defaults (GitFlow/v1 when none is named).</summary>
public sealed class GitVersionConfiguration
{
    /// <summary><c>workflow</c>, e.g. <c>GitFlow/v1</c>.</summary>
    public string Workflow { get; init; } = "GitFlow/v1";

    /// <summary>Top-level <c>mode</c>.</summary>
    public DeploymentMode Mode { get; init; } = DeploymentMode.ContinuousDelivery;

    /// <summary>Top-level <c>label</c>.</summary>
    public string? Label { get; init; } = "{BranchName}";

    /// <summary>Top-level <c>increment</c>.</summary>
    public IncrementStrategy Increment { get; init; } = IncrementStrategy.Inherit;

    /// <summary><c>next-version</c>, or null; completed to major.minor.patch when loaded (<c>2</c> gives <c>2.0.0</c>, <c>2.1</c> gives <c>2.1.0</c>).</summary>
    public string? NextVersion { get; init; }

    /// <summary><c>tag-prefix</c> (a regex).</summary>
    public string TagPrefix { get; init; } = "[vV]?";

    /// <summary><c>version-in-branch-pattern</c> (a regex with a <c>version</c> group).</summary>
    public string VersionInBranchPattern { get; init; } = @"(?<version>[vV]?\d+(\.\d+)?(\.\d+)?).*";

    /// <summary><c>major-version-bump-message</c>.</summary>
    public string MajorVersionBumpMessage { get; init; } = @"\+semver:\s?(breaking|major)";

    /// <summary><c>minor-version-bump-message</c>.</summary>
    public string MinorVersionBumpMessage { get; init; } = @"\+semver:\s?(feature|minor)";

    /// <summary><c>patch-version-bump-message</c>.</summary>
    public string PatchVersionBumpMessage { get; init; } = @"\+semver:\s?(fix|patch)";

    /// <summary><c>no-bump-message</c>.</summary>
    public string NoBumpMessage { get; init; } = @"\+semver:\s?(none|skip)";

    /// <summary>Top-level <c>commit-message-incrementing</c>.</summary>
    public CommitMessageIncrementMode CommitMessageIncrementing { get; init; } = CommitMessageIncrementMode.Enabled;

    /// <summary><c>semantic-version-format</c>.</summary>
    public SemanticVersionFormat SemanticVersionFormat { get; init; } = SemanticVersionFormat.Strict;

    /// <summary>Top-level <c>prevent-increment: of-merged-branch</c>.</summary>
    public bool PreventIncrementOfMergedBranch { get; init; }

    /// <summary>Top-level <c>prevent-increment: when-branch-merged</c>.</summary>
    public bool PreventIncrementWhenBranchMerged { get; init; }

    /// <summary>Top-level <c>prevent-increment: when-current-commit-tagged</c>.</summary>
    public bool PreventIncrementWhenCurrentCommitTagged { get; init; } = true;

    /// <summary>Top-level <c>track-merge-target</c>.</summary>
    public bool TrackMergeTarget { get; init; }

    /// <summary>Top-level <c>track-merge-message</c>.</summary>
    public bool TrackMergeMessage { get; init; } = true;

    /// <summary>Top-level <c>tracks-release-branches</c>, inherited by branches that leave it unset.</summary>
    public bool TracksReleaseBranches { get; init; }

    /// <summary>Top-level <c>is-release-branch</c>, inherited by branches that leave it unset.</summary>
    public bool IsReleaseBranch { get; init; }

    /// <summary>Top-level <c>is-main-branch</c>, inherited by branches that leave it unset.</summary>
    public bool IsMainBranch { get; init; }

    /// <summary>Top-level <c>pre-release-weight</c> (unset in the built-in workflows), inherited by branches that leave it unset.</summary>
    public int? PreReleaseWeight { get; init; }

    /// <summary><c>merge-message-formats</c>: extra named regexes for merge messages.</summary>
    public IReadOnlyDictionary<string, string> MergeMessageFormats { get; init; } = new Dictionary<string, string>();

    /// <summary><c>ignore: sha</c>.</summary>
    public IReadOnlyList<string> IgnoreShas { get; init; } = [];

    /// <summary><c>ignore: commits-before</c>.</summary>
    public DateTimeOffset? IgnoreCommitsBefore { get; init; }

    /// <summary><c>ignore: paths</c> (regexes).</summary>
    public IReadOnlyList<string> IgnorePaths { get; init; } = [];

    /// <summary><c>commit-date-format</c>.</summary>
    public string CommitDateFormat { get; init; } = "yyyy-MM-dd";

    /// <summary><c>tag-pre-release-weight</c>.</summary>
    public int TagPreReleaseWeight { get; init; } = 60000;

    /// <summary>The branch configurations in matching order (develop, main, release, feature, pull-request, hotfix, support, user keys, unknown last).</summary>
    public IReadOnlyList<BranchConfiguration> Branches { get; init; } = [];

    /// <summary>Warnings found while loading (unknown keys, ...), for the caller to show.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Keys the user's file sets that GitVersion knows and Slipway accepts without using (<c>assembly-versioning-scheme</c>, ...), one note each.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>The configuration file that was read (or the source name given to <see cref="ConfigurationLoader.Parse"/>); null when only the workflow defaults apply.</summary>
    public string? SourceFile { get; init; }

    /// <summary>The first branch configuration whose regex matches <paramref name="branchName"/> (<c>origin/</c> and <c>refs/heads/</c> stripped, case-insensitive); <c>unknown</c> when none does.</summary>
    public BranchConfiguration ForBranch(string branchName) => Configuration.BranchMatcher.Match(this, branchName);

    /// <summary>The branch configuration with the given key, or null.</summary>
    public BranchConfiguration? Named(string key) => Branches.FirstOrDefault(x => string.Equals(x.Name, key, StringComparison.OrdinalIgnoreCase));
}
