using System.Text.RegularExpressions;

namespace Slipway.Versioning.Releases;

/// <summary>The refusals of a release finish: bad names, a dirty tree, no identity, local branches that differ from the remote's.</summary>
internal static partial class ReleaseChecks
{
    private const int ListedFiles = 10;

    /// <summary>Refuses a branch that is not release/… or hotfix/… and a tag without a version; returns the short branch name.</summary>
    public static async Task<string> RefuseBadNamesAsync(ReleaseGit git, ReleaseFinishRequest request)
    {
        var branch = request.Branch.StartsWith("refs/heads/", StringComparison.Ordinal) ? request.Branch["refs/heads/".Length..] : request.Branch;
        if (!branch.StartsWith("release/", StringComparison.Ordinal) && !branch.StartsWith("hotfix/", StringComparison.Ordinal))
        {
            throw new ReleaseFinishException(
                $"Branch '{request.Branch}' is not a release or hotfix branch: only 'release/…' and 'hotfix/…' are finished into main. " +
                "Check out the release branch (or pass its name), then run again.");
        }

        if (!VersionPattern().IsMatch(request.TagName))
        {
            throw new ReleaseFinishException(
                $"Tag '{request.TagName}' has no version in it: expected the tag prefix and a version such as 'v1.2.0'. " +
                "Pass the version computed for the branch.");
        }

        if ((await git.TryAsync(["check-ref-format", "refs/tags/" + request.TagName]).ConfigureAwait(false)).ExitCode != 0)
            throw new ReleaseFinishException($"Tag '{request.TagName}' is not a valid git tag name (see 'git check-ref-format'). Pass a name without spaces, '~', '^', ':' or '..'.");
        return branch;
    }

    /// <summary>Refuses staged or unstaged changes to tracked files, naming them; untracked files are left alone.</summary>
    public static async Task RefuseDirtyTreeAsync(ReleaseGit git)
    {
        // Untrimmed: an unstaged change starts with a space.
        var status = await git.OutputAsync("status", "--porcelain=v1", "-z", "--untracked-files=no").ConfigureAwait(false);
        // Each entry is "XY path"; a rename adds its old path as the next entry, which is skipped.
        var files = new List<string>();
        var entries = status.Split('\0', StringSplitOptions.RemoveEmptyEntries);
        for (var index = 0; index < entries.Length; index++)
        {
            files.Add(entries[index][3..]);
            if (entries[index][0] is 'R' or 'C')
                index++;
        }

        if (files.Count == 0)
            return;
        var listed = string.Join(", ", files.Take(ListedFiles).Select(file => $"'{file}'")) + (files.Count > ListedFiles ? $" and {files.Count - ListedFiles} more" : "");
        throw new ReleaseFinishException(
            $"The work tree of '{git.Directory}' has uncommitted changes in {listed}. A release is finished from committed work only: " +
            "commit or stash them (git stash), then run again.");
    }

    /// <summary>The committer identity (name, e-mail, date) from git config, which the merges and the tag carry.</summary>
    public static async Task<string> CommitterAsync(ReleaseGit git)
    {
        var result = await git.TryAsync(["var", "GIT_COMMITTER_IDENT"]).ConfigureAwait(false);
        if (result.ExitCode == 0)
            return result.Text;
        throw new ReleaseFinishException(
            $"Git has no committer identity in '{git.Directory}', which the merge commits and the tag need. " +
            "Set it with git config user.name \"…\" and git config user.email \"…\", then run again.");
    }

    /// <summary>
    /// Refuses a local branch that differs from the remote's, unless the only difference is this finish's own merge
    /// (a merge of the remote's commit and <paramref name="mergedCommit"/>, made by an earlier run whose push did not happen).
    /// </summary>
    public static async Task RefuseDifferentFromRemoteAsync(
        ReleaseGit git, string remote, string branch, string local, string? remoteCommit, string? mergedCommit)
    {
        if (remoteCommit is null || remoteCommit == local)
            return;
        if (mergedCommit is not null && (await git.ParentsAsync(local).ConfigureAwait(false)).SequenceEqual([remoteCommit, mergedCommit]))
            return;
        var (ahead, behind) = await git.AheadBehindAsync(local, remoteCommit).ConfigureAwait(false);
        var advice = (ahead, behind) switch
        {
            (0, _) => $"Bring it up to date (git switch {branch} && git merge --ff-only {remote}/{branch})",
            (_, 0) => $"Push those commits first (git push {remote} {branch}), or drop them",
            _ => $"Reconcile the two (git switch {branch} && git pull {remote} {branch}) and push",
        };
        throw new ReleaseFinishException(
            $"Local branch '{branch}' differs from '{remote}/{branch}': {ahead} commit(s) ahead and {behind} behind. " +
            $"A release is finished only on branches equal to the remote's. {advice}, then run again.");
    }

    [GeneratedRegex(@"\d+\.\d+")]
    private static partial Regex VersionPattern();
}
