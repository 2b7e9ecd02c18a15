using Slipway.Versioning.Configuration;

namespace Slipway.Versioning.Tests.Configuration;

public partial class ConfigurationLoaderTest
{
    [Theory]
    [InlineData("2", "2.0.0")]
    [InlineData("'2'", "2.0.0")]
    [InlineData("2.1", "2.1.0")]
    [InlineData("2.10", "2.10.0")]
    [InlineData("2.1.0", "2.1.0")]
    [InlineData("v3.0.1", "3.0.1")]
    [InlineData("1.0.0-beta.1", "1.0.0-beta.1")]
    [InlineData("1.2-rc+build.5", "1.2.0-rc+build.5")]
    public void TestParse_NextVersionForms(string written, string expected)
    {
        Assert.Equal(expected, ConfigurationLoader.Parse($"next-version: {written}", "GitVersion.yml").NextVersion);
    }

    [Theory]
    [InlineData("two")]
    [InlineData("1.2.3.4")]
    [InlineData("1..2")]
    public void TestParse_NextVersionInvalid(string written)
    {
        var exception = Assert.Throws<ConfigurationException>(() => ConfigurationLoader.Parse($"next-version: {written}", "GitVersion.yml"));

        Assert.EndsWith($"'next-version' is '{written}'; use a version such as 2, 2.1, 2.1.0 or 2.1.0-beta.1.", Assert.Single(exception.Problems));
    }

    [Fact]
    public void TestParse_CommitsBeforeWithOffset()
    {
        var configuration = ConfigurationLoader.Parse("ignore:\n  commits-before: 2015-10-23T12:23:15Z\n", "GitVersion.yml");

        Assert.Equal(new DateTimeOffset(2015, 10, 23, 12, 23, 15, TimeSpan.Zero), configuration.IgnoreCommitsBefore);
    }

    [Fact]
    public void TestParse_CommitsBeforeWithoutOffsetIsLocalTime()
    {
        var configuration = ConfigurationLoader.Parse("ignore:\n  commits-before: 2015-10-23T12:23:15\n", "GitVersion.yml");

        var local = new DateTimeOffset(new DateTime(2015, 10, 23, 12, 23, 15, DateTimeKind.Local));
        Assert.Equal(local, configuration.IgnoreCommitsBefore);
        Assert.Equal(local.Offset, configuration.IgnoreCommitsBefore!.Value.Offset);
    }

    [Fact]
    public void TestParse_CommitsBeforeDateOnlyAndOffset()
    {
        Assert.Equal(
            new DateTimeOffset(2024, 2, 29, 0, 0, 0, TimeSpan.FromHours(2)),
            ConfigurationLoader.Parse("ignore:\n  commits-before: 2024-02-29T00:00:00+02:00\n", "GitVersion.yml").IgnoreCommitsBefore);
        Assert.Equal(
            new DateTime(2024, 2, 29),
            ConfigurationLoader.Parse("ignore:\n  commits-before: 2024-02-29\n", "GitVersion.yml").IgnoreCommitsBefore!.Value.DateTime);
    }

    [Fact]
    public void TestParse_CommitsBeforeInvalid()
    {
        var exception = Assert.Throws<ConfigurationException>(() => ConfigurationLoader.Parse("ignore:\n  commits-before: yesterday\n", "GitVersion.yml"));

        Assert.Equal(
            "'GitVersion.yml' line 2, column 19: 'ignore.commits-before' is 'yesterday'; use a date and time such as 2015-10-23T12:23:15 (local time) or 2015-10-23T12:23:15Z (UTC).",
            Assert.Single(exception.Problems));
    }

    [Fact]
    public void TestParse_IgnoreShasAndPaths()
    {
        const string yaml = """
            ignore:
              sha: [e7bc24c0f34728a25c9187b8d0b041d935763e3a, 764e16321318f2fdb9cdeaa56d1156a1cba307d7]
              paths:
                - ^docs\/
                - (?i)^README
            """;

        var configuration = ConfigurationLoader.Parse(yaml, "GitVersion.yml");

        Assert.Equal(["e7bc24c0f34728a25c9187b8d0b041d935763e3a", "764e16321318f2fdb9cdeaa56d1156a1cba307d7"], configuration.IgnoreShas);
        Assert.Equal([@"^docs\/", "(?i)^README"], configuration.IgnorePaths);
    }

    [Fact]
    public void TestParse_TopLevelValues()
    {
        const string yaml = """
            mode: ContinuousDeployment
            label: ci
            increment: Minor
            tag-prefix: 'release-'
            version-in-branch-pattern: '(?<version>\d+\.\d+)'
            major-version-bump-message: '^(BREAKING CHANGE|feat!)'
            minor-version-bump-message: '^feat'
            patch-version-bump-message: '^fix'
            no-bump-message: '^chore'
            commit-message-incrementing: MergeMessageOnly
            semantic-version-format: Loose
            prevent-increment:
              of-merged-branch: true
              when-branch-merged: true
              when-current-commit-tagged: false
            track-merge-target: true
            track-merge-message: false
            tag-pre-release-weight: 50000
            commit-date-format: yyyyMMdd
            merge-message-formats:
              tfs: '^Merged (?:PR (?<PullRequestNumber>\d+)): Merge (?<SourceBranch>.+) to (?<TargetBranch>.+)'
            """;

        var configuration = ConfigurationLoader.Parse(yaml, "GitVersion.yml");

        Assert.Equal(DeploymentMode.ContinuousDeployment, configuration.Mode);
        Assert.Equal("ci", configuration.Label);
        Assert.Equal(IncrementStrategy.Minor, configuration.Increment);
        Assert.Equal("release-", configuration.TagPrefix);
        Assert.Equal(@"(?<version>\d+\.\d+)", configuration.VersionInBranchPattern);
        Assert.Equal("^(BREAKING CHANGE|feat!)", configuration.MajorVersionBumpMessage);
        Assert.Equal("^feat", configuration.MinorVersionBumpMessage);
        Assert.Equal("^fix", configuration.PatchVersionBumpMessage);
        Assert.Equal("^chore", configuration.NoBumpMessage);
        Assert.Equal(CommitMessageIncrementMode.MergeMessageOnly, configuration.CommitMessageIncrementing);
        Assert.Equal(SemanticVersionFormat.Loose, configuration.SemanticVersionFormat);
        Assert.True(configuration.PreventIncrementOfMergedBranch);
        Assert.True(configuration.PreventIncrementWhenBranchMerged);
        Assert.False(configuration.PreventIncrementWhenCurrentCommitTagged);
        Assert.True(configuration.TrackMergeTarget);
        Assert.False(configuration.TrackMergeMessage);
        Assert.Equal(50000, configuration.TagPreReleaseWeight);
        Assert.Equal("yyyyMMdd", configuration.CommitDateFormat);
        Assert.Equal(@"^Merged (?:PR (?<PullRequestNumber>\d+)): Merge (?<SourceBranch>.+) to (?<TargetBranch>.+)", configuration.MergeMessageFormats["tfs"]);
        Assert.Empty(configuration.Warnings);
    }

    [Fact]
    public void TestParse_BranchValues()
    {
        const string yaml = """
            branches:
              release:
                mode: ContinuousDeployment
                label: rc
                increment: Patch
                prevent-increment:
                  of-merged-branch: false
                  when-branch-merged: true
                track-merge-target: true
                track-merge-message: false
                tracks-release-branches: true
                is-release-branch: false
                is-main-branch: true
                pre-release-weight: 40000
                commit-message-incrementing: Disabled
                label-number-pattern: '[/-](?<number>\d+)'
            """;

        var release = ConfigurationLoader.Parse(yaml, "GitVersion.yml").Named("release")!;

        Assert.Equal(DeploymentMode.ContinuousDeployment, release.Mode);
        Assert.Equal("rc", release.Label);
        Assert.Equal(IncrementStrategy.Patch, release.Increment);
        Assert.False(release.PreventIncrementOfMergedBranch);
        Assert.True(release.PreventIncrementWhenBranchMerged);
        Assert.False(release.PreventIncrementWhenCurrentCommitTagged);
        Assert.True(release.TrackMergeTarget);
        Assert.False(release.TrackMergeMessage);
        Assert.True(release.TracksReleaseBranches);
        Assert.False(release.IsReleaseBranch);
        Assert.True(release.IsMainBranch);
        Assert.Equal(40000, release.PreReleaseWeight);
        Assert.Equal(CommitMessageIncrementMode.Disabled, release.CommitMessageIncrementing);
        Assert.Equal(@"[/-](?<number>\d+)", release.LabelNumberPattern);
        Assert.Equal(@"^releases?[\/-](?<BranchName>.+)", release.RegularExpression);
    }

    [Fact]
    public void TestParse_NullMeansUnset()
    {
        const string yaml = """
            label: ~
            tag-prefix: null
            branches:
              develop:
                label: ~
                mode:
                prevent-increment:
                  when-current-commit-tagged: ~
              main:
                label: ''
            """;

        var configuration = ConfigurationLoader.Parse(yaml, "GitVersion.yml");

        Assert.Equal("{BranchName}", configuration.Label);
        Assert.Equal("[vV]?", configuration.TagPrefix);
        Assert.Null(configuration.Named("develop")!.Label);
        Assert.Null(configuration.Named("develop")!.Mode);
        Assert.Null(configuration.Named("develop")!.PreventIncrementWhenCurrentCommitTagged);
        Assert.Equal("", configuration.Named("main")!.Label);
    }

    [Fact]
    public void TestParse_IsSourceBranchForAddsToTheNamedBranches()
    {
        const string yaml = """
            branches:
              unstable:
                regex: ^unstable[\/-]
                source-branches: [main]
                is-source-branch-for: [feature, hotfix, release]
            """;

        var configuration = ConfigurationLoader.Parse(yaml, "GitVersion.yml");

        Assert.Equal(["develop", "main", "release", "support", "hotfix", "unstable"], configuration.Named("feature")!.SourceBranches);
        Assert.Equal(["main", "support", "unstable"], configuration.Named("hotfix")!.SourceBranches);
        Assert.Equal(["main", "support", "unstable"], configuration.Named("release")!.SourceBranches);
        Assert.Equal(["feature", "hotfix", "release"], configuration.Named("unstable")!.IsSourceBranchFor);
        Assert.Equal(["main"], configuration.Named("unstable")!.SourceBranches);
    }

    [Fact]
    public void TestParse_EmptyFileIsTheDefaults()
    {
        var configuration = ConfigurationLoader.Parse("# nothing here\n", "GitVersion.yml");

        Assert.Equal("GitFlow/v1", configuration.Workflow);
        Assert.Equal("GitVersion.yml", configuration.SourceFile);
        Assert.Equal(8, configuration.Branches.Count);
    }
}
