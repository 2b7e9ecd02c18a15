using Slipway.Versioning.Configuration;

namespace Slipway.Versioning.Tests.Configuration;

public class BranchMatcherTest
{
    private static readonly GitVersionConfiguration GitFlow = ConfigurationLoader.Defaults();

    [Theory]
    [InlineData("feature/x", "feature")]
    [InlineData("features-x", "feature")]
    [InlineData("Feature/X", "feature")]
    [InlineData("origin/release/1.2.0", "release")]
    [InlineData("refs/remotes/origin/release/1.2.0", "release")]
    [InlineData("release-2.0.0", "release")]
    [InlineData("refs/heads/develop", "develop")]
    [InlineData("hotfixes/1.0.1", "hotfix")]
    [InlineData("hotfix-1.0.1", "hotfix")]
    [InlineData("pull/12", "pull-request")]
    [InlineData("pull-requests/12/merge", "pull-request")]
    [InlineData("pr/7", "pull-request")]
    [InlineData("refs/pull/12/merge", "pull-request")]
    [InlineData("support/1.x", "support")]
    [InlineData("main", "main")]
    [InlineData("master", "main")]
    [InlineData("develop", "develop")]
    [InlineData("dev", "develop")]
    [InlineData("development", "develop")]
    [InlineData("something-else", "unknown")]
    [InlineData("developer", "unknown")]
    [InlineData("mainline", "unknown")]
    [InlineData("feature", "unknown")]
    [InlineData("refs/remotes/upstream/feature/x", "unknown")]
    public void TestForBranch_GitFlow(string branchName, string expected)
    {
        Assert.Equal(expected, GitFlow.ForBranch(branchName).Name);
    }

    [Theory]
    [InlineData("refs/heads/feature/x", "feature/x")]
    [InlineData("refs/remotes/origin/main", "main")]
    [InlineData("origin/main", "main")]
    [InlineData("refs/remotes/upstream/main", "upstream/main")]
    [InlineData("refs/pull/12/merge", "pull/12/merge")]
    [InlineData("refs/pull-requests/3/from", "pull-requests/3/from")]
    [InlineData("main", "main")]
    public void TestShortName(string branchName, string expected)
    {
        Assert.Equal(expected, BranchMatcher.ShortName(branchName));
    }

    [Fact]
    public void TestGroups_NamedGroupsOfTheMatch()
    {
        Assert.Equal("x/y", BranchMatcher.Groups(GitFlow.ForBranch("origin/feature/x/y"), "origin/feature/x/y")!.Groups["BranchName"].Value);
        Assert.Equal("12", BranchMatcher.Groups(GitFlow.ForBranch("pull/12/merge"), "pull/12/merge")!.Groups["Number"].Value);
    }

    [Fact]
    public void TestForBranch_FirstMatchInOrderUserBranchesBeforeUnknown()
    {
        const string yaml = """
            branches:
              unstable:
                regex: ^unstable
              wide:
                regex: ^(feature|unstable|experiment)
            """;

        var configuration = ConfigurationLoader.Parse(yaml, "GitVersion.yml");

        Assert.Equal("feature", configuration.ForBranch("feature/a").Name);
        Assert.Equal("unstable", configuration.ForBranch("unstable/a").Name);
        Assert.Equal("wide", configuration.ForBranch("experiment/a").Name);
        Assert.Equal("unknown", configuration.ForBranch("other").Name);
    }

    [Fact]
    public void TestForBranch_UnknownOnlyWhenItsRegexMatches()
    {
        var configuration = ConfigurationLoader.Parse("branches:\n  unknown:\n    regex: ^x$\n    label: custom\n", "GitVersion.yml");

        Assert.Equal("custom", configuration.ForBranch("x").Label);
        var fallback = configuration.ForBranch("y");
        Assert.Equal("unknown", fallback.Name);
        Assert.Equal("{BranchName}", fallback.Label);
        Assert.Equal(IncrementStrategy.Inherit, fallback.Increment);
        Assert.Null(fallback.Mode);
    }

    [Fact]
    public void TestForBranch_RegexOverride()
    {
        var configuration = ConfigurationLoader.Parse("branches:\n  feature:\n    regex: ^(feature|story)[\\/-](?<BranchName>.+)\n", "GitVersion.yml");

        Assert.Equal("feature", configuration.ForBranch("story/42").Name);
    }
}
