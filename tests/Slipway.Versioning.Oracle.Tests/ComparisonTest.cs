using Slipway.Versioning.Oracle.Tests.Comparison;
using Slipway.Versioning.Oracle.Tests.Tools;

namespace Slipway.Versioning.Oracle.Tests;

public sealed class ComparisonTest
{
    private static readonly HeadState OnMain = new("main", []);
    private static readonly HeadState Detached = new(null, []);

    private static VersionOutput Json(string json) => VersionOutput.FromJson(json);

    [Fact]
    public void TestCompare_EveryVariableWithJsonTypes()
    {
        var result = new CheckpointResult(1, 0, 3, OnMain,
            Json("""{"FullSemVer":"1.0.1-1","Patch":1,"VersionSourceSha":"","BuildMetaData":null}"""),
            Json("""{"FullSemVer":"1.0.1-1","Patch":1,"VersionSourceSha":null,"BuildMetaData":null}"""));

        var disagreement = Assert.Single(result.Disagreements);
        Assert.Equal("seed 1 checkpoint 0 VersionSourceSha: GitVersion \"\" Slipway \"null\"", disagreement.ToString());
    }

    [Fact]
    public void TestCompare_VariableSlipwayLacksIsADisagreement()
    {
        var result = new CheckpointResult(1, 0, 3, OnMain, Json("""{"FullSemVer":"1.0.1-1","VersionSourceIncrement":"None"}"""), Json("""{"FullSemVer":"1.0.1-1"}"""));

        Assert.Equal("seed 1 checkpoint 0 VersionSourceIncrement: GitVersion \"None\" Slipway \"<missing>\"", Assert.Single(result.Disagreements).ToString());
    }

    [Fact]
    public void TestCompare_OneToolFailing()
    {
        var gitVersion = Json("""{"FullSemVer":"1.0.1-1"}""");

        Assert.Equal(Disagreement.ResultVariable, Assert.Single(new CheckpointResult(1, 0, 3, OnMain, gitVersion, VersionOutput.Failed("boom")).Disagreements).Variable);
        Assert.Empty(new CheckpointResult(1, 0, 3, OnMain, VersionOutput.Failed("a"), VersionOutput.Failed("b")).Disagreements);
    }

    [Fact]
    public void TestDeliberateDifference_OnlyDetachedWithoutStableTagWhenSlipwayAsksForTheBranch()
    {
        var gitVersion = Json("""{"BranchName":"(no branch)","PreReleaseLabel":"-no-branch-"}""");
        var asks = VersionOutput.Failed("HEAD (abc1234) is detached and several branches contain it (develop, main), so the branch being built is unknown.");

        Assert.Empty(new CheckpointResult(1, 0, 3, Detached, gitVersion, asks).Disagreements);
        // Oracle seed 7019: a pre-release tag on HEAD; GitVersion 6.8.2 prints 1.0.1--no-branch-.1+1 all the same.
        Assert.Empty(new CheckpointResult(1, 0, 3, Detached with { TagsOnHead = ["1.0.1-beta.1"] }, gitVersion, asks).Disagreements);
        // A stable tag on HEAD is GitVersion's version (no '-no-branch-' label): Slipway must take it too.
        Assert.NotEmpty(new CheckpointResult(1, 0, 3, Detached with { TagsOnHead = ["1.0.0"] }, Json("""{"BranchName":"(no branch)","PreReleaseLabel":""}"""), asks).Disagreements);
        Assert.NotEmpty(new CheckpointResult(1, 0, 3, OnMain, gitVersion, asks).Disagreements);
        Assert.NotEmpty(new CheckpointResult(1, 0, 3, Detached, gitVersion, Json("""{"BranchName":"main"}""")).Disagreements);
    }

    [Fact]
    public void TestDeliberateDifference_DetachedAtOneBranchTipVersionedAsThatBranch()
    {
        var gitVersion = Json("""{"BranchName":"(no branch)","PreReleaseLabel":"-no-branch-","FullSemVer":"1.2.0--no-branch-.1+0"}""");
        var slipway = Json("""{"BranchName":"develop","FullSemVer":"1.2.0-alpha.3"}""");
        var atDevelop = Detached with { BranchesAtHead = ["develop"] };

        Assert.Empty(new CheckpointResult(1, 0, 3, atDevelop, gitVersion, slipway).Disagreements);
        // Oracle seed 7160: a pre-release tag on HEAD at main's tip; GitVersion 6.8.2 prints 1.0.1--no-branch-.1+1 all the same.
        Assert.Empty(new CheckpointResult(1, 0, 3, Detached with { BranchesAtHead = ["main"], TagsOnHead = ["1.0.1-beta.2"] },
            Json("""{"BranchName":"(no branch)","PreReleaseLabel":"-no-branch-","FullSemVer":"1.0.1--no-branch-.1+1"}"""), Json("""{"BranchName":"main","FullSemVer":"1.0.1-1"}""")).Disagreements);
        Assert.NotEmpty(new CheckpointResult(1, 0, 3, Detached with { BranchesAtHead = ["develop", "feature/x"] }, gitVersion, slipway).Disagreements);
        Assert.NotEmpty(new CheckpointResult(1, 0, 3, Detached with { BranchesAtHead = ["main"] }, gitVersion, slipway).Disagreements);
        Assert.NotEmpty(new CheckpointResult(1, 0, 3, atDevelop with { TagsOnHead = ["1.0.0"] }, Json("""{"BranchName":"(no branch)","PreReleaseLabel":"","FullSemVer":"1.0.0"}"""), slipway).Disagreements);
        Assert.NotEmpty(new CheckpointResult(1, 0, 3, atDevelop, Json("""{"BranchName":"develop"}"""), Json("""{"BranchName":"develop","FullSemVer":"9.9.9"}""")).Disagreements);
    }
}
