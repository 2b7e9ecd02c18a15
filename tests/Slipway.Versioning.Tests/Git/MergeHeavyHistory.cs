namespace Slipway.Versioning.Tests.Git;

/// <summary>
/// A git-flow history with feature, release and hotfix merges, develop merged back into a feature, and a criss-cross
/// (two branches merging each other), built once and shared read-only by the graph tests. <see cref="Commits"/>
/// names the interesting commits.
/// </summary>
public sealed class MergeHeavyHistory : IDisposable
{
    public MergeHeavyHistory()
    {
        var repository = Repository = new TestRepository();
        Name("initial", repository.MakeCommit("Initial commit"));
        repository.Tag("1.0.0", annotated: true);

        repository.Branch("develop");
        Name("develop-1", repository.MakeCommit("Develop work"));
        repository.Branch("feature/a");
        repository.MakeCommits(2, "feature a");
        Name("feature-a", repository.Sha());
        repository.Checkout("develop");
        Name("develop-2", repository.MakeCommit("More develop work"));
        Name("merge-a", repository.Merge("feature/a"));

        repository.Branch("feature/b");
        Name("feature-b-1", repository.MakeCommit("feature b 1"));
        repository.Checkout("main");
        repository.Branch("hotfix/1.0.1");
        Name("hotfix", repository.MakeCommit("Hotfix"));
        repository.Checkout("main");
        Name("merge-hotfix", repository.Merge("hotfix/1.0.1"));
        repository.Tag("1.0.1");
        repository.Checkout("develop");
        Name("develop-takes-hotfix", repository.Merge("hotfix/1.0.1"));
        repository.Checkout("feature/b");
        Name("feature-b-update", repository.Merge("develop"));
        Name("feature-b-2", repository.MakeCommit("feature b 2"));
        repository.Checkout("develop");
        Name("merge-b", repository.Merge("feature/b"));

        repository.Branch("release/1.1.0");
        Name("release", repository.MakeCommit("Stabilize 1.1.0"));
        repository.Checkout("main");
        Name("merge-release", repository.Merge("release/1.1.0"));
        repository.Tag("1.1.0", annotated: true);
        repository.Checkout("develop");
        Name("develop-takes-release", repository.Merge("release/1.1.0"));

        // Criss-cross: x and y each merge the other's first commit, so both commits are best common ancestors.
        repository.Branch("cross/x");
        Name("x-1", repository.MakeCommit("x 1"));
        repository.Checkout("develop");
        repository.Branch("cross/y");
        Name("y-1", repository.MakeCommit("y 1"));
        Name("y-merge", repository.Merge(Commits["x-1"], "Merge x 1 into y"));
        repository.Checkout("cross/x");
        Name("x-merge", repository.Merge(Commits["y-1"], "Merge y 1 into x"));
        Name("x-2", repository.MakeCommit("x 2"));
        repository.Checkout("develop");
        Name("develop-tip", repository.MakeCommit("Develop after the criss-cross"));
    }

    public TestRepository Repository { get; }

    /// <summary>The interesting commits by name, in the order they were made.</summary>
    public Dictionary<string, string> Commits { get; } = [];

    public void Dispose() => Repository.Dispose();

    private void Name(string name, string sha) => Commits.Add(name, sha);
}
