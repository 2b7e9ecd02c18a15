namespace Slipway.Versioning.Releases;

/// <summary>The commits a release finish starts from, read once (after a fetch) before anything is decided.</summary>
internal sealed record ReleaseRefs(
    string Branch,
    string BranchCommit,
    string Main,
    string MainCommit,
    string Develop,
    string DevelopCommit,
    string? CurrentBranch,
    bool HasRemote,
    string? RemoteMainCommit,
    string? RemoteDevelopCommit,
    string? TagObject,
    string? TagCommit,
    string? RemoteTagCommit)
{
    private const string Heads = "refs/heads/";

    /// <summary>Reads the branches, the tag and, when the remote exists, fetches it and reads its branches and tag.</summary>
    public static async Task<ReleaseRefs> DescribeAsync(ReleaseGit git, ReleaseFinishRequest request, string branch, string? currentBranch)
    {
        var tag = "refs/tags/" + request.TagName;
        var remotes = (await git.RunAsync("remote").ConfigureAwait(false)).Split('\n', StringSplitOptions.TrimEntries);
        var hasRemote = remotes.Contains(request.Remote, StringComparer.Ordinal);
        string? remoteTagCommit = null;
        if (hasRemote)
        {
            // No tags: a remote tag of the same name on another commit would fail the fetch; it is checked below instead.
            await RemoteAsync(git, request.Remote, ["fetch", "--no-tags", "--quiet", request.Remote]).ConfigureAwait(false);
            remoteTagCommit = PeeledCommit(
                await RemoteAsync(git, request.Remote, ["ls-remote", "--tags", request.Remote, tag, tag + "^{}"]).ConfigureAwait(false), tag);
            // A CI checkout (CodeBuild, CodePipeline's full clone) is a detached HEAD with the remote's branches only.
            foreach (var name in new[] { branch, request.MainBranch ?? "main", request.MainBranch ?? "master", request.DevelopBranch })
                await TrackRemoteBranchAsync(git, request.Remote, name).ConfigureAwait(false);
        }

        var branchCommit = await BranchCommitAsync(git, branch, "the branch to finish").ConfigureAwait(false);
        var main = request.MainBranch ?? await MainBranchAsync(git).ConfigureAwait(false);
        var mainCommit = await BranchCommitAsync(git, main, "the main branch").ConfigureAwait(false);
        var developCommit = await BranchCommitAsync(git, request.DevelopBranch, "the develop branch").ConfigureAwait(false);

        return new ReleaseRefs(
            branch, branchCommit, main, mainCommit, request.DevelopBranch, developCommit, currentBranch, hasRemote,
            hasRemote ? await git.CommitAsync($"refs/remotes/{request.Remote}/{main}").ConfigureAwait(false) : null,
            hasRemote ? await git.CommitAsync($"refs/remotes/{request.Remote}/{request.DevelopBranch}").ConfigureAwait(false) : null,
            await git.ObjectAsync(tag).ConfigureAwait(false),
            await git.CommitAsync(tag).ConfigureAwait(false),
            remoteTagCommit);
    }

    /// <summary>
    /// Makes local branch <paramref name="name"/> at the remote's commit when only the remote has it, as <c>git switch NAME</c> would: a
    /// create-only ref update (the all-zero old value), so an existing local branch is never moved.
    /// </summary>
    private static async Task TrackRemoteBranchAsync(ReleaseGit git, string remote, string name)
    {
        if (await git.CommitAsync(Heads + name).ConfigureAwait(false) is not null
            || await git.CommitAsync($"refs/remotes/{remote}/{name}").ConfigureAwait(false) is not { } remoteCommit)
            return;
        await git.RunAsync("update-ref", "-m", $"slipway: track {remote}/{name}", Heads + name, remoteCommit, new string('0', remoteCommit.Length)).ConfigureAwait(false);
    }

    private static async Task<string> BranchCommitAsync(ReleaseGit git, string branch, string role) =>
        await git.CommitAsync(Heads + branch).ConfigureAwait(false)
        ?? throw new ReleaseFinishException(
            $"Branch '{branch}' ({role}) does not exist in '{git.Directory}'. Create it, or fetch it and make the local branch " +
            $"(git switch {branch}), then run again.");

    private static async Task<string> MainBranchAsync(ReleaseGit git)
    {
        foreach (var candidate in new[] { "main", "master" })
        {
            if (await git.CommitAsync(Heads + candidate).ConfigureAwait(false) is not null)
                return candidate;
        }

        throw new ReleaseFinishException(
            $"Neither 'main' nor 'master' exists in '{git.Directory}'. Name the production branch in the request's MainBranch.");
    }

    private static async Task<string> RemoteAsync(ReleaseGit git, string remote, string[] arguments)
    {
        var result = await git.TryAsync(arguments).ConfigureAwait(false);
        if (result.ExitCode == 0)
            return result.StandardOutput;
        throw new ReleaseFinishException(
            $"Remote '{remote}' could not be read ('{result.CommandLine}' failed):{Git.GitCli.ErrorText(result)}\n" +
            "The local branches must be compared with the remote's before finishing. Check the remote's address and access, or remove " +
            "the remote, then run again.");
    }

    // ls-remote lists an annotated tag twice: the tag object, and the commit under "^{}".
    private static string? PeeledCommit(string lsRemote, string tag)
    {
        var lines = lsRemote.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split('\t')).ToList();
        return (lines.FirstOrDefault(line => line[^1] == tag + "^{}") ?? lines.FirstOrDefault(line => line[^1] == tag))?[0];
    }
}
