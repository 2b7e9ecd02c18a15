namespace Slipway.Versioning.Git;

/// <summary>
/// Loads commit dates and messages when first asked for, for a graph loaded without them (see <see cref="CommitLog"/>):
/// one <c>git rev-list --no-walk --stdin</c> per batch, never one process per commit.
/// </summary>
/// <remarks>
/// HEAD and every ref's target are loaded with the graph (<see cref="LoadReferenceTargetsAsync"/>): HEAD's date is the
/// version's commit date, and tags are compared by date. After that, a batch is what a version computation tends to
/// ask for next: the next commits of the same kind, merge or not, in git's date order, which is the order history is
/// walked in (merge messages are read across the whole history, other messages only since the last version). Each
/// batch of a kind is twice the size of the last, so walking all history takes a handful of runs.
/// </remarks>
internal sealed class CommitDetails(string directory)
{
    private const int FirstBatch = 512;

    private readonly Lock _gate = new();
    private int _mergeBatch = FirstBatch;
    private int _otherBatch = FirstBatch;

    /// <summary>The details of HEAD and of every commit a ref points at, in the detailed format of <see cref="CommitLog"/>.</summary>
    public static async Task<string> LoadReferenceTargetsAsync(
        string directory, Task<IReadOnlyList<ListedReference>> references, string? headSha, CancellationToken cancellationToken)
    {
        // rev-list peels tags given on its input, and skips trees and blobs.
        var targets = (await references.ConfigureAwait(false)).Select(reference => reference.Target).Append(headSha).OfType<string>();
        var result = await RunAsync(directory, targets.Distinct(), cancellationToken).ConfigureAwait(false);
        return result.StandardOutput;
    }

    /// <summary>Loads the details of commit <paramref name="index"/> and of its batch; blocks while git runs.</summary>
    public void Load(CommitGraph graph, int index)
    {
        lock (_gate)
        {
            if (graph.Commits[index].HasDetails)
                return;

            var batch = Following(graph, index).Select(commit => commit.Sha);
            var result = RunAsync(directory, batch, CancellationToken.None).GetAwaiter().GetResult();
            CommitLog.ApplyDetails(graph, result.StandardOutput);
            if (!graph.Commits[index].HasDetails)
            {
                throw new GitException(
                    $"git printed no date or message for commit '{graph.Commits[index].Sha}' in '{directory}': the repository changed " +
                    "after it was opened. Open it again.",
                    directory,
                    result.CommandLine);
            }
        }
    }

    private static Task<Tooling.ToolResult> RunAsync(string directory, IEnumerable<string> shas, CancellationToken cancellationToken) =>
        GitCli.RunAsync(directory, CommitLog.DetailsArguments, cancellationToken, string.Concat(shas.Select(sha => sha + "\n")));

    private List<Commit> Following(CommitGraph graph, int index)
    {
        var merge = graph.ParentCount(index) > 1;
        ref var size = ref merge ? ref _mergeBatch : ref _otherBatch;
        var batch = new List<Commit>();
        for (var next = index; next < graph.Count && batch.Count < size; next++)
        {
            if (!graph.Commits[next].HasDetails && graph.ParentCount(next) > 1 == merge)
                batch.Add(graph.Commits[next]);
        }

        size = (int)Math.Min(size * 2L, int.MaxValue);
        return batch;
    }
}
