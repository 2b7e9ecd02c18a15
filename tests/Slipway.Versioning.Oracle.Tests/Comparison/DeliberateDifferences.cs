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
            "Detached HEAD with no tag on HEAD, and Slipway cannot tell the branch (none or several branches contain HEAD)",
            "Everything: GitVersion versions the commit as branch '(no branch)', Slipway stops and asks for the branch (--branch)",
            "A build tool should not guess which branch it builds: a wrong guess is a wrong image tag; CI passes the branch",
            (head, _, slipway) => head.Branch is null && head.TagsOnHead.Count == 0 &&
                                  slipway.Error?.Contains("is detached", StringComparison.Ordinal) == true),
        new(
            "Detached HEAD with no tag on HEAD that none or several branches contain, and exactly one branch's tip is HEAD",
            "Everything: GitVersion versions the commit as branch '(no branch)', Slipway versions it as the branch whose tip it is",
            "A CI checkout of a branch is a detached HEAD at that branch's tip; a made-up '-no-branch-' label would become an image tag nobody meant to ship",
            (head, gitVersion, slipway) => head.Branch is null && head.TagsOnHead.Count == 0 && head.BranchesAtHead is [var tip] &&
                                           gitVersion.Value("BranchName") == "(no branch)" && slipway.Error is null && slipway.Value("BranchName") == tip),
    ];

    /// <summary>The disagreements no deliberate difference covers.</summary>
    public static IReadOnlyList<Disagreement> Filter(HeadState head, VersionOutput gitVersion, VersionOutput slipway, IReadOnlyList<Disagreement> disagreements) =>
        All.Any(x => x.Applies(head, gitVersion, slipway)) ? [] : disagreements;
}
