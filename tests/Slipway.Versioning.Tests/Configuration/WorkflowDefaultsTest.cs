using Slipway.Versioning.Configuration;

namespace Slipway.Versioning.Tests.Configuration;

public class WorkflowDefaultsTest
{
    private static readonly GitVersionConfiguration GitFlow = ConfigurationLoader.Defaults();

    [Theory]
    [InlineData("main", "^master$|^main$", "", IncrementStrategy.Patch, null, 55000)]
    [InlineData("develop", "^dev(elop)?(ment)?$", "alpha", IncrementStrategy.Minor, DeploymentMode.ContinuousDelivery, 0)]
    [InlineData("release", @"^releases?[\/-](?<BranchName>.+)", "beta", IncrementStrategy.Minor, DeploymentMode.ManualDeployment, 30000)]
    [InlineData("feature", @"^features?[\/-](?<BranchName>.+)", "{BranchName}", IncrementStrategy.Inherit, DeploymentMode.ManualDeployment, 30000)]
    [InlineData("pull-request", @"^(pull-requests|pull|pr)[\/-](?<Number>\d*)", "PullRequest{Number}", IncrementStrategy.Inherit, DeploymentMode.ContinuousDelivery, 30000)]
    [InlineData("hotfix", @"^hotfix(es)?[\/-](?<BranchName>.+)", "beta", IncrementStrategy.Inherit, DeploymentMode.ManualDeployment, 30000)]
    [InlineData("support", @"^support[\/-](?<BranchName>.+)", "", IncrementStrategy.Patch, null, 55000)]
    [InlineData("unknown", "(?<BranchName>.+)", "{BranchName}", IncrementStrategy.Inherit, DeploymentMode.ManualDeployment, null)]
    public void TestGitFlow_BranchTable(string name, string regex, string label, IncrementStrategy increment, DeploymentMode? mode, int? weight)
    {
        var branch = GitFlow.Named(name)!;

        Assert.Equal(regex, branch.RegularExpression);
        Assert.Equal(label, branch.Label);
        Assert.Equal(increment, branch.Increment);
        Assert.Equal(mode, branch.Mode);
        Assert.Equal(weight, branch.PreReleaseWeight);
    }

    [Theory]
    [InlineData("main", "")]
    [InlineData("develop", "main")]
    [InlineData("release", "main,support")]
    [InlineData("feature", "develop,main,release,support,hotfix")]
    [InlineData("pull-request", "develop,main,release,feature,support,hotfix")]
    [InlineData("hotfix", "main,support")]
    [InlineData("support", "main")]
    [InlineData("unknown", "main,develop,release,feature,pull-request,hotfix,support")]
    public void TestGitFlow_SourceBranches(string name, string sources)
    {
        var branch = GitFlow.Named(name)!;

        Assert.Equal(sources, string.Join(",", branch.SourceBranches!));
        Assert.Empty(branch.IsSourceBranchFor!);
    }

    [Theory]
    //          branch          of-merged when-merged tagged  merge-target merge-msg tracks-rel is-release is-main
    [InlineData("main", true, null, null, false, true, false, false, true)]
    [InlineData("develop", null, null, false, true, true, true, false, false)]
    [InlineData("release", true, null, false, false, null, false, true, false)]
    [InlineData("feature", null, null, false, null, true, null, null, false)]
    [InlineData("pull-request", true, null, false, null, true, null, null, null)]
    [InlineData("hotfix", null, null, false, null, null, null, true, false)]
    [InlineData("support", true, null, null, false, null, false, false, true)]
    [InlineData("unknown", null, null, true, null, null, null, null, false)]
    public void TestGitFlow_BranchFlags(
        string name, bool? ofMergedBranch, bool? whenBranchMerged, bool? whenCurrentCommitTagged, bool? trackMergeTarget,
        bool? trackMergeMessage, bool? tracksReleaseBranches, bool? isReleaseBranch, bool? isMainBranch)
    {
        var branch = GitFlow.Named(name)!;

        Assert.Equal(ofMergedBranch, branch.PreventIncrementOfMergedBranch);
        Assert.Equal(whenBranchMerged, branch.PreventIncrementWhenBranchMerged);
        Assert.Equal(whenCurrentCommitTagged, branch.PreventIncrementWhenCurrentCommitTagged);
        Assert.Equal(trackMergeTarget, branch.TrackMergeTarget);
        Assert.Equal(trackMergeMessage, branch.TrackMergeMessage);
        Assert.Equal(tracksReleaseBranches, branch.TracksReleaseBranches);
        Assert.Equal(isReleaseBranch, branch.IsReleaseBranch);
        Assert.Equal(isMainBranch, branch.IsMainBranch);
        Assert.Null(branch.CommitMessageIncrementing);
        Assert.Null(branch.LabelNumberPattern);
    }

    [Fact]
    public void TestGitFlow_MatchingOrderUnknownLast()
    {
        Assert.Equal(
            ["develop", "main", "release", "feature", "pull-request", "hotfix", "support", "unknown"],
            GitFlow.Branches.Select(x => x.Name));
    }

    [Fact]
    public void TestGitFlow_TopLevel()
    {
        Assert.Equal("GitFlow/v1", GitFlow.Workflow);
        Assert.Equal(DeploymentMode.ContinuousDelivery, GitFlow.Mode);
        Assert.Equal("{BranchName}", GitFlow.Label);
        Assert.Equal(IncrementStrategy.Inherit, GitFlow.Increment);
        Assert.Null(GitFlow.NextVersion);
        Assert.Equal("[vV]?", GitFlow.TagPrefix);
        Assert.Equal(@"(?<version>[vV]?\d+(\.\d+)?(\.\d+)?).*", GitFlow.VersionInBranchPattern);
        Assert.Equal(@"\+semver:\s?(breaking|major)", GitFlow.MajorVersionBumpMessage);
        Assert.Equal(@"\+semver:\s?(feature|minor)", GitFlow.MinorVersionBumpMessage);
        Assert.Equal(@"\+semver:\s?(fix|patch)", GitFlow.PatchVersionBumpMessage);
        Assert.Equal(@"\+semver:\s?(none|skip)", GitFlow.NoBumpMessage);
        Assert.Equal(CommitMessageIncrementMode.Enabled, GitFlow.CommitMessageIncrementing);
        Assert.Equal(SemanticVersionFormat.Strict, GitFlow.SemanticVersionFormat);
        Assert.False(GitFlow.PreventIncrementOfMergedBranch);
        Assert.False(GitFlow.PreventIncrementWhenBranchMerged);
        Assert.True(GitFlow.PreventIncrementWhenCurrentCommitTagged);
        Assert.False(GitFlow.TrackMergeTarget);
        Assert.True(GitFlow.TrackMergeMessage);
        Assert.False(GitFlow.TracksReleaseBranches);
        Assert.False(GitFlow.IsReleaseBranch);
        Assert.False(GitFlow.IsMainBranch);
        Assert.Null(GitFlow.PreReleaseWeight);
        Assert.Empty(GitFlow.MergeMessageFormats);
        Assert.Empty(GitFlow.IgnoreShas);
        Assert.Empty(GitFlow.IgnorePaths);
        Assert.Null(GitFlow.IgnoreCommitsBefore);
        Assert.Equal("yyyy-MM-dd", GitFlow.CommitDateFormat);
        Assert.Equal(60000, GitFlow.TagPreReleaseWeight);
        Assert.Empty(GitFlow.Warnings);
        Assert.Empty(GitFlow.Notes);
        Assert.Null(GitFlow.SourceFile);
    }

    [Fact]
    public void TestGitHubFlow_Branches()
    {
        var gitHubFlow = ConfigurationLoader.Defaults("GitHubFlow/v1");

        Assert.Equal(["main", "release", "feature", "pull-request", "unknown"], gitHubFlow.Branches.Select(x => x.Name));
        Assert.Equal(IncrementStrategy.Patch, gitHubFlow.Named("release")!.Increment);
        Assert.Equal(["main", "release"], gitHubFlow.Named("feature")!.SourceBranches);
        Assert.False(gitHubFlow.Named("unknown")!.TrackMergeMessage);
        Assert.False(gitHubFlow.Named("unknown")!.PreventIncrementWhenCurrentCommitTagged);
    }

    [Fact]
    public void TestTrunkBased_Branches()
    {
        var trunkBased = ConfigurationLoader.Defaults("TrunkBased/preview1");

        Assert.Equal(["main", "feature", "hotfix", "pull-request", "unknown"], trunkBased.Branches.Select(x => x.Name));
        Assert.Equal(DeploymentMode.ContinuousDeployment, trunkBased.Named("main")!.Mode);
        Assert.Equal(IncrementStrategy.Minor, trunkBased.Named("feature")!.Increment);
        Assert.Equal("{BranchName}", trunkBased.Named("hotfix")!.Label);
        Assert.Equal(IncrementStrategy.Patch, trunkBased.Named("unknown")!.Increment);
        Assert.Null(trunkBased.Named("unknown")!.Label);
    }

    [Fact]
    public void TestEmptyWorkflow_StartsFromNothing()
    {
        var configuration = ConfigurationLoader.Parse(
            """
            workflow: ''
            branches:
              trunk:
                regex: ^trunk$
            """,
            "GitVersion.yml");

        Assert.Equal("", configuration.Workflow);
        Assert.Equal(["trunk"], configuration.Branches.Select(x => x.Name));
        Assert.Null(configuration.Named("trunk")!.Label);
        Assert.Equal("[vV]?", configuration.TagPrefix);
    }
}
