using Slipway.Versioning.Tests.Git;

namespace Slipway.Versioning.Tests.Scenarios;

/// <summary>A test repository with version assertions.</summary>
public static class ScenarioAssertions
{
    /// <summary>Computes HEAD's version (optionally as <paramref name="branch"/>) and asserts its FullSemVer.</summary>
    public static async Task<VersionResult> AssertFullSemVer(this TestRepository repository, string expected, string? branch = null, string? because = null)
    {
        var result = await VersionCalculator.CalculateAsync(new VersionRequest(repository.Path) { Branch = branch });
        Assert.True(expected == result.FullSemVer,
            $"Expected {expected} but got {result.FullSemVer} on '{result.Variables.BranchName}'{(because is null ? "" : $" ({because})")}.\n" +
            $"Source {result.Variables["VersionSourceSha"]} ({result.Variables["VersionSourceSemVer"]}), {result.Variables.CommitsSinceVersionSource} commits.");
        return result;
    }
}
