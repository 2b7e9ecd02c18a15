using Slipway.Versioning.Tests.Git;
using Slipway.Versioning.Tests.Scenarios;

namespace Slipway.Versioning.Tests.Fidelity;

/// <summary>The tag prefix as GitVersion 6.8.2 applies it: to tags in any case, and to versions in branch names too.</summary>
public class SourcesTagPrefixTest
{
    // First commit "init" adds a GitVersion.yml with tag-prefix 'version-'.
    private static TestRepository WithVersionPrefix()
    {
        var repo = new TestRepository();
        repo.WriteFile("GitVersion.yml", "tag-prefix: 'version-'\n");
        repo.Run("add", "GitVersion.yml");
        repo.MakeCommit("init");
        return repo;
    }

    // History: "init" (tag-prefix 'version-'); plain commit "Merge branch 'release/1.1.0'"; "c"; then release/1.1.0 with "r".
    // GitVersion 6.8.2 prints 0.0.1-3 on main and 0.1.0-beta.1+4 on release/1.1.0: "1.1.0" lacks the prefix, so neither the
    // message nor the branch name gives a version.
    [Fact]
    public async Task TestRequiredPrefix_BranchNamesGiveNoVersion()
    {
        using var repo = WithVersionPrefix();
        repo.MakeCommit("Merge branch 'release/1.1.0'");
        repo.MakeCommit("c");
        await repo.AssertFullSemVer("0.0.1-3");
        repo.Branch("release/1.1.0");
        repo.MakeCommit("r");
        await repo.AssertFullSemVer("0.1.0-beta.1+4");
    }

    // History: "init" (tag-prefix 'version-') tagged VERSION-1.0.0; "c". GitVersion 6.8.2 prints 1.0.1-1: the prefix ignores case.
    [Fact]
    public async Task TestPrefix_MatchesTagsInAnyCase()
    {
        using var repo = WithVersionPrefix();
        repo.Tag("VERSION-1.0.0");
        repo.MakeCommit("c");
        await repo.AssertFullSemVer("1.0.1-1");
    }
}
