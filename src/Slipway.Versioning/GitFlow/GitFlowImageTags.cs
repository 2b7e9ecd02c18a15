namespace Slipway.Versioning.GitFlow;

/// <summary>The candidate and release tags of a promotion.</summary>
/// <param name="Candidate">The tag of the release candidate in the candidate registry, e.g. <c>1.4.0-candidate-3</c>.</param>
/// <param name="Release">The tag the release gets, e.g. <c>1.4.0</c>.</param>
public sealed record PromotionTags(string Candidate, string Release);

/// <summary>Which image tags a git-flow build uses: the tag a branch's image is built with, and the tags a promotion copies between.</summary>
public static class GitFlowImageTags
{
    /// <summary>The tag this commit's image is built and pushed with (feature-…, …-snapshot-…, …-candidate-…, …-hotfix-…).</summary>
    /// <exception cref="InvalidOperationException">The branch is main (its images are promoted, not built) or has no image tag template.</exception>
    public static string CandidateTag(this VersionResult version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return version switch
        {
            { Branch.Kind: BranchKind.Main } => throw new InvalidOperationException(
                $"Branch '{version.Branch.Name}' is the main branch: its images are release candidates promoted to production (PromoteRelease), not built. Build on develop, a feature, release or hotfix branch."),
            { ImageTags.Candidate: { } tag } => tag,
            _ => throw new InvalidOperationException(
                $"Branch '{version.Branch.Name}' is a {version.Branch.Kind} branch, which has no image tag template, so no image is built for it. Use a git-flow branch (feature/, develop, release/, hotfix/) or pass --branch."),
        };
    }

    /// <summary>
    /// The tag this commit's image is built and pushed with: <see cref="CandidateTag"/>, or, when <paramref name="rehearseRelease"/> and the
    /// branch is main (whose images are otherwise promoted, never built), the release tag of HEAD's version, e.g. <c>1.2.0</c>.
    /// </summary>
    /// <exception cref="InvalidOperationException">As <see cref="CandidateTag"/>; on main without a release tag template.</exception>
    public static string BuildTag(this VersionResult version, bool rehearseRelease)
    {
        ArgumentNullException.ThrowIfNull(version);
        if (!rehearseRelease || version.Branch.Kind != BranchKind.Main)
            return version.CandidateTag();
        return version.ImageTags.Promoted ?? throw new InvalidOperationException(
            $"Branch '{version.Branch.Name}' has no release tag: the image tag scheme gives main none, so there is no release to rehearse.");
    }

    /// <summary>The tags to promote: <paramref name="candidate"/> and <paramref name="release"/> when given, else this commit's release or hotfix candidate and its promoted tag (on main: the promoted tag).</summary>
    /// <exception cref="InvalidOperationException">A tag is not given and the branch has none.</exception>
    public static PromotionTags PromotionTags(this VersionResult version, string? candidate = null, string? release = null)
    {
        ArgumentNullException.ThrowIfNull(version);
        var tags = version.ImageTags;
        var kind = version.Branch.Kind;
        var isCandidateBranch = kind is BranchKind.Release or BranchKind.Hotfix;
        var candidateTag = candidate ?? (isCandidateBranch ? tags.Candidate : null) ?? throw new InvalidOperationException(
            $"Branch '{version.Branch.Name}' is a {kind} branch, not a release or hotfix branch, so it has no candidate to promote. " +
            "Run PromoteRelease on the release/hotfix branch, or pass --promote-candidate <tag> (and --release-tag).");
        var releaseTag = release ?? (isCandidateBranch || kind == BranchKind.Main ? tags.Promoted : null) ?? throw new InvalidOperationException(
            $"Branch '{version.Branch.Name}' has no release tag to promote '{candidateTag}' as. Pass --release-tag <tag>, e.g. 1.4.0.");
        return new PromotionTags(candidateTag, releaseTag);
    }
}
