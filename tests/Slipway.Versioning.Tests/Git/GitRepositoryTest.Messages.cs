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
    public async Task TestCommitsMentioning_WithACommitGraphGitSearchesAndOnlyMatchesAreLoaded()
    {
        using var source = new TestRepository();
        source.MakeCommits(3000);
        var tagged = source.MakeCommit("Release");
        source.MakeCommits(10);
        var bump = source.MakeCommit("Rework\n\n+semver: minor");
        source.MakeCommits(10);
        source.WriteCommitGraph();
        var repository = await source.OpenAsync();
        var head = repository.Head!;

        var found = repository.CommitsMentioning("semver", repository.FindCommit(tagged), head);

        Assert.Equal(bump, Assert.Single(found).Sha);
        Assert.Equal([bump], repository.Graph.Commits.Where(commit => commit.HasDetails).Select(commit => commit.Sha));
        Assert.Equal("Rework\n\n+semver: minor\n", found[0].Message);
    }

    [Fact]
    public async Task TestCommitsMentioning_SearchesEachCommitOnce()
    {
        using var source = new TestRepository();
        source.MakeCommits(3000);
        var bump = source.MakeCommit("+semver: major");
        var tagged = source.MakeCommit("Release");
        source.MakeCommits(10);
        source.WriteCommitGraph();
        var repository = await source.OpenAsync();
        var head = repository.Head!;
        Assert.Empty(repository.CommitsMentioning("semver", repository.FindCommit(tagged), head));
        Assert.Equal(bump, Assert.Single(repository.CommitsMentioning("semver", null, head)).Sha);

        // Every commit is searched now: no more git runs, which would fail without the repository.
        Directory.Delete(Path.Combine(source.Path, ".git"), recursive: true);

        Assert.Equal(bump, Assert.Single(repository.CommitsMentioning("semver", null, head)).Sha);
        Assert.Empty(repository.CommitsMentioning("semver", repository.FindCommit(tagged), head));
        Assert.Throws<GitException>(() => repository.CommitsMentioning("other text", null, head));
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
