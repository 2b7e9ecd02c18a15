using Slipway.Versioning.Tests.Git;

namespace Slipway.Versioning.Tests.Fidelity;

/// <summary>Pull-request merge branches take the version of what the merge brings in; expected values printed by GitVersion 6.8.2 on the same histories.</summary>
public class BranchesPullRequestTest
{
    // main tagged 1.0.0, develop 2 commits; the source branch gets one commit, and the pull request merges it into the target.
    // A hotfix merged into develop: both merged tips are sources, develop's minor wins over the hotfix's patch. A release merged into
    // develop: develop stays a source although its tip is in the release's history (the merge takes it directly), and develop tracks
    // the release: 1.1.0 plus develop's minor, counted from where the release left.
    [Theory]
    [InlineData("feature/big", "develop", "big +semver: major", "pull/3/merge", "2.0.0-PullRequest3.4", "1.0.0", 4)] // GitVersion 6.8.2 prints 2.0.0-PullRequest3.4, source 1.0.0, 4 commits
    [InlineData("hotfix/1.0.1", "main", "fix", "pull/4/merge", "1.0.1-PullRequest4.2", "1.0.0", 2)] // GitVersion 6.8.2 prints 1.0.1-PullRequest4.2, source 1.0.0, 2 commits
    [InlineData("hotfix/1.0.1", "develop", "fix", "pull-requests/6/merge", "1.1.0-PullRequest6.4", "1.0.0", 4)] // GitVersion 6.8.2 prints 1.1.0-PullRequest6.4, source 1.0.0, 4 commits
    [InlineData("release/1.1.0", "develop", "release", "pull/7/merge", "1.2.0-PullRequest7.2", "develop", 2)] // GitVersion 6.8.2 prints 1.2.0-PullRequest7.2, source develop's tip, 2 commits
    public async Task TestPullRequest_TakesTheVersionOfWhatItMerges(string source, string target, string message, string pullRequest, string fullSemVer, string sourceRevision, int commits)
    {
        using var repo = FidelityHistory.MainTaggedWithDevelop();
        repo.Branch(source, source.StartsWith("hotfix/", StringComparison.Ordinal) ? "main" : "develop");
        repo.MakeCommit(message);
        repo.Branch(pullRequest, target);
        repo.Merge(source, $"Merge {source} into {target}");
        await repo.AssertVersion(fullSemVer, sourceRevision, commits);
    }

    // The hotfix inherits with its own source kinds (main, support), not the pull request's: develop and release/1.1.0 do not raise it.
    [Fact]
    public async Task TestPullRequestOfAHotfixIntoMovedMain_InheritsOnlyFromMain()
    {
        using var repo = FidelityHistory.MainTaggedWithDevelop();
        repo.Branch("release/1.1.0");
        repo.MakeCommit("release");
        repo.Branch("hotfix/1.0.1", "main");
        repo.MakeCommit("fix");
        repo.Checkout("main");
        repo.MakeCommit("main 2");
        repo.Branch("pull/15/merge");
        repo.Merge("hotfix/1.0.1", "Merge hotfix/1.0.1 into main");
        // GitVersion 6.8.2 prints 1.0.1-PullRequest15.3, source 1.0.0, 3 commits.
        await repo.AssertVersion("1.0.1-PullRequest15.3", "1.0.0", 3);
    }
}
