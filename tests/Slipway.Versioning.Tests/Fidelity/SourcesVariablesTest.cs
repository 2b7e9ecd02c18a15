using Slipway.Versioning.Tests.Git;

namespace Slipway.Versioning.Tests.Fidelity;

/// <summary>Output variables written as GitVersion 6.8.2 writes them.</summary>
public class SourcesVariablesTest
{
    // History: one commit on main, no tag. GitVersion 6.8.2 prints VersionSourceSha "", VersionSourceSemVer "0.0.0", VersionSourceIncrement "None".
    [Fact]
    public async Task TestNoSource_VersionSourceShaIsEmptyNotNull()
    {
        using var repo = new TestRepository();
        repo.MakeCommit("init");
        var variables = await repo.Variables();
        Assert.Equal("", variables["VersionSourceSha"]);
        Assert.Equal("0.0.0", variables["VersionSourceSemVer"]);
        Assert.Equal("None", variables["VersionSourceIncrement"]);
        Assert.Contains("\"VersionSourceSha\": \"\"", variables.ToJson(), StringComparison.Ordinal);
    }

    // History: main "init" tagged 0.1.0; hotfix/0.1.1 from it with "h1". GitVersion 6.8.2 prints
    // FullBuildMetaData "1.Branch.hotfix-0.1.1.Sha.<sha>", InformationalVersion "0.1.1-beta.1+1.Branch.hotfix-0.1.1.Sha.<sha>",
    // EscapedBranchName "hotfix-0-1-1", VersionSourceIncrement "None" (though the tag's patch was bumped).
    [Fact]
    public async Task TestHotfix_BuildMetaDataKeepsTheBranchNamesDots()
    {
        using var repo = FidelityHistory.Tagged("0.1.0", "hotfix/0.1.1", 0, "h1");
        var sha = repo.Sha();
        var variables = await repo.Variables();
        Assert.Equal($"1.Branch.hotfix-0.1.1.Sha.{sha}", variables["FullBuildMetaData"]);
        Assert.Equal($"0.1.1-beta.1+1.Branch.hotfix-0.1.1.Sha.{sha}", variables["InformationalVersion"]);
        Assert.Equal("hotfix-0-1-1", variables["EscapedBranchName"]);
        Assert.Equal("None", variables["VersionSourceIncrement"]);
    }

    // History: main "init" tagged 0.1.0, then a bugfix branch's commits: from develop ("d1" on develop, "b1" on bugfix/fix.1) or from
    // main ("b2" on bugfix/b2). GitVersion 6.8.2 prints the FullSemVer and FullBuildMetaData below and WeightedPreReleaseNumber 1 for
    // both: the weight is the bugfix branch's own (none in the GitFlow defaults: 0), never main's 55000 it otherwise inherits from.
    [Theory]
    [InlineData("develop", "0.2.0-bugfix-fix-1.1+2", "2.Branch.bugfix-fix.1.Sha.")]
    [InlineData("main", "0.1.1-bugfix-b2.1+1", "1.Branch.bugfix-b2.Sha.")]
    public async Task TestBugfix_MetaDataAndOwnWeight(string from, string fullSemVer, string metadata)
    {
        using var repo = from == "develop"
            ? FidelityHistory.Tagged("0.1.0", "develop", 0, "d1")
            : FidelityHistory.Tagged("0.1.0", "main", 0);
        repo.Branch(from == "develop" ? "bugfix/fix.1" : "bugfix/b2");
        var sha = repo.MakeCommit("b");
        var variables = await repo.Variables();
        Assert.Equal(fullSemVer, variables.FullSemVer);
        Assert.Equal(metadata + sha, variables["FullBuildMetaData"]);
        Assert.Equal("1", variables["WeightedPreReleaseNumber"]);
    }

    // History: main "init" tagged 1.0.0; plain commit "Merge branch 'hotfix/1.0.1'"; "c"; develop from there with "d +semver: minor".
    // The tag and the message both give 1.1.0-alpha on develop; GitVersion 6.8.2 asks the merge-message strategy before the tags
    // and prints VersionSourceSemVer "1.0.1", VersionSourceSha the tagged commit's (FullSemVer 1.1.0-alpha.3, counted from the tag).
    [Fact]
    public async Task TestDevelop_EqualCandidatesNameTheMergeMessagesVersion()
    {
        using var repo = FidelityHistory.Tagged("1.0.0", "develop", 2, "Merge branch 'hotfix/1.0.1'", "c", "d +semver: minor");
        var variables = await repo.Variables();
        Assert.Equal("1.1.0-alpha.3", variables.FullSemVer);
        Assert.Equal("1.0.1", variables["VersionSourceSemVer"]);
        Assert.Equal(repo.Sha("1.0.0"), variables["VersionSourceSha"]);
    }
}
