using Slipway.Versioning.Releases;

namespace Slipway.Versioning.Tests.Releases;

public sealed partial class ReleaseFinisherTest
{
    [Fact]
    public async Task TestFinish_MergesTagsMergesBackAndPushes()
    {
        using var repository = new ReleaseRepository();
        var git = repository.Work;
        var (oldMain, releaseTip, oldDevelop) = (git.Sha("main"), git.Sha(ReleaseRepository.Branch), git.Sha("develop"));

        var result = await repository.FinishAsync();

        Assert.All(result.Steps, step => Assert.Equal(ReleaseStepOutcome.Done, step.Outcome));
        Assert.True(result.ChangedAnything);
        // main: a --no-ff merge with git merge's message and tree.
        Assert.Equal(result.MergeCommit, git.Sha("main"));
        Assert.Equal($"{oldMain} {releaseTip}", git.Run("rev-parse", "main^1", "main^2").ReplaceLineEndings(" "));
        Assert.Equal("Merge branch 'release/1.2.0'", git.Run("log", "-1", "--format=%B", "main"));
        using (var clone = git.Clone())
        {
            clone.Run("checkout", "-q", "-b", "expected", oldMain);
            clone.Run("merge", "-q", "--no-ff", "--no-edit", releaseTip);
            Assert.Equal(clone.Run("rev-parse", "HEAD^{tree}"), git.Run("rev-parse", "main^{tree}"));
        }

        // The tag: annotated, on that merge commit.
        Assert.Equal("tag", git.Run("cat-file", "-t", ReleaseRepository.Tag));
        Assert.Equal(git.Sha("main"), git.Sha(ReleaseRepository.Tag));
        Assert.Equal("Release 1.2.0", git.Run("tag", "-l", "--format=%(contents)", ReleaseRepository.Tag));
        // develop: the tag merged in, so git describe on develop sees it.
        Assert.Equal($"{oldDevelop} {git.Sha("main")}", git.Run("rev-parse", "develop^1", "develop^2").ReplaceLineEndings(" "));
        Assert.Equal("Merge tag 'v1.2.0' into develop\n\nRelease 1.2.0", git.Run("log", "-1", "--format=%B", "develop"));
        Assert.StartsWith("v1.2.0-2-", git.Run("describe", "--tags", "develop"), StringComparison.Ordinal);
        // The remote has the two branches and the tag object itself.
        Assert.Equal(git.Sha("main"), repository.Remote("rev-parse", "main"));
        Assert.Equal(git.Sha("develop"), repository.Remote("rev-parse", "develop"));
        Assert.Equal(git.Run("rev-parse", "refs/tags/v1.2.0"), repository.Remote("rev-parse", "refs/tags/v1.2.0"));
        // The checkout stays where it was, clean.
        Assert.Equal("refs/heads/release/1.2.0", git.Run("symbolic-ref", "HEAD"));
        Assert.Equal("", git.Run("status", "--porcelain"));
    }

    [Fact]
    public async Task TestFinish_RunAgainAfterSuccess_ChangesNothing()
    {
        using var repository = new ReleaseRepository();
        await repository.FinishAsync();
        var before = repository.Snapshot();

        var result = await repository.FinishAsync();

        Assert.False(result.ChangedAnything);
        Assert.All(result.Steps, step => Assert.Equal(ReleaseStepOutcome.AlreadyDone, step.Outcome));
        Assert.Equal(before, repository.Snapshot());
    }

    [Fact]
    public async Task TestFinish_MainCheckedOut_WorkTreeFollows()
    {
        using var repository = new ReleaseRepository();
        repository.Work.Checkout("main");

        await repository.FinishAsync();

        Assert.Equal("1.2.0\n", File.ReadAllText(Path.Combine(repository.Work.Path, "version.txt")));
        Assert.Equal("", repository.Work.Run("status", "--porcelain"));
        Assert.Equal(repository.Work.Sha("main"), repository.Work.Sha("HEAD"));
    }

    [Fact]
    public async Task TestFinish_NoPushOrNoRemote_LeavesTheRemoteAlone()
    {
        using var repository = new ReleaseRepository();
        var remoteBefore = repository.Remote("for-each-ref");

        var result = await repository.FinishAsync(repository.Request with { Push = false });

        Assert.Equal(ReleaseStepOutcome.Skipped, result.Steps[^1].Outcome);
        Assert.Equal(remoteBefore, repository.Remote("for-each-ref"));
        using var local = new ReleaseRepository(withRemote: false);
        Assert.Contains("no remote 'origin'", (await local.FinishAsync()).Steps[^1].Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TestFinish_DryRun_PlansAndWritesNothing()
    {
        using var repository = new ReleaseRepository();
        var before = repository.Snapshot();

        var result = await repository.FinishAsync(repository.Request with { DryRun = true });

        Assert.All(result.Steps, step => Assert.Equal(ReleaseStepOutcome.Planned, step.Outcome));
        Assert.Equal(before, repository.Snapshot());
    }
}
