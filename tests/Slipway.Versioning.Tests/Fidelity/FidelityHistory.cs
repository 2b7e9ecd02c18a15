using Slipway.Versioning.Tests.Git;

namespace Slipway.Versioning.Tests.Fidelity;

/// <summary>
/// The histories the Fidelity tests share and the checks they make; every expected value is what GitVersion 6.8.2 printed for
/// the same history.
/// </summary>
internal static class FidelityHistory
{
    /// <summary>Commit "init" on main tagged <paramref name="tag"/>, then one commit per message, the first <paramref name="afterBranch"/> of them on main and the rest on <paramref name="branch"/>.</summary>
    public static TestRepository Tagged(string tag, string branch, int afterBranch, params string[] messages)
    {
        var repo = new TestRepository();
        repo.MakeCommit("init");
        repo.Tag(tag);
        for (var i = 0; i < messages.Length; i++)
        {
            if (i == afterBranch && branch != "main")
                repo.Branch(branch);
            repo.MakeCommit(messages[i]);
        }

        if (messages.Length == afterBranch && branch != "main")
            repo.Branch(branch);
        return repo;
    }

    /// <summary>main's first commit tagged <c>1.0.0</c>, and develop two commits on, checked out.</summary>
    public static TestRepository MainTaggedWithDevelop()
    {
        var repo = new TestRepository();
        repo.MakeCommit("init");
        repo.Tag("1.0.0");
        repo.Branch("develop");
        repo.MakeCommits(2, "develop");
        return repo;
    }

    /// <summary>Computes HEAD's variables.</summary>
    public static async Task<VersionVariables> Variables(this TestRepository repo) =>
        (await VersionCalculator.CalculateAsync(new VersionRequest(repo.Path))).Variables;

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
