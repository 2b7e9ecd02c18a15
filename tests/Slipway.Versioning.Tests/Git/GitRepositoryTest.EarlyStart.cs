using Slipway.Versioning.Git;

namespace Slipway.Versioning.Tests.Git;

// Opening starts rev-list, show-ref and status beside rev-parse, naming HEAD itself and guessing the commit-graph from
// the .git folder above the path; the answers must be those of loading after rev-parse.
public partial class GitRepositoryTest
{
    [Fact]
    public async Task TestOpenAsync_OrphanBranchWithACommitGraphHasNoHeadButKeepsTheOtherBranches()
    {
        using var source = new TestRepository();
        var onMain = source.MakeCommit("On main");
        source.WriteCommitGraph();
        source.Run("checkout", "-q", "--orphan", "gh-pages");

        var repository = await source.OpenAsync();

        Assert.NotNull(repository.Graph.Details);
        Assert.Null(repository.Head);
        Assert.Equal("gh-pages", repository.CurrentBranch);
        Assert.Equal(["main"], repository.Branches.Select(branch => branch.FriendlyName));
        Assert.Equal("On main\n", repository.FindCommit(onMain)!.Message);
    }

    [Fact]
    public async Task TestOpenAsync_AWrongCommitGraphGuessLoadsTheSameHistory()
    {
        // git skips a .git folder that is not a repository; the guess stops at it and sees no commit-graph there.
        using var source = new TestRepository();
        source.MakeCommits(3);
        source.Tag("v1.0.0", annotated: true);
        source.MakeCommit("After the tag");
        source.WriteCommitGraph();
        var subfolder = Path.Combine(source.Path, "sub");
        Directory.CreateDirectory(Path.Combine(subfolder, ".git"));
        var fromTop = await source.OpenAsync();

        var fromSubfolder = await GitRepository.OpenAsync(subfolder);

        Assert.NotNull(fromTop.Graph.Details);
        Assert.Null(fromSubfolder.Graph.Details); // loaded with dates and messages at once, as without a commit-graph
        Assert.Equal(source.Path, fromSubfolder.WorkingDirectory);
        Assert.Equal(fromTop.Head, fromSubfolder.Head);
        Assert.Equal(fromTop.Graph.Commits.Select(commit => (commit.Sha, commit.Message, commit.When)), fromSubfolder.Graph.Commits.Select(commit => (commit.Sha, commit.Message, commit.When)));
        Assert.Equal(fromTop.Tags.Select(tag => (tag.CanonicalName, tag.Target)), fromSubfolder.Tags.Select(tag => (tag.CanonicalName, tag.Target)));
        Assert.Equal(fromTop.UncommittedChanges, fromSubfolder.UncommittedChanges);
    }

    [Fact]
    public async Task TestOpenAsync_LinkedWorktreeLoadsAfterRevParse()
    {
        // A worktree's .git is a file: nothing is guessed, and everything loads once rev-parse has found the repository.
        using var source = new TestRepository();
        source.MakeCommit("On main");
        source.Branch("feature");
        var onFeature = source.MakeCommit("On feature");
        source.Checkout("main");
        source.WriteCommitGraph();
        var worktree = Path.Combine(source.Path, "worktree");
        source.Run("worktree", "add", "-q", worktree, "feature");

        var repository = await GitRepository.OpenAsync(worktree);

        Assert.NotNull(repository.Graph.Details); // the main repository's commit-graph, found through rev-parse
        Assert.Equal(worktree, repository.WorkingDirectory);
        Assert.Equal("feature", repository.CurrentBranch);
        Assert.Equal(onFeature, repository.Head!.Sha);
        Assert.Equal("On feature\n", repository.Head.Message);
    }
}
