using Slipway.Versioning.Releases;

namespace Slipway.Versioning.Tests.Releases;

public sealed partial class ReleaseFinisherTest
{
    [Fact]
    public async Task TestFinish_HotfixBranch_MergedIntoMainTaggedAndMergedIntoDevelop()
    {
        using var repository = new ReleaseRepository();
        var git = repository.Work;
        var oldMain = git.Sha("main");
        git.Branch("hotfix/1.0.1", startPoint: "main");
        git.WriteFile("fix.txt", "fix\n");
        git.Run("add", "fix.txt");
        var hotfix = git.MakeCommit("Fix the bug");

        var result = await repository.FinishAsync(repository.Request with { Branch = "hotfix/1.0.1", TagName = "v1.0.1", TagMessage = null });

        Assert.All(result.Steps, step => Assert.Equal(ReleaseStepOutcome.Done, step.Outcome));
        Assert.Equal($"{oldMain} {hotfix}", git.Run("rev-parse", "main^1", "main^2").ReplaceLineEndings(" "));
        Assert.Equal("Merge branch 'hotfix/1.0.1'", git.Run("log", "-1", "--format=%B", "main"));
        Assert.Equal(git.Sha("main"), git.Sha("v1.0.1"));
        Assert.Equal("Release v1.0.1", git.Run("tag", "-l", "--format=%(contents)", "v1.0.1"));
        Assert.Equal(git.Sha("main"), git.Sha("develop^2"));
        Assert.Equal(git.Sha("develop"), repository.Remote("rev-parse", "develop"));
    }

    [Fact]
    public async Task TestFinish_PushesOnlyTheReleaseTag()
    {
        using var repository = new ReleaseRepository();
        repository.Work.Tag("experiment", target: "develop");
        repository.Work.Tag("v1.1.9-rc", annotated: true, target: "develop", message: "Never released");

        await repository.FinishAsync();

        Assert.Equal("v1.2.0", repository.Remote("tag", "--list"));
        Assert.Equal("experiment\nv1.1.9-rc\nv1.2.0", repository.Work.Run("tag", "--list").ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task TestFinish_CodeBuildCheckoutWithOnlyTheRemotesBranches_MakesTheLocalBranchesFromTheRemoteAndFinishes()
    {
        using var repository = new ReleaseRepository();
        var git = repository.Work;
        var (oldMain, releaseTip, oldDevelop) = (git.Sha("main"), git.Sha(ReleaseRepository.Branch), git.Sha("develop"));
        // CodePipeline's full clone and CodeBuild's own: a detached HEAD on the commit, the remote's branches, no local ones.
        git.Run("checkout", "-q", "--detach", releaseTip);
        git.Run("branch", "-q", "-D", "main", "develop", ReleaseRepository.Branch);

        var result = await repository.FinishAsync();

        Assert.True(result.ChangedAnything);
        Assert.Equal($"{oldMain} {releaseTip}", git.Run("rev-parse", "main^1", "main^2").ReplaceLineEndings(" "));
        Assert.Equal(oldDevelop, git.Sha("develop^1"));
        Assert.Equal(git.Sha("main"), repository.Remote("rev-parse", "main"));
        Assert.Equal(git.Sha("develop"), repository.Remote("rev-parse", "develop"));
        Assert.Equal(git.Run("rev-parse", "refs/tags/v1.2.0"), repository.Remote("rev-parse", "refs/tags/v1.2.0"));
        Assert.Equal(releaseTip, git.Sha(ReleaseRepository.Branch));
        Assert.Equal(releaseTip, git.Run("rev-parse", "HEAD"));
        Assert.Equal("", git.Run("status", "--porcelain"));
    }
}
