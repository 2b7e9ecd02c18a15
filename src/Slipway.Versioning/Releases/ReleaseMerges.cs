namespace Slipway.Versioning.Releases;

/// <summary>
/// The two merges of a finish, made as commit objects without touching a work tree: <c>git merge-tree --write-tree</c>
/// computes the merged tree (the same merge <c>git merge</c> does), <c>git commit-tree</c> makes the two-parent commit
/// with <c>git merge --no-ff</c>'s message. A conflict therefore leaves the repository as it was.
/// </summary>
internal static class ReleaseMerges
{
    private const int ListedFiles = 10;

    /// <summary>"Merge branch 'release/1.2.0'", with " into x" unless x is main or master, as <c>git merge</c> writes it.</summary>
    public static string BranchMessage(string branch, string into) =>
        $"Merge branch '{branch}'" + (into is "main" or "master" ? "" : $" into {into}");

    /// <summary>"Merge tag 'v1.2.0' into develop" and the tag's message, as <c>git merge</c> writes it for an annotated tag.</summary>
    public static string TagMessage(string tag, string into, string tagMessage) => $"Merge tag '{tag}' into {into}\n\n{tagMessage}";

    /// <summary>The merge commit on main's first-parent line that merged the release branch's tip.</summary>
    public static async Task<string> FindAsync(ReleaseGit git, ReleaseRefs refs)
    {
        var lines = (await git.RunAsync("rev-list", "--first-parent", "--parents", refs.MainCommit, "^" + refs.BranchCommit).ConfigureAwait(false))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var merge = lines.Select(line => line.Split(' ')).LastOrDefault(commit => commit.Length > 2 && commit[2..].Contains(refs.BranchCommit));
        return merge?[0] ?? throw new ReleaseFinishException(
            $"Branch '{refs.Main}' already contains '{refs.Branch}' ({refs.BranchCommit}), but not through a merge commit of it " +
            "(it was fast-forwarded or merged another way), so there is no merge commit to tag. Tag the right commit by hand, " +
            "or add a commit to the release branch, then run again.");
    }

    /// <summary>Makes the merge commit of <paramref name="theirs"/> into <paramref name="ours"/>, or returns the conflicting files.</summary>
    public static async Task<(string? Commit, IReadOnlyList<string> Conflicts)> MergeAsync(
        ReleaseGit git, string ours, string theirs, string message)
    {
        var result = await git.TryAsync(["merge-tree", "--write-tree", "-z", "--name-only", "--no-messages", ours, theirs]).ConfigureAwait(false);
        var entries = result.StandardOutput.Split('\0', StringSplitOptions.RemoveEmptyEntries);
        if (result.ExitCode == 1)
            return (null, entries.Skip(1).Distinct(StringComparer.Ordinal).ToList());
        if (result.ExitCode != 0)
            throw Git.GitCli.Failure(git.Directory, result);
        var commit = await git.TryAsync(["commit-tree", entries[0], "-p", ours, "-p", theirs, "-F", "-"], message + "\n").ConfigureAwait(false);
        return commit.ExitCode == 0 ? (commit.Text, []) : throw Git.GitCli.Failure(git.Directory, commit);
    }

    /// <summary>The error for a conflict: the files, that nothing changed, and where to resolve it before running again.</summary>
    public static ReleaseFinishException Conflict(string what, string into, IReadOnlyList<string> files, string resolve)
    {
        var listed = string.Join(", ", files.Take(ListedFiles).Select(file => $"'{file}'")) + (files.Count > ListedFiles ? $" and {files.Count - ListedFiles} more" : "");
        return new ReleaseFinishException(
            $"Merging {what} into '{into}' conflicts in {listed}. Nothing was changed: no branch, tag, index or file was touched. " +
            $"Resolve it: {resolve}, fix those files, commit, then run again.");
    }
}
