using Slipway.Versioning.Oracle.Tests.Tools;

namespace Slipway.Versioning.Oracle.Tests.Comparison;

/// <summary>
/// Where Slipway differs from GitVersion on purpose (README: "Deliberate differences from GitVersion"). This list is the
/// only thing the differential test forgives; every other difference is a disagreement. Keep it short and give each a why.
/// </summary>
public static class DeliberateDifferences
{
    /// <summary>A situation, what may differ in it, and why.</summary>
    public sealed record Difference(string Situation, string AllowedToDiffer, string Why, Func<HeadState, VersionOutput, VersionOutput, bool> Applies);

    /// <summary>The list.</summary>
    public static readonly IReadOnlyList<Difference> All =
    [
        new(
            "Detached HEAD with no stable version tag on HEAD (none, or only pre-release tags), and Slipway cannot tell the branch (none or several branches contain HEAD)",
            "Everything: GitVersion versions the commit as branch '(no branch)' with a made-up '-no-branch-' label, Slipway stops and asks for the branch (--branch)",
            "A build tool should not guess which branch it builds: a wrong guess is a wrong image tag; CI passes the branch",
            (head, gitVersion, slipway) => NoBranchVersion(head, gitVersion) &&
                                           slipway.Error?.Contains("is detached", StringComparison.Ordinal) == true),
        new(
            "Detached HEAD with no stable version tag on HEAD (none, or only pre-release tags) that none or several branches contain, and exactly one branch's tip is HEAD",
            "Everything: GitVersion versions the commit as branch '(no branch)' with a made-up '-no-branch-' label, Slipway versions it as the branch whose tip it is",
            "A CI checkout of a branch is a detached HEAD at that branch's tip; a made-up '-no-branch-' label would become an image tag nobody meant to ship",
            (head, gitVersion, slipway) => NoBranchVersion(head, gitVersion) && head.BranchesAtHead is [var tip] &&
                                           slipway.Error is null && slipway.Value("BranchName") == tip),
    ];

    // GitVersion took no tag on HEAD as the version: there was none, or only pre-release tags, whose labels never are the '-no-branch-'
    // label of its '(no branch)' branch (a stable tag on HEAD is its version, and Slipway takes that as GitVersion does).
    private static bool NoBranchVersion(HeadState head, VersionOutput gitVersion) =>
        head.Branch is null && gitVersion.Value("BranchName") == "(no branch)" && gitVersion.Value("PreReleaseLabel") == "-no-branch-";

    /// <summary>The disagreements no deliberate difference covers.</summary>
    public static IReadOnlyList<Disagreement> Filter(HeadState head, VersionOutput gitVersion, VersionOutput slipway, IReadOnlyList<Disagreement> disagreements) =>
        All.Any(x => x.Applies(head, gitVersion, slipway)) ? [] : disagreements;
}
