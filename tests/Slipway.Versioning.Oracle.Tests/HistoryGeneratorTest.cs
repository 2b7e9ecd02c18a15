using Slipway.Versioning.Oracle.Tests.History;

namespace Slipway.Versioning.Oracle.Tests;

public sealed class HistoryGeneratorTest
{
    [Fact]
    public void TestGenerate_SameSeedSameSteps()
    {
        var first = HistoryGenerator.Generate(42, 6);
        var second = HistoryGenerator.Generate(42, 6);

        Assert.Equal(first.Steps.Select(x => x.ToString()), second.Steps.Select(x => x.ToString()));
        Assert.Equal(first.Checkpoints, second.Checkpoints);
        Assert.NotEqual(first.Steps.Select(x => x.ToString()), HistoryGenerator.Generate(43, 6).Steps.Select(x => x.ToString()));
    }

    [Fact]
    public void TestGenerate_AsManyCheckpointsAsAsked()
    {
        foreach (var seed in Enumerable.Range(1, 20))
            Assert.Equal(6, HistoryGenerator.Generate(seed, 6).Checkpoints.Distinct().Count());
    }

    [Fact]
    public void TestReplay_SameShasOnEveryRun()
    {
        var history = HistoryGenerator.Generate(7, 6);
        string Play()
        {
            using var replay = new HistoryReplay();
            foreach (var step in history.Steps)
                replay.Play(step);
            return replay.Read("for-each-ref", "--format=%(refname) %(objectname)");
        }

        var first = Play();
        Assert.Contains("refs/heads/main", first, StringComparison.Ordinal);
        Assert.Equal(first, Play());
    }

    [Fact]
    public void TestGenerate_CoversTheGitFlowShapes()
    {
        var steps = string.Join("\n", Enumerable.Range(1, 30).SelectMany(seed => HistoryGenerator.Generate(seed, 6).Steps)
            .Select(x => "git " + string.Join(" ", x.GitArguments) + x.Configuration));

        foreach (var expected in new[]
                 {
                     "+semver:", "Merge branch 'release/", "Finish Release-", "checkout -q -b develop", "feature/", "bugfix/", "support/", "release/",
                     "hotfix/", "tag -a", "pull/", "--detach", "merge -q --no-ff", "branch -q -D", "tag-prefix: 'version-'", "next-version: 2.0.0",
                     "git tag v", "label: feat", "increment: Major",
                 })
        {
            Assert.Contains(expected, steps, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void TestReplay_RefusedStepIsReportedAndSkipped()
    {
        using var replay = new HistoryReplay();
        Assert.Null(replay.Play(HistoryStep.Git("commit", "-q", "--allow-empty", "-m", "one")));
        Assert.Contains("no-such-branch", replay.Play(HistoryStep.Git("checkout", "-q", "no-such-branch")), StringComparison.Ordinal);
        Assert.Equal("main", replay.Read("symbolic-ref", "--short", "HEAD"));
    }
}
