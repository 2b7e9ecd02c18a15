using Slipway.Versioning;
using Slipway.Versioning.GitFlow;
using Xunit.Abstractions;

namespace Slipway.Pipeline.Tests.GitFlow;

/// <summary>The harness the end-to-end test runs in: the branches, merges, tags and remote it makes, and the versions Slipway computes for them.</summary>
public sealed class GitFlowRepositoryTest(ITestOutputHelper output) : IDisposable
{
    private readonly GitFlowRepository _repository = new();

    public void Dispose() => _repository.Dispose();

    [Fact]
    public async Task TestCreate_MainTaggedDevelopCheckedOut_BothOnTheRemoteWithTheTag()
    {
        Assert.Equal("develop", _repository.CurrentBranch);
        Assert.Equal(["1.0.0"], _repository.Tags());
        Assert.Equal(["1.0.0"], _repository.Tags(onRemote: true));
        foreach (var branch in new[] { "main", "develop" })
            Assert.Equal(_repository.Resolve(branch), _repository.Resolve(branch, onRemote: true));
        Assert.Equal(_repository.Resolve("1.0.0"), _repository.Resolve("main"));
        Assert.Equal("", _repository.Git("status", "--porcelain"));
        Assert.True(File.Exists(Path.Combine(_repository.Root, "busybox")), "the build context needs the static busybox");
        Assert.Equal("", _repository.Git("ls-files", "busybox"));

        var main = await Version(_repository.Checkout("main"));
        Assert.Equal(("1.0.0", BranchKind.Main, "1.0.0"), (main.FullSemVer, main.Branch.Kind, main.ImageTags.Promoted));
        Assert.Equal("Production", main.Branch.DefaultEnvironment.ToString());
    }

    [Fact]
    public async Task TestFeature_StartedChangedAndFinished_VersionsTagsAndTheMergeIntoDevelop()
    {
        _repository.StartFeature("login");
        _repository.Change("Login page");
        var tip = _repository.Change("Login form");

        var feature = await Version(_repository);
        Assert.Equal((BranchKind.Feature, "login", "Development"), (feature.Branch.Kind, feature.Branch.Id, feature.Branch.DefaultEnvironment.ToString()));
        Assert.Equal("1.1.0-login.1+2", feature.FullSemVer);
        Assert.Equal("feature-login-2", feature.CandidateTag());

        _repository.FinishFeature("login");

        Assert.Equal("develop", _repository.CurrentBranch);
        Assert.Equal($"{_repository.Resolve("develop~1")} {tip}", _repository.Git("log", "-1", "--format=%P"));
        Assert.Equal(_repository.Resolve("develop"), _repository.Resolve("develop", onRemote: true));
        var develop = await Version(_repository);
        Assert.Equal((BranchKind.Develop, "Development"), (develop.Branch.Kind, develop.Branch.DefaultEnvironment.ToString()));
        Assert.Equal("1.1.0-alpha.3", develop.FullSemVer);
        Assert.Equal("1.1.0-snapshot-3", develop.CandidateTag());
    }

    [Fact]
    public async Task TestReleaseAndHotfix_Started_AreStagingCandidatesWithTheirPromotionTags()
    {
        _repository.StartFeature("search").Change("Search");
        _repository.FinishFeature("search").StartRelease("1.1.0").Change("Release notes");

        var release = await Version(_repository);
        Assert.Equal((BranchKind.Release, "Staging"), (release.Branch.Kind, release.Branch.DefaultEnvironment.ToString()));
        Assert.Equal("1.1.0-beta.1+3", release.FullSemVer);
        Assert.Equal(new PromotionTags("1.1.0-candidate-3", "1.1.0"), release.PromotionTags());

        _repository.StartHotfix("1.0.1").Change("Fix the crash");

        var hotfix = await Version(_repository);
        Assert.Equal((BranchKind.Hotfix, "1.0.1", "Staging"), (hotfix.Branch.Kind, hotfix.Branch.Id, hotfix.Branch.DefaultEnvironment.ToString()));
        Assert.Equal("1.0.1-beta.1+1", hotfix.FullSemVer);
        Assert.Equal(new PromotionTags("1.0.1-hotfix-1.0.1-1", "1.0.1-hotfix-1.0.1"), hotfix.PromotionTags());
        Assert.Equal(_repository.Resolve("main"), _repository.Resolve("hotfix/1.0.1~1"));
        Assert.Null(_repository.Resolve("release/1.1.0", onRemote: true));
        _repository.Push("release/1.1.0");
        Assert.Equal(_repository.Resolve("release/1.1.0"), _repository.Resolve("release/1.1.0", onRemote: true));
    }

    [Fact]
    public async Task TestRun_ABuildInTheWorkTree_SeesTheBranchVersionAndLeavesTheTreeClean()
    {
        _repository.StartFeature("search").Change("Search");

        var (code, log) = _repository.Run(new VersionBuild(), "Version");
        output.WriteLine(log);

        Assert.True(code == 0, log);
        Assert.Contains((await _repository.VersionAsync()).FullSemVer, log);
        Assert.Contains("feature-search-1", log);
        Assert.Equal("", _repository.Git("status", "--porcelain", "--untracked-files=all"));
    }

    private async Task<VersionResult> Version(GitFlowRepository repository)
    {
        var version = await repository.VersionAsync();
        output.WriteLine($"{version.Branch.Name}: {version.FullSemVer}, image tags {version.ImageTags}");
        return version;
    }
}

/// <summary>A build of the sample's repository with the Version target only.</summary>
public sealed class VersionBuild : SlipwayBuild, Slipway.Components.IVersion;
