using Slipway.Versioning.Tests.Git;

namespace Slipway.Versioning.Tests.Fidelity;

/// <summary>Asserts the variables GitVersion 6.8.2 printed for the same history: the version, the commit it counts from, and the count.</summary>
internal static class BranchesAssertions
{
    /// <summary>Computes HEAD's version and compares FullSemVer, VersionSourceSha (the commit <paramref name="sourceRevision"/> names) and CommitsSinceVersionSource.</summary>
    public static async Task<VersionResult> AssertVersion(this TestRepository repository, string fullSemVer, string sourceRevision, int commitsSinceSource, string? branch = null)
    {
        var result = await VersionCalculator.CalculateAsync(new VersionRequest(repository.Path) { Branch = branch });
        var variables = result.Variables;
        var actual = (variables.FullSemVer, Source: variables["VersionSourceSha"], variables.CommitsSinceVersionSource);
        var expected = (fullSemVer, Source: (string?)repository.Sha(sourceRevision), commitsSinceSource);
        Assert.True(expected == actual, $"Expected {expected} but got {actual} on '{variables.BranchName}' (source {sourceRevision}).");
        return result;
    }
}
