using Slipway.Versioning.Tests.Scenarios;

namespace Slipway.Versioning.Tests.Fidelity;

/// <summary>Commits whose message reads like the merge of a release branch are version sources, merges or not, as GitVersion 6.8.2 has them.</summary>
public class SourcesMergeMessageTest
{
    // History: main "init" tagged 1.0.0; a plain (one-parent) commit with the message; one more commit "c".
    // GitVersion 6.8.2 prints FullSemVer 2.0.0-2 on main for each release message (main does not bump a merged release's version),
    // and 1.0.1-2 for a feature branch's (not a release branch: no source). The Bitbucket Server 7 message names the branch on its third line.
    [Theory]
    [InlineData("Merge branch 'release/2.0.0'", "2.0.0-2")]
    [InlineData("merge branch 'Release/2.0.0' into develop", "2.0.0-2")]
    [InlineData("Finish Release-2.0.0", "2.0.0-2")]
    [InlineData("finish release/2.0.0", "2.0.0-2")]
    [InlineData("Merge pull request #5 from org/release/2.0.0", "2.0.0-2")]
    [InlineData("Merge pull request #5 in proj/repo from release/2.0.0 to main", "2.0.0-2")]
    [InlineData("Pull request #12: Release 2.0.0\n\nMerge in proj/repo from release/2.0.0 to main", "2.0.0-2")]
    [InlineData("Merged in release/2.0.0 (pull request #7)", "2.0.0-2")]
    [InlineData("Merge remote-tracking branch 'origin/release/2.0.0'", "2.0.0-2")]
    [InlineData("Merge pull request 9 from release/2.0.0 into main", "2.0.0-2")]
    [InlineData("Merge branch 'feature/2.0.0'", "1.0.1-2")]
    public async Task TestMain_NonMergeCommitReadingLikeAReleaseMergeIsASource(string message, string expected)
    {
        using var repo = FidelityHistory.Tagged("1.0.0", "main", 0, message, "c");
        await repo.AssertFullSemVer(expected);
    }

    // History: main "init" tagged 1.0.0; plain commit "Merge branch 'release/2.0.0'"; develop from there with "d".
    // GitVersion 6.8.2 prints 2.1.0-alpha.2 on develop: the release's version plus develop's minor, counted from the 1.0.0 tag.
    [Fact]
    public async Task TestDevelop_NonMergeReleaseMessageIsBumpedByDevelopsIncrement()
    {
        using var repo = FidelityHistory.Tagged("1.0.0", "develop", 1, "Merge branch 'release/2.0.0'", "d");
        await repo.AssertFullSemVer("2.1.0-alpha.2");
    }
}
