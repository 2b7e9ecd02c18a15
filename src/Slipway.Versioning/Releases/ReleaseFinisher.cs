using Slipway.Versioning.Git;

namespace Slipway.Versioning.Releases;

/// <summary>Finishes a release or hotfix branch git-flow style: merge into main, tag that merge, merge the tag into develop, push.</summary>
/// <remarks>
/// Safe to run again at any point: each step first looks whether it is already done (by an earlier run, or by hand) and
/// then changes nothing for it. Nothing is written until both merges are known to be clean, and then main, the tag and
/// develop move in one transaction, so a conflict or a refusal leaves refs, index and work tree as they were.
/// </remarks>
public static class ReleaseFinisher
{
    /// <summary>Checks, plans and (unless a dry run) carries out the finish described by <paramref name="request"/>.</summary>
    /// <exception cref="ReleaseFinishException">A refusal (bad names, dirty tree, branches differing from the remote, a tag elsewhere), a conflict, or a refused push.</exception>
    /// <exception cref="GitException">The folder is not a git repository, or git failed unexpectedly.</exception>
    public static async Task<ReleaseFinishResult> FinishAsync(ReleaseFinishRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var location = await RepositoryLocation.FindAsync(request.RepositoryPath, cancellationToken).ConfigureAwait(false);
        var git = new ReleaseGit(location.WorkingDirectory, cancellationToken);

        // Describe.
        var branch = await ReleaseChecks.RefuseBadNamesAsync(git, request).ConfigureAwait(false);
        var refs = await ReleaseRefs.DescribeAsync(git, request, branch, location.CurrentBranch).ConfigureAwait(false);
        await ReleaseChecks.RefuseDirtyTreeAsync(git).ConfigureAwait(false);
        var committer = await ReleaseChecks.CommitterAsync(git).ConfigureAwait(false);
        var tag = request.TagName;
        var tagMessage = request.TagMessage ?? $"Release {tag}";

        // Choose: what is already done, and the commits the rest will be (both merges before anything is written).
        var main = await MergeIntoMainAsync(git, refs).ConfigureAwait(false);
        await ReleaseChecks.RefuseDifferentFromRemoteAsync(
            git, request.Remote, refs.Main, refs.MainCommit, refs.RemoteMainCommit, main.Done ? refs.BranchCommit : null).ConfigureAwait(false);
        var tagDone = TagDone(request, refs, main.Commit);
        var develop = await MergeIntoDevelopAsync(git, refs, tag, tagMessage, main, tagDone).ConfigureAwait(false);
        await ReleaseChecks.RefuseDifferentFromRemoteAsync(
            git, request.Remote, refs.Develop, refs.DevelopCommit, refs.RemoteDevelopCommit, develop.Done ? main.Commit : null).ConfigureAwait(false);
        var push = request.Push && refs.HasRemote;
        if (refs.CurrentBranch == refs.Main && !main.Done)
            await ReleaseRefUpdate.RefuseBlockedWorkTreeAsync(git, refs.Main, refs.MainCommit, main.Commit).ConfigureAwait(false);
        if (refs.CurrentBranch == refs.Develop && !develop.Done)
            await ReleaseRefUpdate.RefuseBlockedWorkTreeAsync(git, refs.Develop, refs.DevelopCommit, develop.Commit).ConfigureAwait(false);

        // Dry-run exit.
        var steps = new ReleaseSteps(request, refs, main, develop, tagDone);
        if (request.DryRun)
            return steps.Result(pushOutcome: push ? ReleaseStepOutcome.Planned : ReleaseStepOutcome.Skipped);

        // Act: one transaction for main, the tag and develop; then push.
        var moves = new List<ReleaseRefUpdate.Move>();
        if (!main.Done)
            moves.Add(new("refs/heads/" + refs.Main, main.Commit, refs.MainCommit));
        if (!tagDone)
            moves.Add(new("refs/tags/" + tag, await ReleaseRefUpdate.TagObjectAsync(git, tag, main.Commit, tagMessage, committer).ConfigureAwait(false), null));
        if (!develop.Done)
            moves.Add(new("refs/heads/" + refs.Develop, develop.Commit, refs.DevelopCommit));
        await ReleaseRefUpdate.ApplyAsync(git, moves, refs.CurrentBranch, $"finish {refs.Branch}: {tag}").ConfigureAwait(false);
        if (!push)
            return steps.Result(ReleaseStepOutcome.Skipped);
        var pushed = await ReleasePush.PushAsync(git, request.Remote, refs, tag).ConfigureAwait(false);
        return steps.Result(pushed ? ReleaseStepOutcome.Done : ReleaseStepOutcome.AlreadyDone);
    }

    private static async Task<ReleaseMerge> MergeIntoMainAsync(ReleaseGit git, ReleaseRefs refs)
    {
        if (await git.IsAncestorAsync(refs.BranchCommit, refs.MainCommit).ConfigureAwait(false))
            return new(await ReleaseMerges.FindAsync(git, refs).ConfigureAwait(false), Done: true);
        var (commit, conflicts) = await ReleaseMerges.MergeAsync(
            git, refs.MainCommit, refs.BranchCommit, ReleaseMerges.BranchMessage(refs.Branch, refs.Main)).ConfigureAwait(false);
        return commit is not null
            ? new(commit, Done: false)
            : throw ReleaseMerges.Conflict($"'{refs.Branch}'", refs.Main, conflicts, $"git switch {refs.Branch} && git merge {refs.Main}");
    }

    // A tag that exists is never moved: on the merge commit it counts as done, anywhere else it stops the finish.
    private static bool TagDone(ReleaseFinishRequest request, ReleaseRefs refs, string mergeCommit)
    {
        var tag = request.TagName;
        if (refs.TagCommit is not null && refs.TagCommit != mergeCommit)
        {
            throw new ReleaseFinishException(
                $"Tag '{tag}' already exists on commit {refs.TagCommit}, not on {mergeCommit}, the merge of '{refs.Branch}' into " +
                $"'{refs.Main}'. Tags are never moved: if '{tag}' is this release's, check which commit was released; otherwise " +
                "finish with the next version.");
        }

        if (refs.RemoteTagCommit is not null && refs.RemoteTagCommit != mergeCommit)
        {
            throw new ReleaseFinishException(
                $"Tag '{tag}' already exists on remote '{request.Remote}' on commit {refs.RemoteTagCommit}, not on {mergeCommit}, the " +
                $"merge of '{refs.Branch}' into '{refs.Main}'. Tags are never moved: finish with the next version.");
        }

        if (refs.RemoteTagCommit is not null && refs.TagObject is null)
        {
            throw new ReleaseFinishException(
                $"Tag '{tag}' exists on remote '{request.Remote}' but not here. Fetch it (git fetch {request.Remote} tag {tag}), then run again.");
        }

        return refs.TagCommit is not null;
    }

    private static async Task<ReleaseMerge> MergeIntoDevelopAsync(
        ReleaseGit git, ReleaseRefs refs, string tag, string tagMessage, ReleaseMerge main, bool tagDone)
    {
        if (main.Done && await git.IsAncestorAsync(main.Commit, refs.DevelopCommit).ConfigureAwait(false))
            return new(refs.DevelopCommit, Done: true);
        var (commit, conflicts) = await ReleaseMerges.MergeAsync(
            git, refs.DevelopCommit, main.Commit, ReleaseMerges.TagMessage(tag, refs.Develop, tagMessage)).ConfigureAwait(false);
        if (commit is not null)
            return new(commit, Done: false);

        // Before main is merged, the release branch carries the resolution; after, develop does.
        var source = main.Done ? (tagDone ? tag : main.Commit) : refs.Branch;
        throw ReleaseMerges.Conflict(
            main.Done ? $"tag '{tag}'" : $"'{refs.Branch}' (through tag '{tag}')", refs.Develop, conflicts,
            $"git switch {refs.Develop} && git merge --no-ff {source}");
    }
}

/// <summary>A merge of the finish: the commit, and whether it was already on its branch before this run.</summary>
internal sealed record ReleaseMerge(string Commit, bool Done);
