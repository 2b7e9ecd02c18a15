using System.Globalization;
using System.Text;
using Slipway.Tooling;
using Slipway.Versioning.Git;

namespace Slipway.Versioning.Tests.Git;

/// <summary>
/// A real git repository in a temporary folder, built with the git CLI, for versioning scenario tests. Every git run
/// gets the next date of a clock that starts at <see cref="Epoch"/> and ticks one minute per run, so commit and tag
/// dates strictly increase and every history has the same shas on every run. Git runs isolated from the machine's
/// global and system configuration. Dispose deletes the folder.
/// </summary>
/// <example>
/// <code>
/// using var repository = new TestRepository();
/// repository.MakeCommit("Initial commit");
/// repository.Tag("1.0.0", annotated: true);
/// repository.Branch("develop");
/// repository.MakeCommits(3);
/// repository.Checkout("main");
/// repository.Merge("develop");
/// var git = await repository.OpenAsync();
/// </code>
/// </example>
public sealed class TestRepository : IDisposable
{
    /// <summary>The clock's start: the first git run is dated one minute after it.</summary>
    public static readonly DateTimeOffset Epoch = new(2024, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private const string UserName = "Slipway Test";
    private const string UserEmail = "test@slipway.invalid";
    private static readonly string Root = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "slipway-git-tests");

    private int _ticks;

    /// <summary>Creates an empty repository (no commits) whose first branch is <paramref name="initialBranch"/>.</summary>
    public TestRepository(string initialBranch = "main")
        : this(NewFolder(), ticks: 0)
    {
        Run("init", "-q", "-b", initialBranch);
        WriteConfig();
    }

    private TestRepository(string path, int ticks)
    {
        Path = path;
        _ticks = ticks;
    }

    /// <summary>The top folder of the work tree.</summary>
    public string Path { get; }

    /// <summary>The date the last git run was given; the next run gets one minute more.</summary>
    public DateTimeOffset Now => Epoch.AddMinutes(_ticks);

    /// <summary>Commits with <paramref name="message"/> and no changes (staged changes are included); returns the new sha.</summary>
    public string MakeCommit(string message = "commit")
    {
        Run("commit", "-q", "--allow-empty", "-m", message);
        return Sha();
    }

    /// <summary>
    /// Adds <paramref name="count"/> empty commits to the current branch, with messages "<paramref name="messagePrefix"/> 1",
    /// "... 2", ..., in one <c>git fast-import</c> run; returns their shas, oldest first. Staged changes stay staged. On a
    /// detached HEAD it falls back to one <see cref="MakeCommit"/> each.
    /// </summary>
    public IReadOnlyList<string> MakeCommits(int count, string messagePrefix = "commit")
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var branch = Git(["symbolic-ref", "-q", "HEAD"], checkExitCode: false);
        if (branch.ExitCode != 0)
            return Enumerable.Range(1, count).Select(number => MakeCommit($"{messagePrefix} {number}")).ToArray();

        var hasCommits = Git(["rev-parse", "-q", "--verify", "HEAD"], checkExitCode: false).ExitCode == 0;
        var stream = new StringBuilder();
        for (var number = 1; number <= count; number++)
        {
            var message = $"{messagePrefix} {number}\n";
            var date = NextDate();
            stream.Append(CultureInfo.InvariantCulture, $"commit {branch.Text}\nmark :{number}\n")
                .Append(CultureInfo.InvariantCulture, $"author {UserName} <{UserEmail}> {date}\n")
                .Append(CultureInfo.InvariantCulture, $"committer {UserName} <{UserEmail}> {date}\n")
                .Append(CultureInfo.InvariantCulture, $"data {Encoding.UTF8.GetByteCount(message)}\n{message}");
            if (number == 1 && hasCommits)
                stream.Append(CultureInfo.InvariantCulture, $"from {branch.Text}^0\n");
            stream.Append('\n');
        }

        // get-mark prints each new sha; the commits change no file, so the index and work tree stay in step.
        for (var number = 1; number <= count; number++)
            stream.Append(CultureInfo.InvariantCulture, $"get-mark :{number}\n");
        var output = Git(["fast-import", "--quiet"], standardInput: stream.ToString()).StandardOutput;
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>Creates branch <paramref name="name"/> at <paramref name="startPoint"/> (HEAD when null) and, unless told not to, checks it out.</summary>
    public void Branch(string name, string? startPoint = null, bool checkout = true)
    {
        string[] arguments = checkout ? ["checkout", "-q", "-b", name] : ["branch", name];
        Run(startPoint is null ? arguments : [.. arguments, startPoint]);
    }

    /// <summary>Checks out an existing branch (or any revision, which detaches HEAD).</summary>
    public void Checkout(string name) => Run("checkout", "-q", name);

    /// <summary>Detaches HEAD at <paramref name="revision"/>.</summary>
    public void Detach(string revision = "HEAD") => Run("checkout", "-q", "--detach", revision);

    /// <summary>
    /// Merges <paramref name="branch"/> into the current branch with a merge commit (<c>--no-ff</c>); returns its sha.
    /// Without a message, git's own: "Merge branch 'x'", plus " into y" when y is not main or master.
    /// </summary>
    public string Merge(string branch, string? message = null)
    {
        Run(message is null ? ["merge", "-q", "--no-ff", "--no-edit", branch] : ["merge", "-q", "--no-ff", "-m", message, branch]);
        return Sha();
    }

    /// <summary>Tags <paramref name="target"/> (HEAD when null); an annotated tag gets <paramref name="message"/>, or the name.</summary>
    public void Tag(string name, bool annotated = false, string? target = null, string? message = null)
    {
        string[] arguments = annotated ? ["tag", "-a", name, "-m", message ?? name] : ["tag", name];
        Run(target is null ? arguments : [.. arguments, target]);
    }

    /// <summary>The sha of the commit <paramref name="revision"/> names; a tag gives the commit it points at.</summary>
    public string Sha(string revision = "HEAD") => Run("rev-parse", "--verify", "-q", revision + "^{commit}");

    /// <summary>Writes a file in the work tree, for uncommitted changes; folders are created as needed.</summary>
    public void WriteFile(string relativePath, string content = "")
    {
        var path = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    /// <summary>Writes a commit-graph file, as <c>git gc</c> does, which makes <see cref="GitRepository"/> load dates and messages lazily.</summary>
    public void WriteCommitGraph() => Run("commit-graph", "write", "--reachable");

    /// <summary>Runs git in the repository with the next date; returns standard output, trimmed. Throws when git fails.</summary>
    public string Run(params string[] arguments) => Git(arguments).Text;

    /// <summary>A full clone of this repository (remote <c>origin</c> is this one) in a new temporary folder; its clock continues this one's.</summary>
    public TestRepository Clone() => CloneInto(["clone", "-q", Path]);

    /// <summary>A shallow clone, <c>git clone --depth <paramref name="depth"/></c>, of <paramref name="branch"/> (HEAD when null).</summary>
    public TestRepository CloneShallow(int depth, string? branch = null)
    {
        // --depth is ignored for a plain path, so the source is given as a file:// URL.
        string[] arguments = ["clone", "-q", "--depth", depth.ToString(CultureInfo.InvariantCulture), new Uri(Path).AbsoluteUri];
        return CloneInto(branch is null ? arguments : [.. arguments, "--branch", branch]);
    }

    /// <summary>Opens this repository with <see cref="GitRepository.OpenAsync"/>.</summary>
    public Task<GitRepository> OpenAsync() => GitRepository.OpenAsync(Path);

    /// <summary>Deletes the folder.</summary>
    public void Dispose() => DeleteFolder(Path);

    private TestRepository CloneInto(string[] arguments)
    {
        var clone = new TestRepository(NewFolder(), _ticks);
        Git([.. arguments, clone.Path]);
        clone._ticks = _ticks;
        clone.WriteConfig();
        return clone;
    }

    // Written to the file directly, which saves a git process per setting; the identity is also in every run's environment.
    private void WriteConfig() =>
        File.AppendAllText(
            System.IO.Path.Combine(Path, ".git", "config"),
            $"[user]\n\tname = {UserName}\n\temail = {UserEmail}\n[advice]\n\tdetachedHead = false\n");

    private ToolResult Git(string[] arguments, string? standardInput = null, bool checkExitCode = true)
    {
        var date = NextDate();
        var invocation = new ToolInvocation("git", arguments)
        {
            WorkingDirectory = Path,
            EchoCommand = false,
            StreamOutput = false,
            CheckExitCode = checkExitCode,
            StandardInput = standardInput,
            Timeout = TimeSpan.FromMinutes(1),
            Environment = new Dictionary<string, string?>
            {
                ["GIT_CONFIG_GLOBAL"] = OperatingSystem.IsWindows() ? "NUL" : "/dev/null",
                ["GIT_CONFIG_NOSYSTEM"] = "1",
                ["GIT_AUTHOR_NAME"] = UserName,
                ["GIT_AUTHOR_EMAIL"] = UserEmail,
                ["GIT_COMMITTER_NAME"] = UserName,
                ["GIT_COMMITTER_EMAIL"] = UserEmail,
                ["GIT_AUTHOR_DATE"] = date,
                ["GIT_COMMITTER_DATE"] = date,
            },
        };
        return ToolRunner.Run(invocation);
    }

    // git's internal date format: unix seconds and zone.
    private string NextDate() => $"{Epoch.AddMinutes(++_ticks).ToUnixTimeSeconds()} +0000";

    private static string NewFolder()
    {
        var path = System.IO.Path.Combine(Root, Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(path);
        return path;
    }

    private static void DeleteFolder(string path)
    {
        if (!Directory.Exists(path))
            return;
        // git makes its object files read-only, which stops Directory.Delete on Windows.
        foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories))
            File.SetAttributes(file, FileAttributes.Normal);
        Directory.Delete(path, recursive: true);
    }
}
