using System.Text;

namespace Slipway.Versioning.Releases;

/// <summary>
/// Writes a finish: the tag object, then main, the tag and develop in one <c>git update-ref --stdin</c> transaction
/// that checks each old value (all move or none do), then the work tree when its checked-out branch moved.
/// </summary>
internal static class ReleaseRefUpdate
{
    /// <summary>A ref to move from <paramref name="Old"/> (null: create) to <paramref name="New"/>.</summary>
    public sealed record Move(string Reference, string New, string? Old);

    /// <summary>Makes the annotated tag object for <paramref name="commit"/>; the ref is made by <see cref="ApplyAsync"/>.</summary>
    public static async Task<string> TagObjectAsync(ReleaseGit git, string tag, string commit, string message, string tagger) =>
        (await git.TryAsync(["mktag"], $"object {commit}\ntype commit\ntag {tag}\ntagger {tagger}\n\n{message}\n").ConfigureAwait(false)) is { ExitCode: 0 } result
            ? result.Text
            : throw new ReleaseFinishException($"Git could not make the tag object for '{tag}'. Check that the tag message is text, then run again.");

    /// <summary>Refuses when the checked-out branch's new tree cannot be written over the work tree (an untracked file in the way).</summary>
    public static async Task RefuseBlockedWorkTreeAsync(ReleaseGit git, string branch, string from, string to)
    {
        var result = await git.TryAsync(["read-tree", "-m", "-u", "-n", from, to]).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw new ReleaseFinishException(
                $"Branch '{branch}' is checked out in '{git.Directory}' and its new commit cannot be written over the work tree:" +
                $"{Git.GitCli.ErrorText(result)}\nMove or delete those untracked files, or check out the release branch, then run again.");
        }
    }

    /// <summary>Moves every ref in one transaction, then brings the work tree along when <paramref name="currentBranch"/> moved.</summary>
    public static async Task ApplyAsync(ReleaseGit git, IReadOnlyList<Move> moves, string? currentBranch, string reason)
    {
        if (moves.Count == 0)
            return;
        var commands = new StringBuilder();
        foreach (var move in moves)
            commands.Append(move.Old is null ? $"create {move.Reference} {move.New}\n" : $"update {move.Reference} {move.New} {move.Old}\n");
        var result = await git.TryAsync(["update-ref", "-m", reason, "--stdin"], commands.ToString()).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw new ReleaseFinishException(
                $"Git refused to move {string.Join(", ", moves.Select(move => $"'{move.Reference}'"))}; none of them moved:" +
                $"{Git.GitCli.ErrorText(result)}\nSomething changed them while finishing; run again.");
        }

        var checkedOut = moves.FirstOrDefault(move => move.Reference == "refs/heads/" + currentBranch && move.Old is not null);
        if (checkedOut is not null)
            await git.RunAsync("read-tree", "-m", "-u", checkedOut.Old!, checkedOut.New).ConfigureAwait(false);
    }
}
