namespace Slipway.Versioning.Git;

/// <summary>Where a repository is and what HEAD is, from one <c>git rev-parse</c>; failures become errors that say what to do.</summary>
internal sealed record RepositoryLocation(
    string WorkingDirectory, string GitDirectory, string CommonDirectory, bool HasCommitGraph, bool IsShallow, string? HeadSha, string? CurrentBranch)
{
    /// <summary>Whether history may be read from the commit-graph file itself (see <see cref="FileHistory"/>): git would use it here, and nothing makes git's parents differ from the file's.</summary>
    /// <remarks>
    /// Not in a shallow clone, with grafts, or with objects elsewhere (alternates, git's object-folder variables), where the
    /// file may not hold what git reads; replace refs are checked with the refs (<see cref="ReferenceListing.ReplacesObjects"/>).
    /// </remarks>
    public bool CanReadCommitGraphFile =>
        HasCommitGraph && !IsShallow &&
        Environment.GetEnvironmentVariable("GIT_OBJECT_DIRECTORY") is null &&
        Environment.GetEnvironmentVariable("GIT_ALTERNATE_OBJECT_DIRECTORIES") is null &&
        !File.Exists(Path.Combine(CommonDirectory, "info", "grafts")) &&
        !File.Exists(Path.Combine(ObjectsDirectory, "info", "alternates"));

    /// <summary>The git objects folder, shared by linked worktrees.</summary>
    public string ObjectsDirectory => Path.Combine(CommonDirectory, "objects");

    private const string BranchPrefix = "refs/heads/";

    /// <summary>Finds the repository containing <paramref name="path"/>.</summary>
    /// <exception cref="GitException">The folder is missing, not in a repository, or git refuses to read it.</exception>
    public static async Task<RepositoryLocation> FindAsync(string path, CancellationToken cancellationToken)
    {
        var directory = Path.GetFullPath(path);
        if (!Directory.Exists(directory))
        {
            throw new GitException(
                $"Folder '{directory}' does not exist, so there is no git history to compute a version from. Pass the folder of a git checkout.",
                directory);
        }

        // HEAD before --symbolic-full-name HEAD: the option applies to every argument after it. In a repository
        // without commits, rev-parse prints the first four lines, echoes HEAD, and then fails on it.
        var result = await GitCli.RunAsync(
            directory,
            [
                "rev-parse", "--path-format=absolute", "--show-toplevel", "--absolute-git-dir", "--git-common-dir",
                "--is-shallow-repository", "HEAD", "--symbolic-full-name", "HEAD",
            ],
            cancellationToken,
            allowFailure: true).ConfigureAwait(false);
        var lines = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (result.ExitCode == 0 && lines.Length == 6)
            return Create(lines, lines[4], BranchName(lines[5]));
        if (lines.Length >= 4 && lines[3] is "true" or "false")
        {
            // HEAD names a branch without commits: a new repository, or an orphan branch.
            var head = await GitCli.RunAsync(directory, ["symbolic-ref", "-q", "HEAD"], cancellationToken, allowFailure: true)
                .ConfigureAwait(false);
            return Create(lines, null, BranchName(head.Text));
        }

        throw Failure(directory, result);
    }

    /// <summary>Whether the repository above <paramref name="directory"/> has a commit-graph file, guessed without git from the first <c>.git</c> folder above it; null when that cannot be told so (a <c>.git</c> file, git's location variables set, no <c>.git</c>).</summary>
    /// <remarks>Lets the loading processes start while rev-parse runs: a wrong guess only picks the slower way to load.</remarks>
    public static bool? GuessHasCommitGraph(string directory)
    {
        if (Environment.GetEnvironmentVariable("GIT_DIR") is not null || Environment.GetEnvironmentVariable("GIT_COMMON_DIR") is not null ||
            Environment.GetEnvironmentVariable("GIT_OBJECT_DIRECTORY") is not null)
            return null;
        for (var current = new DirectoryInfo(directory); current is not null; current = current.Parent)
        {
            var dotGit = Path.Combine(current.FullName, ".git");
            if (Directory.Exists(dotGit))
                return HasCommitGraphIn(dotGit);
            if (File.Exists(dotGit))
                return null; // a linked worktree or submodule: its objects are elsewhere
        }

        return null;
    }

    private static RepositoryLocation Create(string[] lines, string? headSha, string? currentBranch) =>
        new(Path.GetFullPath(lines[0]), Path.GetFullPath(lines[1]), Path.GetFullPath(lines[2]), HasCommitGraphIn(lines[2]), lines[3] == "true", headSha, currentBranch);

    // Linked worktrees share the main repository's objects, and so its commit-graph: this takes the common git folder.
    private static bool HasCommitGraphIn(string commonGitDirectory)
    {
        var objects = Path.Combine(commonGitDirectory, "objects", "info");
        return File.Exists(Path.Combine(objects, "commit-graph")) ||
               File.Exists(Path.Combine(objects, "commit-graphs", "commit-graph-chain"));
    }

    private static string? BranchName(string symbolicName) =>
        symbolicName.StartsWith(BranchPrefix, StringComparison.Ordinal) ? symbolicName[BranchPrefix.Length..] : null;

    private static GitException Failure(string directory, Tooling.ToolResult result)
    {
        var errors = GitCli.ErrorText(result);
        // The advice git prints names the command to run in every language, so its key is a safe thing to look for.
        if (result.StandardError.Contains("safe.directory", StringComparison.Ordinal))
        {
            return new GitException(
                $"git refuses to read the repository at '{directory}' because the folder belongs to another user ('dubious ownership').{errors}\n" +
                $"Run the build as the folder's owner, or trust the folder with: git config --global --add safe.directory '{directory}'",
                directory, result.CommandLine);
        }

        if (!HasGitFolderAbove(directory))
        {
            return new GitException(
                $"No .git found in '{directory}' or any folder above it: the sources are not a git checkout, so there is no history " +
                "to compute a version from. Use a full-clone source (not a source archive or a copy without .git), or pass the " +
                "branch and commit parameters explicitly.",
                directory, result.CommandLine);
        }

        return new GitException(
            $"'{result.CommandLine}' failed with exit code {result.ExitCode} in '{directory}', which is inside a git repository.{errors}\n" +
            "A bare repository has no work tree to version: use a checkout. Otherwise check that git is 2.33 or newer, and run the " +
            "command there to see the full error.",
            directory, result.CommandLine);
    }

    // A work tree has .git (a folder, or a file for worktrees and submodules); a bare repository is its own git folder.
    private static bool HasGitFolderAbove(string directory)
    {
        for (var current = new DirectoryInfo(directory); current is not null; current = current.Parent)
        {
            var dotGit = Path.Combine(current.FullName, ".git");
            if (Directory.Exists(dotGit) || File.Exists(dotGit))
                return true;
            if (File.Exists(Path.Combine(current.FullName, "HEAD")) && Directory.Exists(Path.Combine(current.FullName, "objects")))
                return true;
        }

        return false;
    }
}
