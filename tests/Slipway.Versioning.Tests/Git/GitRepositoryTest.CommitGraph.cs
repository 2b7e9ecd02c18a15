using Slipway.Versioning.Git;

namespace Slipway.Versioning.Tests.Git;

// With a commit-graph file, dates and messages load lazily in batches; the answers must not change.
public partial class GitRepositoryTest
{
    [Fact]
    public async Task TestCommitGraph_LazyDetailsMatchTheEagerLoad()
    {
        using var clone = history.Repository.Clone();
        clone.Run("checkout", "-q", "-b", "local", "origin/develop");
        clone.Tag("local-tag", annotated: true);
        var eager = await clone.OpenAsync();
        clone.WriteCommitGraph();

        var lazy = await clone.OpenAsync();

        Assert.Null(eager.Graph.Details);
        Assert.NotNull(lazy.Graph.Details);
        Assert.Equal(eager.Graph.Commits.Select(commit => commit.Sha), lazy.Graph.Commits.Select(commit => commit.Sha));
        foreach (var (expected, actual) in eager.Graph.Commits.Zip(lazy.Graph.Commits))
        {
            Assert.Equal(expected.Parents, actual.Parents);
            Assert.Equal(expected.Message, actual.Message);
            Assert.Equal(expected.When, actual.When);
            Assert.Equal(expected.When.Offset, actual.When.Offset);
        }

        Assert.Equal(eager.Tags.Select(tag => (tag.CanonicalName, tag.Target, tag.TaggerDate)), lazy.Tags.Select(tag => (tag.CanonicalName, tag.Target, tag.TaggerDate)));
        Assert.Equal(eager.Branches.Select(branch => (branch.CanonicalName, branch.Target)), lazy.Branches.Select(branch => (branch.CanonicalName, branch.Target)));
    }

    [Fact]
    public async Task TestCommitGraph_DetailsLoadInBatchesOfTheKindAskedFor()
    {
        using var source = new TestRepository();
        source.MakeCommits(3000);
        source.Tag("old", target: "HEAD~2990");
        source.Branch("feature");
        source.MakeCommit("Feature");
        source.Checkout("main");
        source.Merge("feature");
        source.WriteCommitGraph();
        var repository = await source.OpenAsync();
        var commits = repository.Graph.Commits;

        var afterOpen = commits.Count(commit => commit.HasDetails);
        _ = repository.Tags.Single().Target.When;
        var afterTag = commits.Count(commit => commit.HasDetails);
        _ = commits[2500].Message;
        var afterOther = commits.Count(commit => commit.HasDetails);

        Assert.Equal(2048, afterOpen); // HEAD's newest commits, loaded beside the graph
        Assert.Equal(2049, afterTag); // the ref targets not loaded yet: the old tag's
        Assert.Equal(2049 + 501, afterOther); // commits that are not merges from the one asked for to the end, the tagged one loaded already
        Assert.Equal("commit 502\n", commits[2500].Message); // after the merge, the feature commit and commits 3000 to 503
        Assert.Equal(
            ["Merge branch 'feature'\n", "Feature\n", .. Enumerable.Range(1, 3000).Reverse().Select(number => $"commit {number}\n")],
            commits.Select(commit => commit.Message));
    }
}
