using Slipway.Versioning.Tests.Git;

namespace Slipway.Versioning.Tests.Fidelity;

/// <summary>
/// Tags with another pre-release label than the branch's, as GitVersion 6.8.2 uses them: no base version of their own, but the next
/// older fitting tag's increment is lifted to their major.minor.patch (GitVersion's "alternative semantic version").
/// </summary>
public class SourcesForeignLabelTagTest
{
    // History: main "init" tagged <mainTag> (none when null; <configuration> as GitVersion.yml when given); <branch> from it; then
    // <steps>, each a commit message or "@tag" for a tag on the last commit. Expected values: GitVersion 6.8.2's output on this history.
    [Theory]
    // Oracle seed 5161: GitVersion prints 1.1.1-PullRequest1.1 (1.0.1 +minor is 1.1.0, lifted to the newer beta tag's 1.1.1).
    [InlineData(null, "1.0.1", "pull/1/merge", new[] { "c1 +semver: feature", "@1.1.1-beta.2" }, "1.1.1-PullRequest1.1", "1.0.1")]
    // Oracle seed 7123: GitVersion prints 0.0.1-search.1+2: no fitting tag follows the beta tag, so nothing is lifted.
    [InlineData(null, null, "feature/search", new[] { "c1", "@v1.0.1-beta.1" }, "0.0.1-search.1+2", "0.0.0")]
    // GitVersion prints 1.2.0-search.1+2: 1.0.0 +patch is 1.0.1, lifted to 1.2.0; the count stays from 1.0.0.
    [InlineData(null, "1.0.0", "feature/search", new[] { "c1", "@1.2.0-beta.1", "c2" }, "1.2.0-search.1+2", "1.0.0")]
    // GitVersion prints 1.1.0-search.4+2: a fitting pre-release bumps its number and keeps it when lifted.
    [InlineData(null, "1.0.0", "feature/search", new[] { "c1", "@1.0.1-search.3", "c2", "@1.1.0-beta.1", "c3" }, "1.1.0-search.4+2", "1.0.1-search.3")]
    // GitVersion prints 1.1.0-search.1+2: with increment None the lift restarts the number.
    [InlineData("branches:\n  feature:\n    increment: None\n", "1.0.0", "feature/search", new[] { "c1", "@1.0.1-search.3", "c2", "@1.1.0-beta.1", "c3" }, "1.1.0-search.1+2", "1.0.1-search.3")]
    // GitVersion prints 3.0.0-search.1+3 from 0.5.0: a newer tag (2.0.0) passes over older tags whose major bump cannot reach it,
    // unless a foreign tag in between (3.0.0-beta.1) lifts them past it.
    [InlineData(null, "0.5.0", "feature/search", new[] { "c1", "@3.0.0-beta.1", "c2", "@2.0.0", "c3" }, "3.0.0-search.1+3", "0.5.0")]
    public async Task TestBranch_ForeignLabelTagLiftsTheOlderTag(string? configuration, string? mainTag, string branch, string[] steps, string fullSemVer, string sourceSemVer)
    {
        using var repo = new TestRepository();
        if (configuration is not null)
        {
            repo.WriteFile("GitVersion.yml", configuration);
            repo.Run("add", "GitVersion.yml");
        }

        repo.MakeCommit("init");
        if (mainTag is not null)
            repo.Tag(mainTag);
        repo.Branch(branch);
        foreach (var step in steps)
        {
            if (step.StartsWith('@'))
                repo.Tag(step[1..]);
            else
                repo.MakeCommit(step);
        }

        var variables = await repo.Variables();
        Assert.Equal(fullSemVer, variables.FullSemVer);
        Assert.Equal(sourceSemVer, variables["VersionSourceSemVer"]);
    }
}
