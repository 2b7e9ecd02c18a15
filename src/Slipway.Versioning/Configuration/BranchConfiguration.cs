namespace Slipway.Versioning.Configuration;

/// <summary>One entry of GitVersion's <c>branches:</c> map after merging onto the workflow defaults; unset (null) fields inherit the top-level value.</summary>
public sealed class BranchConfiguration
{
    /// <summary>The key in <c>branches:</c> (main, develop, release, feature, pull-request, hotfix, support, unknown, or a user key).</summary>
    public required string Name { get; init; }

    /// <summary><c>regex</c>: matched case-insensitively against the branch name without <c>origin/</c>.</summary>
    public string? RegularExpression { get; init; }

    /// <summary><c>label</c>, may contain <c>{BranchName}</c> or <c>{Number}</c>.</summary>
    public string? Label { get; init; }

    /// <summary><c>increment</c>.</summary>
    public IncrementStrategy? Increment { get; init; }

    /// <summary><c>mode</c>.</summary>
    public DeploymentMode? Mode { get; init; }

    /// <summary><c>prevent-increment: of-merged-branch</c>.</summary>
    public bool? PreventIncrementOfMergedBranch { get; init; }

    /// <summary><c>prevent-increment: when-branch-merged</c>.</summary>
    public bool? PreventIncrementWhenBranchMerged { get; init; }

    /// <summary><c>prevent-increment: when-current-commit-tagged</c>.</summary>
    public bool? PreventIncrementWhenCurrentCommitTagged { get; init; }

    /// <summary><c>track-merge-target</c>.</summary>
    public bool? TrackMergeTarget { get; init; }

    /// <summary><c>track-merge-message</c>.</summary>
    public bool? TrackMergeMessage { get; init; }

    /// <summary><c>tracks-release-branches</c>.</summary>
    public bool? TracksReleaseBranches { get; init; }

    /// <summary><c>is-release-branch</c>.</summary>
    public bool? IsReleaseBranch { get; init; }

    /// <summary><c>is-main-branch</c>.</summary>
    public bool? IsMainBranch { get; init; }

    /// <summary><c>source-branches</c>: keys of the branch configurations this kind of branch is created from.</summary>
    public IReadOnlyList<string>? SourceBranches { get; init; }

    /// <summary><c>is-source-branch-for</c>.</summary>
    public IReadOnlyList<string>? IsSourceBranchFor { get; init; }

    /// <summary><c>pre-release-weight</c>.</summary>
    public int? PreReleaseWeight { get; init; }

    /// <summary><c>commit-message-incrementing</c>.</summary>
    public CommitMessageIncrementMode? CommitMessageIncrementing { get; init; }

    /// <summary><c>label-number-pattern</c>.</summary>
    public string? LabelNumberPattern { get; init; }
}
