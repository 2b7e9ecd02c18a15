using Slipway.Versioning.Tests.Git;

namespace Slipway.Versioning.Tests.Fidelity;

/// <summary>Tags outside HEAD's history as GitVersion 6.8.2 uses them: the tagged commit is the source it names, whatever their date.</summary>
public class SourcesTaggedCommitTest
{
    // History: main "init"; develop from it; release/1.1.0 from develop with <releaseCommits> commits, the last tagged 1.1.0 (annotated);
    // HEAD back on develop, older than the tag. GitVersion 6.8.2 prints FullSemVer 1.2.0-alpha.0, VersionSourceSemVer 1.1.0 and
    // VersionSourceSha the tagged commit's: a release branch's tag counts whatever its date, and when its parent is in develop's
    // history (one release commit: develop tracks merge targets) the source is still the tagged commit, not that parent.
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task TestDevelop_ReleaseTagNewerThanHeadIsTheSource(int releaseCommits)
    {
        using var repo = new TestRepository();
        repo.MakeCommit("init");
        repo.Branch("develop");
        repo.Branch("release/1.1.0");
        for (var i = 1; i <= releaseCommits; i++)
            repo.MakeCommit($"r{i} +semver: breaking");
        repo.Tag("1.1.0", annotated: true);
        repo.Checkout("develop");
        var variables = await repo.Variables();
        Assert.Equal("1.2.0-alpha.0", variables.FullSemVer);
        Assert.Equal("1.1.0", variables["VersionSourceSemVer"]);
        Assert.Equal(repo.Sha("1.1.0"), variables["VersionSourceSha"]);
    }

    // History: main "init"; develop from it; release/1.1.0 from develop with "r1" tagged 1.1.0 (annotated); the release branch
    // deleted; develop gets "d1". Only develop's merge-target view sees the tag (its parent "init" is in develop's history);
    // GitVersion 6.8.2 prints FullSemVer 1.2.0-alpha.1 and VersionSourceSha the tagged commit's, not "init"'s.
    [Fact]
    public async Task TestDevelop_MergeTargetTagNamesTheTaggedCommit()
    {
        using var repo = new TestRepository();
        repo.MakeCommit("init");
        repo.Branch("develop");
        repo.Branch("release/1.1.0");
        repo.MakeCommit("r1");
        repo.Tag("1.1.0", annotated: true);
        repo.Checkout("develop");
        repo.Run("branch", "-q", "-D", "release/1.1.0");
        repo.MakeCommit("d1");
        var variables = await repo.Variables();
        Assert.Equal("1.2.0-alpha.1", variables.FullSemVer);
        Assert.Equal(repo.Sha("1.1.0"), variables["VersionSourceSha"]);
    }
}
