namespace Slipway.Components.Tests.Release;

/// <summary>TagRelease on real git repositories with a bare remote: the git-flow finish through the component.</summary>
public sealed class TagReleaseTest : IDisposable
{
    readonly GitFlowRepository _repository = new();

    public void Dispose() => _repository.Dispose();

    (int Code, string Output) Run(params string[] args) => _repository.Run(["TagRelease", .. args]);

    [Fact]
    public void TestTagRelease_OnRelease_MergesTagsMergesBackAndPushesOnlyThatTag()
    {
        var git = _repository;
        var (oldMain, releaseTip, oldDevelop) = (git.Git("rev-parse", "main"), git.Git("rev-parse", "release/1.2.0"), git.Git("rev-parse", "develop"));
        git.Git("tag", "local-only");

        var (code, output) = Run();

        Assert.True(code == 0, output);
        Assert.Equal($"{oldMain}\n{releaseTip}", git.Git("rev-parse", "main^1", "main^2"));
        Assert.Equal("tag", git.Git("cat-file", "-t", "1.2.0"));
        Assert.Equal(git.Git("rev-parse", "main"), git.Git("rev-parse", "1.2.0^{commit}"));
        Assert.Equal($"{oldDevelop}\n{git.Git("rev-parse", "main")}", git.Git("rev-parse", "develop^1", "develop^2"));
        Assert.Equal(git.Git("rev-parse", "main"), git.RemoteGit("rev-parse", "main"));
        Assert.Equal(git.Git("rev-parse", "develop"), git.RemoteGit("rev-parse", "develop"));
        Assert.Equal(git.Git("rev-parse", "refs/tags/1.2.0"), git.RemoteGit("rev-parse", "refs/tags/1.2.0"));
        Assert.Equal("1.0.0\n1.2.0", git.RemoteGit("tag", "--list"));
        Assert.Matches(@"// Tag: 1\.2\.0 on [0-9a-f]{12}", output);
        Assert.Contains("// Push: pushed 'main', 'develop' and '1.2.0' to 'origin'", output);
        Assert.Contains("// Finish: finished", output);
        Assert.Contains("made the merge of 'release/1.2.0' into 'main'", output);
    }

    [Fact]
    public void TestTagRelease_OnHotfixWithTagPrefix_TagsThePrefixedVersion()
    {
        var git = _repository;
        git.Git("checkout", "-q", "-b", "hotfix/1.0.1", "main");
        var hotfix = git.CommitFile("fix.txt", "fix\n");

        var (code, output) = Run("--tag-prefix", "v");

        Assert.True(code == 0, output);
        Assert.Equal(hotfix, git.Git("rev-parse", "main^2"));
        Assert.Equal(git.Git("rev-parse", "main"), git.Git("rev-parse", "v1.0.1^{commit}"));
        Assert.Equal(git.Git("rev-parse", "main"), git.Git("rev-parse", "develop^2"));
        Assert.Equal(git.Git("rev-parse", "refs/tags/v1.0.1"), git.RemoteGit("rev-parse", "refs/tags/v1.0.1"));
        Assert.Equal("1.0.0\nv1.0.1", git.RemoteGit("tag", "--list"));
    }

    [Fact]
    public void TestTagRelease_RunAgain_ChangesNothing()
    {
        Assert.Equal(0, Run().Code);
        var before = _repository.Snapshot();

        var (code, output) = Run();

        Assert.True(code == 0, output);
        Assert.Contains("// Finish: already finished; nothing changed", output);
        Assert.Contains("// Push: remote 'origin' already has 'main', 'develop' and '1.2.0'", output);
        Assert.Equal(before, _repository.Snapshot());
    }

    [Fact]
    public void TestTagRelease_PushOff_LeavesTheRemoteAloneThenAReRunOnlyPushes()
    {
        var remote = _repository.RemoteGit("for-each-ref");

        var (code, output) = Run("--release-push", "false");

        Assert.True(code == 0, output);
        Assert.Contains("// Push: push turned off", output);
        Assert.Equal(remote, _repository.RemoteGit("for-each-ref"));
        var pushed = Run();
        Assert.Contains("// Finish: finished what was left; already done: MergeIntoMain, Tag, MergeIntoDevelop", pushed.Output);
        Assert.Equal(_repository.Git("rev-parse", "main"), _repository.RemoteGit("rev-parse", "main"));
    }

    [Fact]
    public void TestTagRelease_DirtyTree_RefusedNamingTheFile()
    {
        File.WriteAllText(Path.Combine(_repository.Root, "version.txt"), "edited\n");
        var before = _repository.Snapshot();

        var (code, output) = Run();

        Assert.True(code == 1, output);
        Assert.Contains("has uncommitted changes in 'version.txt'", output);
        Assert.Equal(before, _repository.Snapshot());
    }

    [Fact]
    public void TestTagRelease_BehindTheRemote_Refused()
    {
        var stale = _repository.Git("rev-parse", "develop");
        _repository.CommitAndPushOn("develop", "other.txt", "pushed by someone else\n");
        _repository.Git("update-ref", "refs/heads/develop", stale);
        _repository.Git("update-ref", "refs/remotes/origin/develop", stale);

        var (code, output) = Run();

        Assert.True(code == 1, output);
        Assert.Contains("Local branch 'develop' differs from 'origin/develop': 0 commit(s) ahead and 1 behind", output);
        Assert.Equal(stale, _repository.Git("rev-parse", "develop"));
        Assert.Equal("1.0.0", _repository.Git("tag", "--list"));
    }

    [Fact]
    public void TestTagRelease_OnDevelop_RefusedAndNothingTagged()
    {
        _repository.Git("checkout", "-q", "develop");
        var before = _repository.Snapshot();

        var (code, output) = Run();

        Assert.True(code == 1, output);
        Assert.Contains("Branch 'develop' is not a release or hotfix branch", output);
        Assert.Equal(before, _repository.Snapshot());
    }

    [Fact]
    public void TestTagRelease_Conflict_LeavesTheRepositoryAsItWasAndSaysWhatToDo()
    {
        _repository.CommitAndPushOn("main", "version.txt", "changed on main\n");
        var before = _repository.Snapshot();

        var (code, output) = Run();

        Assert.True(code == 1, output);
        Assert.Contains("Merging 'release/1.2.0' into 'main' conflicts in 'version.txt'", output);
        Assert.Contains("git switch release/1.2.0 && git merge main", output);
        Assert.Equal(before, _repository.Snapshot());
    }

    [Fact]
    public void TestTagRelease_WithPromoteRelease_RunsAfterIt()
    {
        var build = new TagAndPromoteBuild();

        var (code, output) = _repository.Run(["TagRelease", "PromoteRelease", "--plan"], () => build);

        Assert.True(code == 0, output);
        Assert.Matches(@"1\. PromoteRelease[\s\S]*2\. TagRelease", output);
        // Target order alone would also put PromoteRelease first; the rule is what keeps it there.
        Assert.Equal(["PromoteRelease"], build.ExecutionPlan.Single(target => target.Name == "TagRelease").OrderAfter.Select(target => target.Name));
    }
}
