using Slipway.Versioning.Releases;

namespace Slipway.Versioning.Tests.Releases;

public sealed partial class ReleaseFinisherTest
{
    [Theory]
    [InlineData("develop", "Merging 'release/1.2.0' (through tag 'v1.2.0') into 'develop' conflicts in 'version.txt'", "git switch develop && git merge --no-ff release/1.2.0")]
    [InlineData("main", "Merging 'release/1.2.0' into 'main' conflicts in 'version.txt'", "git switch release/1.2.0 && git merge main")]
    public async Task TestFinish_Conflict_NamesFileAndLeavesRepositoryAsItWas(string branch, string conflict, string resolve)
    {
        using var repository = new ReleaseRepository();
        repository.CommitOn(branch, "version.txt", $"changed on {branch}\n");
        repository.Work.Run("push", "-q", "origin", branch);
        repository.Work.Run("status");
        var before = repository.Snapshot();

        var error = await Assert.ThrowsAsync<ReleaseFinishException>(() => repository.FinishAsync());

        Assert.Contains(conflict, error.Message, StringComparison.Ordinal);
        Assert.Contains(resolve, error.Message, StringComparison.Ordinal);
        Assert.Contains("Nothing was changed", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, repository.Snapshot());
    }

    [Fact]
    public async Task TestFinish_DirtyTree_RefusedNamingFiles()
    {
        using var repository = new ReleaseRepository();
        repository.Work.WriteFile("app.txt", "edited\n");
        repository.Work.WriteFile("version.txt", "staged\n");
        repository.Work.Run("add", "version.txt");
        repository.Work.WriteFile("untracked.txt", "not counted\n");
        var refs = repository.Work.Run("for-each-ref");

        var error = await Assert.ThrowsAsync<ReleaseFinishException>(() => repository.FinishAsync());

        Assert.Contains("uncommitted changes in 'app.txt', 'version.txt'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("untracked.txt", error.Message, StringComparison.Ordinal);
        Assert.Equal(refs, repository.Work.Run("for-each-ref"));
    }

    [Fact]
    public async Task TestFinish_BehindRemote_FetchesAndRefuses()
    {
        using var repository = new ReleaseRepository();
        var git = repository.Work;
        // Someone else pushed to develop; this clone has not fetched it.
        var stale = git.Sha("develop");
        repository.CommitOn("develop", "other.txt", "pushed by someone else\n");
        git.Run("push", "-q", "origin", "develop");
        git.Run("update-ref", "refs/heads/develop", stale);
        git.Run("update-ref", "refs/remotes/origin/develop", stale);

        var error = await Assert.ThrowsAsync<ReleaseFinishException>(() => repository.FinishAsync());

        Assert.Contains("Local branch 'develop' differs from 'origin/develop': 0 commit(s) ahead and 1 behind", error.Message, StringComparison.Ordinal);
        Assert.Contains("git merge --ff-only origin/develop", error.Message, StringComparison.Ordinal);
        Assert.Equal(stale, git.Sha("develop"));
    }

    [Fact]
    public async Task TestFinish_AheadOfRemote_Refused()
    {
        using var repository = new ReleaseRepository();
        var ahead = repository.CommitOn("main", "hotfix.txt", "not pushed\n");

        var error = await Assert.ThrowsAsync<ReleaseFinishException>(() => repository.FinishAsync());

        Assert.Contains("Local branch 'main' differs from 'origin/main': 1 commit(s) ahead and 0 behind", error.Message, StringComparison.Ordinal);
        Assert.Contains("git push origin main", error.Message, StringComparison.Ordinal);
        Assert.Equal(ahead, repository.Work.Sha("main"));
    }

    [Fact]
    public async Task TestFinish_TagOnAnotherCommit_RefusedAndNotMoved()
    {
        using var repository = new ReleaseRepository();
        repository.Work.Tag(ReleaseRepository.Tag, annotated: true, target: "develop");
        var before = repository.Snapshot();
        var tagged = repository.Work.Sha("develop");

        var error = await Assert.ThrowsAsync<ReleaseFinishException>(() => repository.FinishAsync());

        Assert.Contains($"Tag 'v1.2.0' already exists on commit {tagged}, not on ", error.Message, StringComparison.Ordinal);
        Assert.Contains("never moved", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, repository.Snapshot());
    }

    [Fact]
    public async Task TestFinish_TagOnAnotherCommitOnRemote_Refused()
    {
        using var repository = new ReleaseRepository();
        repository.Work.Tag(ReleaseRepository.Tag, annotated: true, target: "develop");
        repository.Work.Run("push", "-q", "origin", "refs/tags/v1.2.0");
        repository.Work.Run("tag", "-d", ReleaseRepository.Tag);
        var before = repository.Snapshot();

        var error = await Assert.ThrowsAsync<ReleaseFinishException>(() => repository.FinishAsync());

        Assert.Contains($"Tag 'v1.2.0' already exists on remote 'origin' on commit {repository.Work.Sha("develop")}", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, repository.Snapshot());
    }

    [Fact]
    public async Task TestFinish_UntrackedFileInTheWayOfCheckedOutMain_Refused()
    {
        using var repository = new ReleaseRepository();
        repository.Work.Checkout("main");
        repository.Work.WriteFile("version.txt", "untracked, would be overwritten\n");
        var before = repository.Snapshot();

        var error = await Assert.ThrowsAsync<ReleaseFinishException>(() => repository.FinishAsync());

        Assert.Contains("Branch 'main' is checked out", error.Message, StringComparison.Ordinal);
        Assert.Contains("version.txt", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, repository.Snapshot());
    }

    [Theory]
    [InlineData("feature/login", "v1.2.0", "Branch 'feature/login' is not a release or hotfix branch")]
    [InlineData("release/1.2.0", "v", "Tag 'v' has no version in it")]
    [InlineData("release/1.2.0", "v1.2.0 beta", "Tag 'v1.2.0 beta' is not a valid git tag name")]
    [InlineData("hotfix/1.2.1", "v1.2.1", "Branch 'hotfix/1.2.1' (the branch to finish) does not exist")]
    public async Task TestFinish_BadInput_RefusedNamingIt(string branch, string tag, string expected)
    {
        using var repository = new ReleaseRepository(withRemote: false);

        var error = await Assert.ThrowsAsync<ReleaseFinishException>(() => repository.FinishAsync(repository.Request with { Branch = branch, TagName = tag }));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
