using Slipway.Versioning.Git;

namespace Slipway.Versioning.Tests.Git;

// Branches, remote-tracking branches and tags.
public partial class GitRepositoryTest
{
    [Fact]
    public async Task TestBranches_LocalThenRemoteWithoutRemoteHead()
    {
        using var source = new TestRepository();
        source.MakeCommit("First");
        source.Branch("develop");
        source.Branch("feature/login");
        source.MakeCommit("Login");
        source.Checkout("main");
        using var clone = source.Clone();
        clone.Branch("local-only");

        var repository = await clone.OpenAsync();

        Assert.Equal(
            ["refs/heads/local-only", "refs/heads/main", "refs/remotes/origin/develop", "refs/remotes/origin/feature/login", "refs/remotes/origin/main"],
            repository.Branches.Select(branch => branch.CanonicalName));
        Assert.Equal(
            ["local-only", "main", "origin/develop", "origin/feature/login", "origin/main"],
            repository.Branches.Select(branch => branch.FriendlyName));
        Assert.Equal([false, false, true, true, true], repository.Branches.Select(branch => branch.IsRemote));
        Assert.All(repository.Branches, branch => Assert.False(branch.IsTag));
        Assert.All(repository.Branches, branch => Assert.Null(branch.TaggerDate));
        Assert.Equal(source.Sha("feature/login"), repository.FindBranch("origin/feature/login")?.Target.Sha);
        Assert.Equal("local-only", repository.CurrentBranch);
    }

    [Fact]
    public async Task TestBranchesContaining_IncludesRemoteTrackingBranches()
    {
        using var source = new TestRepository();
        var first = source.MakeCommit("First");
        source.Branch("develop");
        source.MakeCommit("Develop");
        source.Checkout("main");
        using var clone = source.Clone();
        var repository = await clone.OpenAsync();

        var containing = repository.BranchesContaining(repository.FindCommit(first)!);
        var developOnly = repository.BranchesContaining(repository.FindBranch("origin/develop")!.Target);

        Assert.Equal(["main", "origin/develop", "origin/main"], containing.Select(branch => branch.FriendlyName));
        Assert.Equal(["origin/develop"], developOnly.Select(branch => branch.FriendlyName));
    }

    [Fact]
    public async Task TestTags_AnnotatedArePeeledAndDated()
    {
        using var source = new TestRepository();
        var tagged = source.MakeCommit("Release");
        source.Tag("1.0.0", annotated: true, message: "Release 1.0.0");
        var annotatedDate = source.Now;
        source.MakeCommit("Later");
        source.Tag("1.1.0-beta.1");

        var repository = await source.OpenAsync();

        var annotated = repository.Tags.Single(tag => tag.FriendlyName == "1.0.0");
        var lightweight = repository.Tags.Single(tag => tag.FriendlyName == "1.1.0-beta.1");
        Assert.Equal(tagged, annotated.Target.Sha);
        Assert.Equal("refs/tags/1.0.0", annotated.CanonicalName);
        Assert.True(annotated.IsTag);
        Assert.False(annotated.IsRemote);
        Assert.Equal(annotatedDate, annotated.TaggerDate);
        Assert.Equal(source.Sha(), lightweight.Target.Sha);
        Assert.Null(lightweight.TaggerDate);
    }

    [Fact]
    public async Task TestTags_DatesLoadOnFirstReadAndOnlyForAnnotatedTags()
    {
        using var source = new TestRepository();
        source.MakeCommit("Release");
        source.Tag("1.0.0", annotated: true);
        source.Tag("1.0.0-light");
        source.Run("notes", "add", "-m", "a note");
        source.Run("stash", "store", "-m", "not a branch", source.Sha());
        var repository = await source.OpenAsync();

        // Opening read no tag object: with the repository gone, only a date that needs git fails.
        Directory.Delete(Path.Combine(source.Path, ".git"), recursive: true);

        Assert.Equal(["1.0.0", "1.0.0-light"], repository.Tags.Select(tag => tag.FriendlyName));
        Assert.Equal(["main"], repository.Branches.Select(branch => branch.FriendlyName));
        Assert.Null(repository.Tags[1].TaggerDate);
        Assert.Throws<GitException>(() => repository.Tags[0].TaggerDate);
    }

    [Fact]
    public async Task TestTags_TagOfATagIsPeeledAndTagsOfNonCommitsAreLeftOut()
    {
        using var source = new TestRepository();
        var commit = source.MakeCommit("Release");
        source.Tag("v1", annotated: true);
        source.Run("-c", "advice.nestedTag=false", "tag", "-a", "v1-again", "-m", "A tag of a tag", "v1");
        source.Run("tag", "tree-tag", "HEAD^{tree}");

        var repository = await source.OpenAsync();

        Assert.Equal(["v1", "v1-again"], repository.Tags.Select(tag => tag.FriendlyName));
        Assert.All(repository.Tags, tag => Assert.Equal(commit, tag.Target.Sha));
    }

    [Fact]
    public async Task TestTargets_AreTheLoadedCommits()
    {
        using var source = new TestRepository();
        source.MakeCommit("First");
        source.Tag("1.0.0");

        var repository = await source.OpenAsync();

        Assert.Same(repository.Head, repository.Tags[0].Target);
        Assert.Same(repository.Head, repository.Branches[0].Target);
    }
}
