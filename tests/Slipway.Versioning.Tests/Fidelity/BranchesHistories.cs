using Slipway.Versioning.Tests.Git;

namespace Slipway.Versioning.Tests.Fidelity;

/// <summary>The starting points the branch-history tests share.</summary>
internal static class BranchesHistories
{
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
}
