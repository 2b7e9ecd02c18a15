namespace Slipway.Versioning.Releases;

/// <summary>What a release finish did: the commits it ends on and each step, done now, found done, planned or skipped.</summary>
/// <param name="MergeCommit">The merge of the branch into main, which the tag points at.</param>
/// <param name="TagName">The annotated tag on <paramref name="MergeCommit"/>.</param>
/// <param name="DevelopCommit">Develop's commit that contains the tag (the merge of the tag, or one after it).</param>
/// <param name="Steps">The four steps in order: merge into main, tag, merge into develop, push.</param>
public sealed record ReleaseFinishResult(string MergeCommit, string TagName, string DevelopCommit, IReadOnlyList<ReleaseFinishStep> Steps)
{
    /// <summary>True when this run changed the repository or the remote; false for a re-run after success or a dry run.</summary>
    public bool ChangedAnything => Steps.Any(step => step.Outcome == ReleaseStepOutcome.Done);
}

/// <summary>One step of a release finish and what became of it, with a sentence for logs.</summary>
public sealed record ReleaseFinishStep(ReleaseStep Step, ReleaseStepOutcome Outcome, string Description);

/// <summary>The steps of a git-flow release finish, in the order they happen.</summary>
public enum ReleaseStep
{
    /// <summary>Merge the release or hotfix branch into main with a merge commit.</summary>
    MergeIntoMain,

    /// <summary>Create the annotated tag on that merge commit.</summary>
    Tag,

    /// <summary>Merge the tag into develop with a merge commit.</summary>
    MergeIntoDevelop,

    /// <summary>Push main, develop and the tag to the remote.</summary>
    Push,
}

/// <summary>What became of a <see cref="ReleaseStep"/>.</summary>
public enum ReleaseStepOutcome
{
    /// <summary>This run did it.</summary>
    Done,

    /// <summary>It was already done (an earlier run, or by hand); nothing was changed.</summary>
    AlreadyDone,

    /// <summary>A dry run: it would be done.</summary>
    Planned,

    /// <summary>Not wanted: pushing was turned off, or there is no remote.</summary>
    Skipped,
}
