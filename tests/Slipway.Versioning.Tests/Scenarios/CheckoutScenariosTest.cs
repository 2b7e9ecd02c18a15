using Slipway.Versioning.Tests.Git;

namespace Slipway.Versioning.Tests.Scenarios;

/// <summary>CI checkouts: detached HEADs, CI branch variables, shallow clones, archives without .git, and other bad input.</summary>
public class CheckoutScenariosTest
{
    private static TestRepository GitFlow()
    {
        var repo = new TestRepository();
        repo.MakeCommit("Initial commit");
        repo.Tag("1.0.0");
        repo.Branch("develop");
        repo.MakeCommit();
        repo.Branch("feature/checkout");
        repo.MakeCommit();
        return repo;
    }

    private static Task<VersionResult> Version(string path, string? branch = null, Dictionary<string, string?>? environment = null, bool allowShallow = false) =>
        VersionCalculator.CalculateAsync(new VersionRequest(path) { Branch = branch, Environment = environment ?? new(), AllowShallow = allowShallow });

    [Fact]
    public async Task TestDetachedHead_TheOnlyBranchAtHeadIsUsed()
    {
        using var repo = GitFlow();
        repo.Detach();
        var result = await Version(repo.Path);
        Assert.Equal("1.1.0-checkout.1+2", result.FullSemVer);
        Assert.Equal("feature/checkout", result.Variables.BranchName);
        Assert.Equal("the only branch containing the detached HEAD", result.BranchSource);
    }

    [Fact]
    public async Task TestDetachedHead_SeveralBranchesNeedTheBranchParameter()
    {
        using var repo = GitFlow();
        repo.Branch("feature/other");
        repo.Detach();
        var error = await Assert.ThrowsAsync<VersioningException>(() => Version(repo.Path));
        Assert.Contains("several branches contain it (feature/checkout, feature/other)", error.Message);
        Assert.Contains("--branch NAME", error.Message);
        Assert.Equal("1.1.0-other.1+2", (await Version(repo.Path, branch: "feature/other")).FullSemVer);
    }

    [Fact]
    public async Task TestCodeBuild_WebhookHeadRefNamesTheBranchOfADetachedHead()
    {
        using var repo = GitFlow();
        repo.Branch("feature/other");
        repo.Detach();
        var result = await Version(repo.Path, environment: new()
        {
            ["CODEBUILD_BUILD_ID"] = "svc:1",
            ["CODEBUILD_WEBHOOK_HEAD_REF"] = "refs/heads/feature/checkout",
            ["CODEBUILD_SOURCE_VERSION"] = repo.Sha(),
        });
        Assert.Equal("1.1.0-checkout.1+2", result.FullSemVer);
        Assert.Equal("CODEBUILD_WEBHOOK_HEAD_REF", result.BranchSource);
    }

    [Fact]
    public async Task TestCodeBuild_PipelineArnIsNotTakenForABranch()
    {
        using var repo = GitFlow();
        repo.Detach();
        var result = await Version(repo.Path, environment: new()
        {
            ["CODEBUILD_BUILD_ID"] = "svc:1",
            ["CODEBUILD_SOURCE_VERSION"] = "arn:aws:s3:::codepipeline-eu-west-1-1234/svc/SourceArti/Ab12Cd",
        });
        Assert.Equal("feature/checkout", result.Variables.BranchName);
    }

    [Fact]
    public async Task TestShallowClone_IsDeepenedFromItsRemote()
    {
        using var origin = GitFlow();
        origin.Checkout("develop");
        using var clone = origin.CloneShallow(1, "feature/checkout");
        var result = await Version(clone.Path);
        Assert.Equal("1.1.0-checkout.1+2", result.FullSemVer);
        Assert.Equal("false", clone.Run("rev-parse", "--is-shallow-repository"));
    }

    [Fact]
    public async Task TestShallowClone_WithoutRemoteFailsUnlessAllowed()
    {
        using var origin = GitFlow();
        using var clone = origin.CloneShallow(1, "feature/checkout");
        clone.Run("remote", "remove", "origin");
        var error = await Assert.ThrowsAsync<VersioningException>(() => Version(clone.Path));
        Assert.Contains("is a shallow clone and it has no remote to fetch from", error.Message);
        Assert.Contains("Clone with full history", error.Message);

        var allowed = await Version(clone.Path, allowShallow: true);
        Assert.Contains(allowed.Warnings, x => x.Contains("Continuing because a shallow clone was allowed"));
    }

    [Fact]
    public async Task TestNoGit_ExplainsTheFullCloneOption()
    {
        var folder = Directory.CreateTempSubdirectory("slipway-nogit-").FullName;
        try
        {
            var error = await Assert.ThrowsAsync<VersioningException>(() => Version(folder));
            Assert.Contains("is not inside a git repository", error.Message);
            Assert.Contains("'Full clone'", error.Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task TestEmptyRepository_SaysToCommitFirst()
    {
        using var repo = new TestRepository();
        var error = await Assert.ThrowsAsync<VersioningException>(() => Version(repo.Path));
        Assert.Contains("has no commits yet", error.Message);
    }

    [Fact]
    public async Task TestMalformedConfiguration_NamesFileAndLine()
    {
        using var repo = new TestRepository();
        repo.MakeCommit();
        repo.WriteFile("GitVersion.yml", "mode: ContinuousDelivery\nbranches:\n  develop: [unclosed\n");
        var error = await Assert.ThrowsAsync<VersioningException>(() => Version(repo.Path));
        Assert.Contains("GitVersion.yml", error.Message);
        Assert.Matches(@"line [34], column \d+: not valid YAML", error.Message);
    }

    [Fact]
    public async Task TestUnrelatedHistories_DoNotBreakTheComputation()
    {
        using var repo = GitFlow();
        repo.Run("checkout", "-q", "--orphan", "gh-pages");
        repo.MakeCommit("pages");
        repo.Tag("7.0.0");
        repo.Checkout("develop");
        await repo.AssertFullSemVer("1.1.0-alpha.1");
    }
}
