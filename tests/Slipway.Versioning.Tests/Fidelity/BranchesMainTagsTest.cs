using Slipway.Versioning.Tests.Git;

namespace Slipway.Versioning.Tests.Fidelity;

/// <summary>Version tags on main seen from develop and the branches taken from it; expected values printed by GitVersion 6.8.2 on the same histories.</summary>
public class BranchesMainTagsTest
{
    /// <summary>main tagged 1.0.0; develop (2 commits), feature/f1 and pull/5/merge (1 commit each) taken from it; then main 2 commits on, tagged 1.1.0.</summary>
    private static TestRepository MainTaggedAfterDevelopsLastCommit()
    {
        var repo = FidelityHistory.MainTaggedWithDevelop();
        repo.Branch("feature/f1");
        repo.MakeCommit("f1");
        repo.Branch("pull/5/merge", "develop");
        repo.MakeCommit("p1");
        repo.Checkout("main");
        repo.MakeCommits(2, "main");
        repo.Tag("1.1.0");
        return repo;
    }

    // A tag on main counts for develop whatever its date (GitVersion reads main's tags without the "not newer than HEAD" filter).
    [Theory]
    [InlineData("develop", "1.2.0-alpha.2", 2)] // GitVersion 6.8.2 prints 1.2.0-alpha.2, source main's tagged commit, 2 commits
    [InlineData("feature/f1", "1.2.0-f1.1+3", 3)] // GitVersion 6.8.2 prints 1.2.0-f1.1+3, same source, 3 commits
    [InlineData("pull/5/merge", "1.2.0-PullRequest5.3", 3)] // GitVersion 6.8.2 prints 1.2.0-PullRequest5.3, same source, 3 commits
    public async Task TestMainTagNewerThanHead_CountsForDevelopAndItsBranches(string branch, string fullSemVer, int commits)
    {
        using var repo = MainTaggedAfterDevelopsLastCommit();
        repo.Checkout(branch);
        await repo.AssertVersion(fullSemVer, "1.1.0", commits);
    }

    [Fact]
    public async Task TestReleaseMergedToMainTaggedNotMergedBack_DevelopCountsFromTheMerge()
    {
        using var repo = FidelityHistory.MainTaggedWithDevelop();
        repo.Branch("release/1.1.0");
        repo.MakeCommits(2, "release");
        repo.Checkout("main");
        repo.Merge("release/1.1.0");
        repo.Tag("1.1.0");
        repo.Run("branch", "-q", "-D", "release/1.1.0");
        repo.Checkout("develop");
        repo.MakeCommits(2, "after");
        // GitVersion 6.8.2 prints 1.2.0-alpha.2, VersionSourceSha the tagged merge on main (not in develop's history), 2 commits.
        await repo.AssertVersion("1.2.0-alpha.2", "1.1.0", 2);
    }
}
