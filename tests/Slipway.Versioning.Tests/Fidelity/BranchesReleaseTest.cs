using Slipway.Versioning.Tests.Git;

namespace Slipway.Versioning.Tests.Fidelity;

/// <summary>develop and pull requests beside open and finished release branches; expected values printed by GitVersion 6.8.2 on the same histories.</summary>
public class BranchesReleaseTest
{
    /// <summary>main tagged 1.0.0; develop 2 commits; release/1.1.0 2 commits; develop 1 more, then the release merged back into develop (the branch kept).</summary>
    private static TestRepository ReleaseMergedBackIntoDevelop()
    {
        var repo = FidelityHistory.MainTaggedWithDevelop();
        repo.Branch("release/1.1.0");
        repo.MakeCommits(2, "release");
        repo.Checkout("develop");
        repo.MakeCommit("develop 3");
        repo.Merge("release/1.1.0");
        return repo;
    }

    // The open release's fork point stays where it left develop: the merge back does not move it to the release's tip.
    [Fact]
    public async Task TestOpenReleaseMergedBackIntoDevelop_CountsFromWhereTheReleaseLeft()
    {
        using var repo = ReleaseMergedBackIntoDevelop();
        // GitVersion 6.8.2 prints 1.2.0-alpha.4, source develop's second commit (where release/1.1.0 left), 4 commits.
        await repo.AssertVersion("1.2.0-alpha.4", "develop~2", 4);
        repo.MakeCommit("develop 4");
        // GitVersion 6.8.2 prints 1.2.0-alpha.5, same source, 5 commits.
        await repo.AssertVersion("1.2.0-alpha.5", "develop~3", 5);
    }

    [Fact]
    public async Task TestOpenReleaseMergedBackIntoDevelopAndMain_StillCountsFromWhereTheReleaseLeft()
    {
        using var repo = ReleaseMergedBackIntoDevelop();
        repo.MakeCommit("develop 4");
        repo.Checkout("main");
        repo.Merge("release/1.1.0");
        repo.Checkout("develop");
        repo.MakeCommit("develop 5");
        // GitVersion 6.8.2 prints 1.2.0-alpha.6, source develop's second commit, 6 commits (main's merge is not tagged).
        await repo.AssertVersion("1.2.0-alpha.6", "release/1.1.0~2", 6);
    }
}
