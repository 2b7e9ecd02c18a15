using Slipway.Versioning.GitFlow;

namespace Slipway.Versioning.Tests.GitFlow;

public class ImageTagSchemeTest
{
    private static readonly Dictionary<string, string?> Variables = new()
    {
        ["MajorMinorPatch"] = "1.3.0",
        ["CommitsSinceVersionSource"] = "7",
        ["SemVer"] = "1.3.0-beta.1",
        ["ShortSha"] = "abc1234",
    };

    [Theory]
    [InlineData("feature/checkout", "feature-checkout-7", null, GitFlowEnvironment.Development)]
    [InlineData("bugfix/issue-9", "feature-issue-9-7", null, GitFlowEnvironment.Development)]
    [InlineData("develop", "1.3.0-snapshot-7", null, GitFlowEnvironment.Development)]
    [InlineData("release/1.3.0", "1.3.0-candidate-7", "1.3.0", GitFlowEnvironment.Staging)]
    [InlineData("hotfix/login", "1.3.0-hotfix-login-7", "1.3.0-hotfix-login", GitFlowEnvironment.Staging)]
    [InlineData("main", "1.3.0", "1.3.0", GitFlowEnvironment.Production)]
    [InlineData("experiment", null, null, GitFlowEnvironment.None)]
    public void TestRender_DefaultScheme(string branch, string? candidate, string? promoted, GitFlowEnvironment environment)
    {
        var tags = new ImageTagScheme().Render(GitFlowBranch.Classify(branch), Variables);
        Assert.Equal(new ImageTags(candidate, promoted, environment), tags);
    }

    [Fact]
    public void TestRender_MainAfterAHotfixUsesTheHotfixPromotedTag()
    {
        var tags = new ImageTagScheme().Render(GitFlowBranch.Classify("main"), Variables, GitFlowBranch.Classify("hotfix/login"));
        Assert.Equal("1.3.0-hotfix-login", tags.Candidate);
    }

    [Fact]
    public void TestRender_CustomTemplatesAndEnvironments()
    {
        var scheme = new ImageTagScheme();
        scheme.Candidates[BranchKind.Develop] = "dev-{ShortSha}";
        scheme.Environments[BranchKind.Support] = GitFlowEnvironment.Staging;
        Assert.Equal("dev-abc1234", scheme.Render(GitFlowBranch.Classify("develop"), Variables).Candidate);
        Assert.Equal(GitFlowEnvironment.Staging, scheme.Render(GitFlowBranch.Classify("support/1.x"), Variables).Environment);
    }

    [Fact]
    public void TestRender_InvalidTagsAndUnknownTokensFailClearly()
    {
        var scheme = new ImageTagScheme();
        scheme.Candidates[BranchKind.Develop] = "{Version}+{Revision}";
        var invalid = Assert.Throws<ImageTagException>(() => scheme.Render(GitFlowBranch.Classify("develop"), Variables));
        Assert.Contains("'1.3.0+7'", invalid.Message);
        Assert.Contains("not a valid Docker tag", invalid.Message);

        scheme.Candidates[BranchKind.Develop] = "{Nope}";
        var unknown = Assert.Throws<ImageTagException>(() => scheme.Render(GitFlowBranch.Classify("develop"), Variables));
        Assert.Contains("unknown token '{Nope}'", unknown.Message);
    }
}
