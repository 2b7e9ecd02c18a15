using Slipway.Versioning.Configuration;
using Slipway.Versioning.Git;

namespace Slipway.Versioning.Calculation;

/// <summary>A branch configuration with every field resolved: the current branch's own settings, then its source branch's (for <c>increment: Inherit</c>), then the top level.</summary>
internal sealed record EffectiveConfiguration(
    BranchConfiguration Branch,
    GitReference? SourceBranch,
    string? Label,
    IncrementStrategy Increment,
    DeploymentMode Mode,
    bool PreventIncrementOfMergedBranch,
    bool PreventIncrementWhenCurrentCommitTagged,
    bool TrackMergeTarget,
    bool TrackMergeMessage,
    bool TracksReleaseBranches,
    bool IsReleaseBranch,
    bool IsMainBranch,
    int PreReleaseWeight,
    CommitMessageIncrementMode CommitMessageIncrementing)
{
    /// <summary>Field-wise: the child's explicit values win, unset ones come from the parent; an Inherit increment takes the parent's.</summary>
    public static BranchConfiguration Inherit(BranchConfiguration child, BranchConfiguration parent) => new()
    {
        Name = child.Name,
        RegularExpression = child.RegularExpression,
        Label = child.Label ?? parent.Label,
        Increment = child.Increment is null or IncrementStrategy.Inherit ? parent.Increment : child.Increment,
        Mode = child.Mode ?? parent.Mode,
        PreventIncrementOfMergedBranch = child.PreventIncrementOfMergedBranch ?? parent.PreventIncrementOfMergedBranch,
        PreventIncrementWhenBranchMerged = child.PreventIncrementWhenBranchMerged ?? parent.PreventIncrementWhenBranchMerged,
        PreventIncrementWhenCurrentCommitTagged = child.PreventIncrementWhenCurrentCommitTagged ?? parent.PreventIncrementWhenCurrentCommitTagged,
        TrackMergeTarget = child.TrackMergeTarget ?? parent.TrackMergeTarget,
        TrackMergeMessage = child.TrackMergeMessage ?? parent.TrackMergeMessage,
        TracksReleaseBranches = child.TracksReleaseBranches ?? parent.TracksReleaseBranches,
        IsReleaseBranch = child.IsReleaseBranch ?? parent.IsReleaseBranch,
        IsMainBranch = child.IsMainBranch ?? parent.IsMainBranch,
        SourceBranches = child.SourceBranches ?? parent.SourceBranches,
        IsSourceBranchFor = child.IsSourceBranchFor ?? parent.IsSourceBranchFor,
        PreReleaseWeight = child.PreReleaseWeight ?? parent.PreReleaseWeight,
        CommitMessageIncrementing = child.CommitMessageIncrementing ?? parent.CommitMessageIncrementing,
        LabelNumberPattern = child.LabelNumberPattern ?? parent.LabelNumberPattern,
    };

    /// <summary>Resolves the remaining unset fields from the top level.</summary>
    public static EffectiveConfiguration Resolve(BranchConfiguration branch, GitReference? source, GitVersionConfiguration top, IncrementStrategy fallbackIncrement) => new(
        branch,
        source,
        branch.Label ?? top.Label,
        branch.Increment is null or IncrementStrategy.Inherit
            ? top.Increment == IncrementStrategy.Inherit ? fallbackIncrement : top.Increment
            : branch.Increment.Value,
        branch.Mode ?? top.Mode,
        branch.PreventIncrementOfMergedBranch ?? top.PreventIncrementOfMergedBranch,
        branch.PreventIncrementWhenCurrentCommitTagged ?? top.PreventIncrementWhenCurrentCommitTagged,
        branch.TrackMergeTarget ?? top.TrackMergeTarget,
        branch.TrackMergeMessage ?? top.TrackMergeMessage,
        branch.TracksReleaseBranches ?? top.TracksReleaseBranches,
        branch.IsReleaseBranch ?? top.IsReleaseBranch,
        branch.IsMainBranch ?? top.IsMainBranch,
        branch.PreReleaseWeight ?? top.PreReleaseWeight ?? 0,
        branch.CommitMessageIncrementing ?? top.CommitMessageIncrementing);
}
