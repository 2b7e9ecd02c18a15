using Slipway.Versioning.Tests.Git;

namespace Slipway.Versioning.Tests.Scenarios;

/// <summary>Scenarios driven by GitVersion.yml: tag prefixes, bump messages, next-version, deployment modes, ignore.</summary>
public class ConfigurationScenariosTest
{
    private static TestRepository WithConfiguration(string yaml)
    {
        var repo = new TestRepository();
        repo.WriteFile("GitVersion.yml", yaml);
        repo.Run("add", "GitVersion.yml");
        repo.MakeCommit("Initial commit");
        return repo;
    }

    [Fact]
    public async Task TestTagPrefix_OnlyPrefixedTagsCount()
    {
        using var repo = WithConfiguration("tag-prefix: 'app-v'\n");
        repo.Tag("app-v2.0.0");
        repo.MakeCommit();
        repo.Tag("9.9.9");
        repo.MakeCommit();
        await repo.AssertFullSemVer("2.0.1-2");
    }

    [Fact]
    public async Task TestDefaultPrefix_AcceptsVAndIgnoresTagsThatAreNotVersions()
    {
        using var repo = new TestRepository();
        repo.MakeCommit();
        repo.Tag("v1.4.0", annotated: true);
        repo.MakeCommit();
        repo.Tag("latest");
        repo.Tag("deploy-2024");
        repo.Tag("1.2");
        await repo.AssertFullSemVer("1.4.1-1");
    }

    [Theory]
    [InlineData("fix things +semver: major", "2.0.0-alpha.1")]
    [InlineData("+semver:breaking change", "2.0.0-alpha.1")]
    [InlineData("+semver: minor", "1.1.0-alpha.1")]
    [InlineData("+semver: patch", "1.1.0-alpha.1")]
    [InlineData("+semver: none", "1.1.0-alpha.1")]
    public async Task TestBumpMessages_RaiseButNeverLowerTheBranchIncrement(string message, string expected)
    {
        using var repo = new TestRepository();
        repo.MakeCommit();
        repo.Tag("1.0.0");
        repo.Branch("develop");
        repo.MakeCommit(message);
        await repo.AssertFullSemVer(expected);
    }

    [Fact]
    public async Task TestBumpMessages_InTheBodyCountAndCanBeDisabled()
    {
        using var repo = WithConfiguration("commit-message-incrementing: Disabled\n");
        repo.Tag("1.0.0");
        repo.MakeCommit("Rework the API\n\n+semver: major");
        await repo.AssertFullSemVer("1.0.1-1");

        using var enabled = new TestRepository();
        enabled.MakeCommit();
        enabled.Tag("1.0.0");
        enabled.MakeCommit("Rework the API\n\n+semver: major");
        await enabled.AssertFullSemVer("2.0.0-1");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)] // git searches the messages, range by range
    public async Task TestBumpMessages_CountOnlyAfterTheSource(bool commitGraph)
    {
        using var repo = new TestRepository();
        repo.MakeCommit("Rework the API\n\n+semver: major");
        repo.Tag("1.0.0");
        repo.Branch("develop");
        repo.MakeCommit();
        if (commitGraph)
            repo.WriteCommitGraph();
        await repo.AssertFullSemVer("1.1.0-alpha.1", because: "the major bump is before the tag");

        repo.MakeCommit("Break it again\n\n+semver: major");
        if (commitGraph)
            repo.WriteCommitGraph();
        await repo.AssertFullSemVer("2.0.0-alpha.2");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task TestBumpMessages_CountForEachCandidateFromItsOwnSource(bool commitGraph)
    {
        using var repo = new TestRepository();
        repo.MakeCommits(1500);
        repo.Tag("1.0.0");
        repo.MakeCommits(1500);
        repo.MakeCommit("Rework the API\n\n+semver: major");
        repo.Tag("1.1.0");
        repo.Branch("develop");
        repo.MakeCommit();
        if (commitGraph)
            repo.WriteCommitGraph();

        // 1.0.0 is kept as a candidate (a major bump could lift it past 1.1.0), but the major bump after its source is in the
        // tagged 1.1.0's history, which settles it: GitVersion 6.8.2 prints 1.2.0-alpha.1 for this history (15 commits for 1,500).
        await repo.AssertFullSemVer("1.2.0-alpha.1");
    }

    [Fact]
    public async Task TestNextVersion_WinsOverLowerTagsAndLosesToHigherOnes()
    {
        using var repo = WithConfiguration("next-version: 3.0\n");
        repo.Branch("develop");
        repo.MakeCommits(2);
        await repo.AssertFullSemVer("3.0.0-alpha.3");
        repo.Tag("3.1.0");
        repo.MakeCommit();
        await repo.AssertFullSemVer("3.2.0-alpha.1");
    }

    [Fact]
    public async Task TestModes_ContinuousDeploymentAndManualDeployment()
    {
        using var deployment = WithConfiguration("branches:\n  develop:\n    mode: ContinuousDeployment\n");
        deployment.Tag("1.0.0");
        deployment.Branch("develop");
        deployment.MakeCommits(3);
        await deployment.AssertFullSemVer("1.1.0");

        using var manual = WithConfiguration("branches:\n  develop:\n    mode: ManualDeployment\n");
        manual.Tag("1.0.0");
        manual.Branch("develop");
        manual.MakeCommits(3);
        await manual.AssertFullSemVer("1.1.0-alpha.1+3");
    }

    [Fact]
    public async Task TestLabels_CustomLabelForABranch()
    {
        using var repo = WithConfiguration("branches:\n  develop:\n    label: snapshot\n  feature:\n    label: 'feat-{BranchName}'\n");
        repo.Tag("1.0.0");
        repo.Branch("develop");
        repo.MakeCommit();
        await repo.AssertFullSemVer("1.1.0-snapshot.1");
        repo.Branch("feature/PAY_12");
        repo.MakeCommit();
        await repo.AssertFullSemVer("1.1.0-feat-PAY-12.1+2");
    }

    [Fact]
    public async Task TestIgnore_ShaExcludesATagAndItsCommit()
    {
        using var repo = new TestRepository();
        repo.MakeCommit();
        repo.Tag("1.0.0");
        repo.MakeCommit();
        repo.Tag("5.0.0");
        var bad = repo.Sha();
        repo.WriteFile("GitVersion.yml", $"ignore:\n  sha:\n  - {bad}\n");
        repo.Run("add", "GitVersion.yml");
        repo.MakeCommit();
        await repo.AssertFullSemVer("1.0.1-1");
    }
}
