using Slipway.Versioning.Ci;
using Slipway.Versioning.Tests.Git;

namespace Slipway.Versioning.Tests.Fidelity;

/// <summary>A detached HEAD that several branches contain; expected values printed by GitVersion 6.8.2 on the same history.</summary>
public class BranchesDetachedTest
{
    /// <summary>develop (2 commits) merged into main, the merge tagged 1.1.0 (lightweight or annotated), a second branch at main, HEAD detached at the tag.</summary>
    private static TestRepository DetachedAtTaggedMerge(bool annotated)
    {
        var repo = FidelityHistory.MainTaggedWithDevelop();
        repo.Checkout("main");
        repo.Merge("develop", "Merge develop");
        repo.Tag("1.1.0", annotated);
        repo.Branch("develop2", checkout: false);
        repo.Detach("1.1.0");
        return repo;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task TestDetachedHeadWithAVersionTag_IsTheTagsVersionWithoutABranch(bool annotated)
    {
        using var repo = DetachedAtTaggedMerge(annotated);
        // GitVersion 6.8.2 prints 1.1.0 on branch "(no branch)", source HEAD, 0 commits, InformationalVersion 1.1.0+Branch.-no-branch-.Sha.<HEAD>.
        var result = await repo.AssertVersion("1.1.0", "HEAD", 0);
        Assert.Equal(BranchResolver.NoBranch, result.Variables.BranchName);
        Assert.Equal($"1.1.0+Branch.-no-branch-.Sha.{repo.Sha()}", result.Variables["InformationalVersion"]);
    }

    // One branch's tip is HEAD but main contains it too: GitVersion does not prefer the tip, and the tag decides.
    [Fact]
    public async Task TestDetachedHeadWithAVersionTagAtOneBranchTip_IsStillTheTagsVersion()
    {
        using var repo = DetachedAtTaggedMerge(annotated: false);
        repo.Run("branch", "-q", "-D", "develop2");
        repo.Branch("feature/x", "1.1.0", checkout: false);
        repo.Checkout("main");
        repo.MakeCommit("after the tag");
        repo.Detach("1.1.0");
        // GitVersion 6.8.2 prints 1.1.0 on branch "(no branch)", source HEAD, 0 commits.
        var result = await repo.AssertVersion("1.1.0", "HEAD", 0);
        Assert.Equal(BranchResolver.NoBranch, result.Variables.BranchName);
    }

    // A deliberate difference: GitVersion 6.8.2 prints 1.2.0--no-branch-.1+0 here (a version no build should ship); Slipway asks for the branch.
    [Fact]
    public async Task TestDetachedHeadWithoutATag_AsksForTheBranch()
    {
        using var repo = DetachedAtTaggedMerge(annotated: false);
        repo.Detach("develop~1");
        var exception = await Assert.ThrowsAsync<VersioningException>(() => VersionCalculator.CalculateAsync(new VersionRequest(repo.Path)));
        Assert.Contains("several branches contain it (develop, develop2, main)", exception.Message, StringComparison.Ordinal);
    }
}
