using Slipway.Versioning.Git;

namespace Slipway.Versioning.Tests.Git;

// Searching commit messages range by range: in memory without a commit-graph, by git with one.
public partial class GitRepositoryTest
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task TestCommitsMentioning_OnlyTheRangeAskedForIgnoringCase(bool commitGraph)
    {
        using var source = new TestRepository();
        var before = source.MakeCommit("Rework\n\n+semver: major");
        var tagged = source.MakeCommit("Release");
        source.Branch("feature/x");
        var body = source.MakeCommit("Fix\n\n+SemVer: patch");
        source.MakeCommit("Unrelated");
        source.Checkout("main");
        var onMain = source.MakeCommit("semver on main");
        var merge = source.Merge("feature/x", "Merge feature/x, SEMVER: minor");
        source.Branch("other");
        source.MakeCommit("semver elsewhere");
        source.Checkout("main");
        if (commitGraph)
            source.WriteCommitGraph();
        var repository = await source.OpenAsync();
        var head = repository.Head!;

        var afterTag = repository.CommitsMentioning("semver", repository.FindCommit(tagged), head);
        var all = repository.CommitsMentioning("semver", null, head);
        var again = repository.CommitsMentioning("semver", repository.FindCommit(tagged), head);

        Assert.Equal(new[] { merge, onMain, body }.Order(), afterTag.Select(commit => commit.Sha).Order());
        Assert.Equal(new[] { merge, onMain, body, before }.Order(), all.Select(commit => commit.Sha).Order());
        Assert.Equal(afterTag, again);
        Assert.Equal(commitGraph, repository.Graph.Details is not null);
        Assert.Empty(repository.CommitsMentioning("semver", head, head));
        Assert.Equal(repository.CountCommits(null, head), repository.CommitsMentioning("", null, head).Count);
    }

    [Fact]
    public async Task TestCommitsMentioning_WithACommitGraphLoadsTheMessagesSearchedOnce()
    {
        using var source = new TestRepository();
        source.MakeCommits(3000);
        var bump = source.MakeCommit("Rework\n\n+semver: major");
        var tagged = source.MakeCommit("Release");
        source.MakeCommits(10);
        source.WriteCommitGraph();
        var repository = await source.OpenAsync();
        var head = repository.Head!;
        var loadedWithTheGraph = repository.Graph.Commits.Count(commit => commit.HasDetails);

        Assert.Empty(repository.CommitsMentioning("semver", repository.FindCommit(tagged), head));
        var loadedForTheTag = repository.Graph.Commits.Count(commit => commit.HasDetails);
        Assert.Equal(bump, Assert.Single(repository.CommitsMentioning("semver", null, head)).Sha);
        var loadedForAll = repository.Graph.Commits.Count(commit => commit.HasDetails);

        Assert.Equal(2048, loadedWithTheGraph); // HEAD's newest commits, beside the graph
        Assert.Equal(2048, loadedForTheTag); // the range since the tag was among them: no git run
        Assert.Equal(3012, loadedForAll);
        Assert.Equal("Rework\n\n+semver: major\n", repository.FindCommit(bump)!.Message);

        // Every message is searched now: the same questions again run no git, which would fail without the repository.
        Directory.Delete(Path.Combine(source.Path, ".git"), recursive: true);
        Assert.Equal(bump, Assert.Single(repository.CommitsMentioning("semver", null, head)).Sha);
        Assert.Empty(repository.CommitsMentioning("semver", repository.FindCommit(tagged), head));
    }

    [Fact]
    public async Task TestCommitsMentioning_OlderRangesLoadInGrowingBatches()
    {
        using var source = new TestRepository();
        source.MakeCommits(6000);
        var old = source.Sha("HEAD~5000");
        var older = source.Sha("HEAD~5500");
        source.WriteCommitGraph();
        var repository = await source.OpenAsync();
        var head = repository.Head!;

        repository.CommitsMentioning("semver", repository.FindCommit(old), head);
        var afterOld = repository.Graph.Commits.Count(commit => commit.HasDetails);
        repository.CommitsMentioning("semver", repository.FindCommit(older), head);
        var afterOlder = repository.Graph.Commits.Count(commit => commit.HasDetails);

        Assert.Equal(5000, afterOld); // the range, which is more than one batch
        Assert.Equal(6000, afterOlder); // 500 more asked for, and the rest of the next batch (4,096) ahead
    }

    [Fact]
    public async Task TestCommitsMentioning_RefusesTextOfSeveralLines()
    {
        using var source = new TestRepository();
        source.MakeCommit();
        var repository = await source.OpenAsync();

        var exception = Assert.Throws<ArgumentException>(() => repository.CommitsMentioning("a\nb", null, repository.Head!));

        Assert.Contains("must be one line", exception.Message);
    }
}
