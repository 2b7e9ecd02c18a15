using Slipway.Versioning.Tests.Git;

namespace Slipway.Versioning.Tests.Fidelity;

/// <summary>The short histories the Sources tests compare with GitVersion 6.8.2: a tagged first commit, then a few plain commits.</summary>
internal static class SourcesHistory
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

    /// <summary>Computes HEAD's variables.</summary>
    public static async Task<VersionVariables> Variables(this TestRepository repo) =>
        (await VersionCalculator.CalculateAsync(new VersionRequest(repo.Path))).Variables;
}
