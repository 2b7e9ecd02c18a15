using Slipway.Versioning.Ci;

namespace Slipway.Versioning.Tests.Ci;

public class BranchResolverTest
{
    private static ResolvedBranch? Resolve(params (string Key, string Value)[] variables) =>
        BranchResolver.FromEnvironment(variables.ToDictionary(x => x.Key, x => (string?)x.Value));

    [Fact]
    public void TestCodeBuild_WebhookHeadRefWins() =>
        Assert.Equal(new ResolvedBranch("feature/PAY-12", "CODEBUILD_WEBHOOK_HEAD_REF"), Resolve(
            ("CODEBUILD_BUILD_ID", "p:1"), ("CODEBUILD_WEBHOOK_HEAD_REF", "refs/heads/feature/PAY-12"), ("CODEBUILD_SOURCE_VERSION", "develop")));

    [Theory]
    [InlineData("develop", "develop")]
    [InlineData("refs/heads/release/1.2.0", "release/1.2.0")]
    [InlineData("main^{3f1c2a9b8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a}", "main")]
    [InlineData("pr/7", "pr/7")]
    public void TestCodeBuild_SourceVersionWhenBranchLike(string sourceVersion, string branch) =>
        Assert.Equal(new ResolvedBranch(branch, "CODEBUILD_SOURCE_VERSION"), Resolve(("CODEBUILD_BUILD_ID", "p:1"), ("CODEBUILD_SOURCE_VERSION", sourceVersion)));

    [Theory]
    [InlineData("3f1c2a9b8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a")]
    [InlineData("arn:aws:s3:::codepipeline-artifacts/slipway/SourceArti/abc.zip")]
    [InlineData("refs/tags/v1.0.0")]
    public void TestCodeBuild_SourceVersionThatIsNotABranch(string sourceVersion) =>
        Assert.Null(Resolve(("CODEBUILD_BUILD_ID", "p:1"), ("CODEBUILD_SOURCE_VERSION", sourceVersion)));

    [Fact]
    public void TestCodeBuild_WebhookTagRefFallsBackToSourceVersion() =>
        Assert.Null(Resolve(("CODEBUILD_BUILD_ID", "p:1"), ("CODEBUILD_WEBHOOK_HEAD_REF", "refs/tags/v1.0.0"), ("CODEBUILD_SOURCE_VERSION", "refs/tags/v1.0.0")));

    [Fact]
    public void TestGitHubActions()
    {
        Assert.Equal("develop", Resolve(("GITHUB_ACTIONS", "true"), ("GITHUB_REF", "refs/heads/develop"))!.Name);
        Assert.Equal("feature/x", Resolve(("GITHUB_ACTIONS", "true"), ("GITHUB_REF", "refs/pull/5/merge"), ("GITHUB_HEAD_REF", "feature/x"))!.Name);
        Assert.Equal("pull/5", Resolve(("GITHUB_ACTIONS", "true"), ("GITHUB_REF", "refs/pull/5/merge"))!.Name);
        Assert.Null(Resolve(("GITHUB_ACTIONS", "true"), ("GITHUB_REF", "refs/tags/v1")));
    }

    [Fact]
    public void TestGitLabJenkinsAzure()
    {
        Assert.Equal("develop", Resolve(("GITLAB_CI", "true"), ("CI_COMMIT_REF_NAME", "develop"))!.Name);
        Assert.Null(Resolve(("GITLAB_CI", "true"), ("CI_COMMIT_REF_NAME", "v1.0.0"), ("CI_COMMIT_TAG", "v1.0.0")));
        Assert.Equal("hotfix/x", Resolve(("JENKINS_URL", "http://j"), ("GIT_BRANCH", "origin/hotfix/x"))!.Name);
        Assert.Equal("main", Resolve(("TF_BUILD", "True"), ("BUILD_SOURCEBRANCH", "refs/heads/main"))!.Name);
    }

    [Fact]
    public void TestNoCi_Null() => Assert.Null(Resolve(("CI", "true")));
}
