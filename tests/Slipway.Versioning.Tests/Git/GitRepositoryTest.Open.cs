using Slipway.Versioning.Git;

namespace Slipway.Versioning.Tests.Git;

// Opening repositories in their various states, and what a snapshot holds.
public partial class GitRepositoryTest
{
    [Fact]
    public async Task TestOpenAsync_ReadsHeadBranchAndFolders()
    {
        using var source = new TestRepository();
        var sha = source.MakeCommit("First");
        Directory.CreateDirectory(Path.Combine(source.Path, "src", "app"));

        var repository = await GitRepository.OpenAsync(Path.Combine(source.Path, "src", "app"));

        Assert.Equal(source.Path, repository.WorkingDirectory);
        Assert.Equal(Path.Combine(source.Path, ".git"), repository.GitDirectory);
        Assert.Equal(sha, repository.Head?.Sha);
        Assert.Equal("main", repository.CurrentBranch);
        Assert.False(repository.IsShallow);
        Assert.Empty(repository.Remotes);
    }

    [Fact]
    public async Task TestOpenAsync_NotARepositorySaysSoAndWhatToDo()
    {
        var folder = Path.Combine(Path.GetTempPath(), "slipway-not-a-repository-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var exception = await Assert.ThrowsAsync<GitException>(() => GitRepository.OpenAsync(folder));

            Assert.StartsWith($"No .git found in '{folder}' or any folder above it", exception.Message);
            Assert.Contains("full-clone source", exception.Message);
            Assert.Contains("branch and commit parameters", exception.Message);
            Assert.Equal(folder, exception.Directory);
        }
        finally
        {
            Directory.Delete(folder);
        }
    }

    [Fact]
    public async Task TestOpenAsync_MissingFolderSaysSo()
    {
        var folder = Path.Combine(Path.GetTempPath(), "slipway-missing-" + Guid.NewGuid().ToString("N"));

        var exception = await Assert.ThrowsAsync<GitException>(() => GitRepository.OpenAsync(folder));

        Assert.StartsWith($"Folder '{folder}' does not exist", exception.Message);
    }

    [Fact]
    public async Task TestOpenAsync_CancelledBeforeItStarts()
    {
        using var source = new TestRepository();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => GitRepository.OpenAsync(source.Path, new CancellationToken(canceled: true)));
    }

    [Fact]
    public async Task TestOpenAsync_EmptyRepositoryHasNoHead()
    {
        using var source = new TestRepository();

        var repository = await source.OpenAsync();

        Assert.Null(repository.Head);
        Assert.Equal("main", repository.CurrentBranch);
        Assert.Empty(repository.Branches);
        Assert.Empty(repository.Tags);
        Assert.Equal(0, repository.UncommittedChanges);
    }

    [Fact]
    public async Task TestOpenAsync_OrphanBranchHasNoHeadButKeepsTheOtherBranches()
    {
        using var source = new TestRepository();
        source.MakeCommit("On main");
        source.Run("checkout", "-q", "--orphan", "gh-pages");

        var repository = await source.OpenAsync();

        Assert.Null(repository.Head);
        Assert.Equal("gh-pages", repository.CurrentBranch);
        Assert.Equal(["main"], repository.Branches.Select(branch => branch.FriendlyName));
    }

    [Fact]
    public async Task TestOpenAsync_DetachedHeadHasNoCurrentBranch()
    {
        using var source = new TestRepository();
        var first = source.MakeCommit("First");
        source.MakeCommit("Second");
        source.Detach(first);

        var repository = await source.OpenAsync();

        Assert.Null(repository.CurrentBranch);
        Assert.Equal(first, repository.Head?.Sha);
    }

    [Fact]
    public async Task TestOpenAsync_DetachedHeadOnACommitNoRefReachesIsLoaded()
    {
        using var source = new TestRepository();
        source.MakeCommit("First");
        source.Detach();
        var detached = source.MakeCommit("Only HEAD reaches this");

        var repository = await source.OpenAsync();

        Assert.Equal(detached, repository.Head?.Sha);
        Assert.Equal(2, repository.CountCommits(null, repository.Head!));
    }

    [Fact]
    public async Task TestOpenAsync_ShallowCloneStopsAtParentlessCommits()
    {
        using var source = new TestRepository();
        source.MakeCommits(5);
        using var clone = source.CloneShallow(depth: 2);

        var repository = await clone.OpenAsync();

        Assert.True(repository.IsShallow);
        Assert.Equal(2, repository.CountCommits(null, repository.Head!));
        Assert.Empty(repository.Head!.Parents.Single().Parents);
        Assert.Equal(["origin"], repository.Remotes);
    }

    [Fact]
    public async Task TestUncommittedChanges_CountsModifiedStagedAndUntrackedButNotIgnored()
    {
        using var source = new TestRepository();
        source.WriteFile("tracked.txt", "one");
        source.WriteFile(".gitignore", "*.log\n");
        source.Run("add", ".");
        source.MakeCommit("Add files");
        source.WriteFile("tracked.txt", "two");
        source.WriteFile("staged.txt", "new");
        source.Run("add", "staged.txt");
        source.WriteFile("untracked.txt");
        source.WriteFile("build.log", "ignored");

        var repository = await source.OpenAsync();

        Assert.Equal(3, repository.UncommittedChanges);
    }

    [Fact]
    public async Task TestMessage_KeepsMultipleLinesAndNonAsciiText()
    {
        using var source = new TestRepository();
        const string message = "Fix the café menu: naïve parsing\n\nBody with ünïcödé, 日本語 and emoji 🚢.\n  indented line\n+semver: minor";
        source.MakeCommit(message);

        var repository = await source.OpenAsync();

        Assert.Equal(message + "\n", repository.Head!.Message);
        Assert.Equal("Fix the café menu: naïve parsing", repository.Head.Subject);
        Assert.Equal(source.Run("log", "-1", "--format=%B"), repository.Head.Message.TrimEnd('\n'));
    }

    [Fact]
    public async Task TestWhen_IsTheCommitterDate()
    {
        using var source = new TestRepository();
        source.MakeCommits(3);

        var repository = await source.OpenAsync();

        Assert.Equal(DateTimeOffset.Parse(source.Run("log", "-1", "--format=%cI")), repository.Head!.When);
        Assert.True(repository.Head.When > repository.Head.Parents[0].When);
    }

    [Fact]
    public async Task TestRefreshAsync_SeesNewCommitsAndAcceptsCommitsFromBefore()
    {
        using var source = new TestRepository();
        source.MakeCommit("First");
        var repository = await source.OpenAsync();
        var oldHead = repository.Head!;
        source.MakeCommit("Second");

        await repository.RefreshAsync();

        Assert.Equal(source.Sha(), repository.Head?.Sha);
        Assert.True(repository.IsAncestor(oldHead, repository.Head!));
        Assert.Equal(1, repository.CountCommits(oldHead, repository.Head!));
        Assert.Equal(oldHead, repository.Head!.Parents[0]);
    }

    [Fact]
    public async Task TestCommit_FromAnotherRepositoryIsRejected()
    {
        using var one = new TestRepository();
        one.MakeCommit("One");
        using var other = new TestRepository();
        other.MakeCommit("Other");
        var first = await one.OpenAsync();
        var second = await other.OpenAsync();

        var exception = Assert.Throws<ArgumentException>(() => first.IsAncestor(second.Head!, first.Head!));

        Assert.Contains($"is not in the history loaded from '{one.Path}'", exception.Message);
    }

    [Fact]
    public async Task TestMergeBase_UnrelatedHistoriesHaveNone()
    {
        using var source = new TestRepository();
        source.MakeCommit("Main");
        source.Run("checkout", "-q", "--orphan", "unrelated");
        source.MakeCommit("Unrelated root");

        var repository = await source.OpenAsync();

        Assert.Null(repository.MergeBase(repository.FindBranch("main")!.Target, repository.Head!));
        Assert.False(repository.IsAncestor(repository.FindBranch("main")!.Target, repository.Head!));
        Assert.Equal(1, repository.CountCommits(repository.FindBranch("main")!.Target, repository.Head!));
    }

    [Fact]
    public async Task TestFindCommit_AmbiguousAbbreviationThrows()
    {
        using var source = new TestRepository();
        // A thousand commits make a shared four-digit prefix all but certain, and the shas are the same on every run.
        var shared = source.MakeCommits(1000).GroupBy(sha => sha[..4]).First(group => group.Count() > 1);
        var repository = await source.OpenAsync();

        var exception = Assert.Throws<GitException>(() => repository.FindCommit(shared.Key));

        Assert.Contains($"Commit '{shared.Key}' is ambiguous", exception.Message);
        Assert.Contains("Pass more digits", exception.Message);
    }
}
