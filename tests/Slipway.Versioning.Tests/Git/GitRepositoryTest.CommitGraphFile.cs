using System.Globalization;
using System.Text;
using Slipway.Tooling;
using Slipway.Versioning.Git;

namespace Slipway.Versioning.Tests.Git;

// With a commit-graph file, parents and dates are read from the file itself, and rev-list runs only for commits newer
// than it: the graph must be the one rev-list gives (same commits, parents in order, dates and order), and where git
// would not trust the file, rev-list loads it all.
public partial class GitRepositoryTest
{
    [Fact]
    public async Task TestCommitGraphFile_CommitsAfterTheFileWasWrittenLoadAsRevListGivesThem()
    {
        using var source = new TestRepository();
        source.MakeCommits(5);
        source.Tag("v1.0.0", annotated: true);
        source.Branch("develop");
        source.MakeCommits(3);
        source.WriteCommitGraph();
        source.MakeCommit("After the file on develop");
        source.Branch("feature/new", "main");
        source.MakeCommit("On a branch the file does not know");
        source.Tag("v1.1.0-beta.1");
        source.Checkout("develop");
        source.Merge("feature/new");

        var fromFile = await source.OpenAsync();

        Assert.True(fromFile.Graph.FromCommitGraphFile);
        AssertSameGraph(await OpenWithRevListAsync(source), fromFile);
    }

    [Fact]
    public async Task TestCommitGraphFile_SplitChainWithAnOctopusMergeAndEqualDatesLoadsAsRevListGivesThem()
    {
        using var source = new TestRepository();
        source.MakeCommit("Root");
        ImportEqualDatedOctopus(source, "main");
        source.Run("commit-graph", "write", "--reachable", "--split");
        ImportEqualDatedOctopus(source, "main");
        source.Run("commit-graph", "write", "--reachable", "--split=no-merge");
        source.MakeCommit("Newer than the chain");
        var chain = Path.Combine(source.Path, ".git", "objects", "info", "commit-graphs", "commit-graph-chain");

        var fromFile = await source.OpenAsync();

        Assert.Equal(2, File.ReadAllLines(chain).Length);
        Assert.False(File.Exists(Path.Combine(source.Path, ".git", "objects", "info", "commit-graph")));
        Assert.True(fromFile.Graph.FromCommitGraphFile);
        Assert.Equal(2, fromFile.Graph.Commits.Count(commit => commit.Parents.Count == 4)); // in EDGE: parents past the second
        AssertSameGraph(await OpenWithRevListAsync(source), fromFile);
    }

    [Fact]
    public async Task TestCommitGraphFile_CommitsNoRefReachesAnyMoreAreLeftOut()
    {
        using var source = new TestRepository();
        source.MakeCommits(2);
        source.Branch("spike");
        var gone = source.MakeCommit("On a branch deleted after the file was written");
        source.Checkout("main");
        source.WriteCommitGraph();
        source.Run("branch", "-q", "-D", "spike");

        var fromFile = await source.OpenAsync();

        Assert.True(fromFile.Graph.FromCommitGraphFile);
        Assert.Null(fromFile.FindCommit(gone));
        AssertSameGraph(await OpenWithRevListAsync(source), fromFile);
    }

    [Fact]
    public async Task TestCommitGraphFile_Sha256RepositoryLoadsFromTheFile()
    {
        using var source = new TestRepository();
        source.Run("init", "-q", "--object-format=sha256", source.Path + "/sha256");
        using var sha256 = new TestRepositoryAt(Path.Combine(source.Path, "sha256"));
        sha256.Commit("One");
        sha256.Commit("Two");
        sha256.Git("commit-graph", "write", "--reachable");

        var fromFile = await GitRepository.OpenAsync(sha256.Path);

        Assert.True(fromFile.Graph.FromCommitGraphFile);
        Assert.Equal(64, fromFile.Head!.Sha.Length);
        Assert.Equal(sha256.Git("rev-parse", "HEAD"), fromFile.Head.Sha);
        Assert.Equal(sha256.Git("rev-parse", "HEAD~1"), Assert.Single(fromFile.Head.Parents).Sha);
    }

    [Theory]
    [InlineData("replace")]
    [InlineData("grafts")]
    [InlineData("corrupt")]
    [InlineData("alternates")]
    public async Task TestCommitGraphFile_WhereGitWouldNotTrustTheFileRevListLoadsItAll(string reason)
    {
        using var source = new TestRepository();
        var first = source.MakeCommit("First");
        var second = source.MakeCommit("Second");
        var third = source.MakeCommit("Third");
        source.WriteCommitGraph();
        var info = Path.Combine(source.Path, ".git", "objects", "info");
        switch (reason)
        {
            case "replace": // git reads the replacement's parents: Third without Second
                source.Run("replace", "--graft", third, first);
                break;
            case "grafts":
                File.WriteAllText(Path.Combine(source.Path, ".git", "info", "grafts"), $"{third} {first}\n");
                break;
            case "corrupt":
                var file = Path.Combine(info, "commit-graph");
                File.WriteAllBytes(file, File.ReadAllBytes(file)[..40]);
                break;
            case "alternates":
                File.WriteAllText(Path.Combine(info, "alternates"), Path.Combine(source.Path, ".git", "objects") + "\n");
                break;
        }

        var repository = await source.OpenAsync();

        Assert.False(repository.Graph.FromCommitGraphFile);
        var expectedParent = reason is "replace" or "grafts" ? first : second;
        Assert.Equal(expectedParent, Assert.Single(repository.Head!.Parents).Sha);
        Assert.Equal(source.Run("rev-list", "--count", "HEAD"), repository.CountCommits(null, repository.Head).ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void TestCommitGraphFile_ReadsNothingFromAFileOfAnotherKind()
    {
        using var source = new TestRepository();
        source.MakeCommit();
        source.WriteCommitGraph();
        var objects = Path.Combine(source.Path, ".git", "objects");
        Assert.NotNull(CommitGraphFile.TryRead(objects));
        var file = Path.Combine(objects, "info", "commit-graph");
        var bytes = File.ReadAllBytes(file);
        bytes[4] = 2; // a file format version this reader does not know

        File.WriteAllBytes(file, bytes);

        Assert.Null(CommitGraphFile.TryRead(objects));
    }

    // Loads with rev-list, as when the repository had no commit-graph file: a copy of the repository without it.
    private static async Task<GitRepository> OpenWithRevListAsync(TestRepository source)
    {
        using var copy = source.Clone();
        var info = Path.Combine(copy.Path, ".git", "objects", "info");
        File.Delete(Path.Combine(info, "commit-graph")); // a local clone copies the object folder, commit-graph and all
        if (Directory.Exists(Path.Combine(info, "commit-graphs")))
            Directory.Delete(Path.Combine(info, "commit-graphs"), recursive: true);
        copy.Run("checkout", "-q", "--detach", source.Sha());
        foreach (var branch in source.Run("for-each-ref", "--format=%(refname:short)", "refs/heads").Split('\n'))
            copy.Run("branch", "-q", "-f", branch, $"origin/{branch}");
        copy.Run("remote", "remove", "origin");
        var repository = await copy.OpenAsync();
        Assert.False(repository.Graph.FromCommitGraphFile);
        return repository;
    }

    private static void AssertSameGraph(GitRepository expected, GitRepository actual)
    {
        Assert.Equal(expected.Graph.Commits.Select(commit => commit.Sha), actual.Graph.Commits.Select(commit => commit.Sha));
        foreach (var (one, other) in expected.Graph.Commits.Zip(actual.Graph.Commits))
        {
            Assert.Equal(one.Parents.Select(parent => parent.Sha), other.Parents.Select(parent => parent.Sha));
            Assert.Equal(expected.Graph.TimeOf(one.Index), actual.Graph.TimeOf(other.Index));
        }

        Assert.Equal(expected.Tags.Select(tag => (tag.CanonicalName, tag.Target.Sha)), actual.Tags.Select(tag => (tag.CanonicalName, tag.Target.Sha)));
    }

    // Three branches of commits that all share one committer date, joined by an octopus merge onto branch.
    private static void ImportEqualDatedOctopus(TestRepository repository, string branch)
    {
        var date = $"{TestRepository.Epoch.AddDays(1).ToUnixTimeSeconds()} +0000";
        var stream = new StringBuilder();
        var mark = 0;
        var tips = new List<int>();
        foreach (var name in new[] { "a", "b", "c" })
        {
            for (var number = 1; number <= 3; number++)
            {
                stream.Append(CultureInfo.InvariantCulture, $"commit refs/heads/side-{name}\nmark :{++mark}\n")
                    .Append(CultureInfo.InvariantCulture, $"committer Slipway Test <test@slipway.invalid> {date}\ndata 2\n{name}{number}\n");
                if (number == 1)
                    stream.Append(CultureInfo.InvariantCulture, $"from refs/heads/{branch}^0\n");
                stream.Append('\n');
            }

            tips.Add(mark);
        }

        stream.Append(CultureInfo.InvariantCulture, $"commit refs/heads/{branch}\nmark :{++mark}\n")
            .Append(CultureInfo.InvariantCulture, $"committer Slipway Test <test@slipway.invalid> {date}\ndata 8\noctopus\n")
            .Append(CultureInfo.InvariantCulture, $"from refs/heads/{branch}^0\n");
        foreach (var tip in tips)
            stream.Append(CultureInfo.InvariantCulture, $"merge :{tip}\n");
        stream.Append('\n');
        ToolRunner.Run(new ToolInvocation("git", "fast-import", "--quiet", "--force")
        {
            WorkingDirectory = repository.Path,
            EchoCommand = false,
            StreamOutput = false,
            StandardInput = stream.ToString(),
        });
        repository.Run("reset", "-q", "--hard", branch);
    }

    // A repository made with other options than TestRepository's, driven with plain git.
    private sealed class TestRepositoryAt(string path) : IDisposable
    {
        public string Path { get; } = path;

        public string Git(params string[] arguments) =>
            ToolRunner.Run(new ToolInvocation("git", ["-c", "user.name=Slipway Test", "-c", "user.email=test@slipway.invalid", .. arguments])
            {
                WorkingDirectory = Path,
                EchoCommand = false,
                StreamOutput = false,
            }).Text;

        public void Commit(string message) => Git("commit", "-q", "--allow-empty", "-m", message);

        public void Dispose()
        {
        }
    }
}
