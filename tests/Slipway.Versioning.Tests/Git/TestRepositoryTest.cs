namespace Slipway.Versioning.Tests.Git;

public class TestRepositoryTest
{
    [Fact]
    public void TestDates_StrictlyIncreaseAcrossCommitsMergesAndBatches()
    {
        using var repository = new TestRepository();
        repository.MakeCommit("First");
        repository.Branch("develop");
        repository.MakeCommits(3);
        repository.Checkout("main");
        repository.Merge("develop");

        var dates = repository.Run("log", "--format=%ct", "--date-order").Split('\n').Select(long.Parse).ToArray();

        Assert.Equal(5, dates.Length);
        Assert.True(dates.Zip(dates.Skip(1)).All(pair => pair.First > pair.Second), string.Join(", ", dates));
    }

    [Fact]
    public void TestHistories_AreTheSameOnEveryRun()
    {
        string[] Build()
        {
            using var repository = new TestRepository();
            repository.MakeCommit("First");
            repository.Branch("feature/x");
            repository.MakeCommits(2);
            repository.Checkout("main");
            repository.Tag("1.0.0", annotated: true);
            return [repository.Merge("feature/x"), repository.Sha("1.0.0")];
        }

        Assert.Equal(Build(), Build());
    }

    [Fact]
    public void TestMakeCommits_ReturnsTheShasOldestFirstWithNumberedMessages()
    {
        using var repository = new TestRepository();
        var first = repository.MakeCommit("First");

        var shas = repository.MakeCommits(3, "step");

        Assert.Equal(repository.Sha(), shas[^1]);
        Assert.Equal(first, repository.Sha(shas[0] + "^"));
        Assert.Equal("step 3\nstep 2\nstep 1\nFirst", repository.Run("log", "--format=%s"));
        Assert.Equal("", repository.Run("status", "--porcelain"));
    }

    [Fact]
    public void TestMakeCommits_StartsAnEmptyRepositoryAndWorksDetached()
    {
        using var repository = new TestRepository();

        var onBranch = repository.MakeCommits(2);
        repository.Detach();
        var detached = repository.MakeCommits(2);

        Assert.Equal(onBranch[^1], repository.Sha("main"));
        Assert.Equal(detached[^1], repository.Sha());
        Assert.Equal("4", repository.Run("rev-list", "--count", "HEAD"));
    }

    [Fact]
    public void TestMerge_UsesGitsDefaultMessage()
    {
        using var repository = new TestRepository();
        repository.MakeCommit("First");
        repository.Branch("develop");
        repository.Branch("feature/x");
        repository.MakeCommit("Work");
        repository.Checkout("develop");
        repository.Merge("feature/x");
        repository.Checkout("main");

        repository.Merge("develop");

        Assert.Equal("Merge branch 'develop'", repository.Run("log", "-1", "--format=%s"));
        Assert.Equal("Merge branch 'feature/x' into develop", repository.Run("log", "-1", "--format=%s", "develop"));
    }

    [Fact]
    public void TestDispose_DeletesTheFolder()
    {
        var repository = new TestRepository();
        repository.MakeCommits(2);

        repository.Dispose();

        Assert.False(Directory.Exists(repository.Path));
    }
}
