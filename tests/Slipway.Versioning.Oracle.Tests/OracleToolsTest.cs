using Slipway.Versioning.Oracle.Tests.History;
using Slipway.Versioning.Oracle.Tests.Tools;

namespace Slipway.Versioning.Oracle.Tests;

public sealed class OracleToolsTest
{
    [Fact]
    public async Task TestGitVersionOracle_PrintsEveryVariable()
    {
        using var replay = new HistoryReplay();
        replay.Play(HistoryStep.Git("commit", "-q", "--allow-empty", "-m", "Initial commit"));
        replay.Play(HistoryStep.Git("tag", "1.0.0"));
        replay.Play(HistoryStep.Git("commit", "-q", "--allow-empty", "-m", "Change"));

        var output = await GitVersionOracle.RunAsync(replay.Path);

        Assert.Null(output.Error);
        // GitVersion 6.8.2 prints 1.0.1-1 for one commit past a 1.0.0 tag on main, with 28 variables.
        Assert.Equal("1.0.1-1", output.Value("FullSemVer"));
        Assert.Equal("1", output.Value("CommitsSinceVersionSource"));
        Assert.Equal(28, output.Variables.Count);
    }

    [Fact]
    public async Task TestGitVersionOracle_FailureIsAnError()
    {
        var folder = Directory.CreateTempSubdirectory("slipway-oracle-empty").FullName;
        try
        {
            Assert.NotNull((await GitVersionOracle.RunAsync(folder)).Error);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task TestShrinker_KeepsOnlyTheStepsThatMatter()
    {
        // Only the tag and the "+semver: minor" commit after it make GitVersion print 1.1.0 on main; the rest is noise.
        var steps = new[]
        {
            HistoryStep.Git("commit", "-q", "--allow-empty", "-m", "Initial commit"),
            HistoryStep.Git("checkout", "-q", "-b", "develop"),
            HistoryStep.Git("commit", "-q", "--allow-empty", "-m", "noise 1"),
            HistoryStep.Git("checkout", "-q", "main"),
            HistoryStep.Git("tag", "1.0.0"),
            HistoryStep.Git("commit", "-q", "--allow-empty", "-m", "noise 2"),
            HistoryStep.Git("commit", "-q", "--allow-empty", "-m", "Feature +semver: minor"),
            HistoryStep.Git("commit", "-q", "--allow-empty", "-m", "noise 3"),
        };

        var shrunk = await Shrinker.ShrinkAsync(0, steps, result => result.GitVersion.Value("MajorMinorPatch") == "1.1.0", maxTrials: 40);

        // Any one commit before the tag will do; nothing else may stay.
        Assert.Equal(3, shrunk.Steps.Count);
        Assert.StartsWith("git commit -q --allow-empty -m", shrunk.Steps[0].ToString(), StringComparison.Ordinal);
        Assert.Equal(["git tag 1.0.0", "git commit -q --allow-empty -m 'Feature +semver: minor'"], shrunk.Steps.Skip(1).Select(x => x.ToString()));
    }
}
