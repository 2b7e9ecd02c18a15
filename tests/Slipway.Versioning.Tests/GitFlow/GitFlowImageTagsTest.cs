using Slipway.Versioning.GitFlow;

namespace Slipway.Versioning.Tests.GitFlow;

public class GitFlowImageTagsTest
{
    static VersionResult Version(string branch, string? candidate, string? promoted) =>
        new(new VersionVariables(new Dictionary<string, string?> { ["FullSemVer"] = "1.4.0" }), GitFlowBranch.Classify(branch),
            new ImageTags(candidate, promoted, GitFlowEnvironment.None), "parameter", []);

    [Fact]
    public void TestCandidateTag_IsTheBranchTemplatesTag()
    {
        Assert.Equal("1.4.0-snapshot-3", Version("develop", "1.4.0-snapshot-3", null).CandidateTag());
    }

    [Fact]
    public void TestCandidateTag_MainIsPromotedNotBuilt()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Version("main", "1.4.0", "1.4.0").CandidateTag());
        Assert.Equal(
            "Branch 'main' is the main branch: its images are release candidates promoted to production (PromoteRelease), not built. Build on develop, a feature, release or hotfix branch.",
            error.Message);
    }

    [Fact]
    public void TestCandidateTag_ABranchWithoutTemplateBuildsNothing()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Version("experiment", null, null).CandidateTag());
        Assert.StartsWith("Branch 'experiment' is a Other branch, which has no image tag template", error.Message);
        Assert.Contains("or pass --branch", error.Message);
    }

    [Fact]
    public void TestBuildTag_RehearsingOnMainIsTheReleaseTagElsewhereTheCandidateTag()
    {
        Assert.Equal("1.4.0", Version("main", "1.4.0", "1.4.0").BuildTag(rehearseRelease: true));
        Assert.Equal("1.4.0-snapshot-3", Version("develop", "1.4.0-snapshot-3", null).BuildTag(rehearseRelease: true));
        Assert.Equal("1.4.0-candidate-2", Version("release/1.4.0", "1.4.0-candidate-2", "1.4.0").BuildTag(rehearseRelease: true));
        Assert.Throws<InvalidOperationException>(() => Version("main", "1.4.0", "1.4.0").BuildTag(rehearseRelease: false));
    }

    [Fact]
    public void TestBuildTag_RehearsingOnMainWithoutReleaseTemplate_SaysSo()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Version("main", null, null).BuildTag(rehearseRelease: true));
        Assert.Equal("Branch 'main' has no release tag: the image tag scheme gives main none, so there is no release to rehearse.", error.Message);
    }

    [Fact]
    public void TestPromotionTags_OnAReleaseBranchAreItsCandidateAndRelease()
    {
        Assert.Equal(new PromotionTags("1.4.0-candidate-2", "1.4.0"), Version("release/1.4.0", "1.4.0-candidate-2", "1.4.0").PromotionTags());
    }

    [Fact]
    public void TestPromotionTags_GivenTagsWin()
    {
        Assert.Equal(new PromotionTags("1.3.0-candidate-9", "1.3.0"), Version("release/1.4.0", "1.4.0-candidate-2", "1.4.0").PromotionTags("1.3.0-candidate-9", "1.3.0"));
    }

    [Fact]
    public void TestPromotionTags_OnMainTheReleaseIsThePromotedTag()
    {
        Assert.Equal(new PromotionTags("1.4.0-candidate-2", "1.4.0"), Version("main", "1.4.0", "1.4.0").PromotionTags("1.4.0-candidate-2"));
    }

    [Fact]
    public void TestPromotionTags_ADevelopBranchHasNoCandidate()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Version("develop", "1.4.0-snapshot-3", null).PromotionTags());
        Assert.StartsWith("Branch 'develop' is a Develop branch, not a release or hotfix branch, so it has no candidate to promote.", error.Message);
    }

    [Fact]
    public void TestPromotionTags_AGivenCandidateOnAnotherBranchNeedsTheReleaseTag()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Version("develop", "1.4.0-snapshot-3", null).PromotionTags("1.4.0-candidate-2"));
        Assert.Equal("Branch 'develop' has no release tag to promote '1.4.0-candidate-2' as. Pass --release-tag <tag>, e.g. 1.4.0.", error.Message);
    }
}
