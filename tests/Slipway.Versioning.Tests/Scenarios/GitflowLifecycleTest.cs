using Slipway.Versioning.Tests.Git;

namespace Slipway.Versioning.Tests.Scenarios;

/// <summary>A whole git-flow lifecycle with the FullSemVer GitVersion 6 gives at each step (GitVersion's GitflowComplexExample).</summary>
public class GitflowLifecycleTest
{
    [Fact]
    public async Task TestLifecycle_FeaturesReleasesHotfix()
    {
        using var repo = new TestRepository();
        repo.MakeCommit("Initial commit on main");
        repo.Tag("1.0.0");
        repo.Branch("develop");
        repo.MakeCommit();
        await repo.AssertFullSemVer("1.1.0-alpha.1");

        repo.Branch("feature/f1");
        repo.MakeCommit("added feature 1");
        await repo.AssertFullSemVer("1.1.0-f1.1+2");
        repo.Checkout("develop");
        repo.Merge("feature/f1");
        await repo.AssertFullSemVer("1.1.0-alpha.3");

        repo.Branch("release/1.1.0");
        repo.MakeCommit("release stabilization");
        await repo.AssertFullSemVer("1.1.0-beta.1+4");
        repo.Checkout("main");
        repo.Merge("release/1.1.0");
        await repo.AssertFullSemVer("1.1.0-5");
        repo.Tag("1.1.0");
        await repo.AssertFullSemVer("1.1.0");
        repo.Checkout("develop");
        repo.Merge("release/1.1.0");
        repo.Run("branch", "-D", "release/1.1.0");
        await repo.AssertFullSemVer("1.2.0-alpha.1");

        repo.Branch("feature/f2");
        repo.MakeCommit("added feature 2");
        await repo.AssertFullSemVer("1.2.0-f2.1+2");
        repo.Checkout("develop");
        repo.Merge("feature/f2");
        await repo.AssertFullSemVer("1.2.0-alpha.3");

        repo.Branch("release/1.2.0");
        repo.MakeCommit("release stabilization");
        await repo.AssertFullSemVer("1.2.0-beta.1+8");
        repo.Checkout("main");
        repo.Merge("release/1.2.0");
        await repo.AssertFullSemVer("1.2.0-5");
        repo.Tag("1.2.0");
        await repo.AssertFullSemVer("1.2.0");
        repo.Checkout("develop");
        repo.Merge("release/1.2.0");
        await repo.AssertFullSemVer("1.3.0-alpha.1");

        repo.Checkout("main");
        repo.Branch("hotfix/hf");
        repo.MakeCommit("added hotfix");
        await repo.AssertFullSemVer("1.2.1-beta.1+1");
        repo.Checkout("main");
        repo.Merge("hotfix/hf");
        await repo.AssertFullSemVer("1.2.1-2");
        repo.Tag("1.2.1");
        await repo.AssertFullSemVer("1.2.1");
        repo.Checkout("develop");
        repo.Merge("hotfix/hf");
        await repo.AssertFullSemVer("1.3.0-alpha.2");

        repo.Checkout("feature/f2");
        await repo.AssertFullSemVer("1.3.0-f2.1+0");
        repo.MakeCommit("feature 2 additional commit");
        await repo.AssertFullSemVer("1.3.0-f2.1+1");
    }
}
