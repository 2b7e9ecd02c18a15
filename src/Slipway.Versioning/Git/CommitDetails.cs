namespace Slipway.Versioning.Git;

/// <summary>
/// Loads commit dates and messages when first asked for, for a graph loaded without them (see <see cref="CommitLog"/>):
/// one <c>git rev-list --no-walk --stdin</c> per batch, never one process per commit.
/// </summary>
/// <remarks>
/// A batch is what a version computation tends to ask for next: the next commits of the same kind, merge or not, in
/// git's date order, which is the order history is walked in (merge messages are read from HEAD back until five
/// releases are found). Each batch of a kind is twice the size of the last, so walking all history takes a handful of
/// runs. The date of a commit a ref points at (or HEAD) loads those of all of them: who compares one tag's date
/// compares them all. A version computation itself needs no dates from here: the graph has them without time zones
/// (<see cref="CommitGraph.TimeOf"/>).
/// </remarks>
internal sealed class CommitDetails(string directory, IReadOnlySet<int> referenceTargets)
{
    private const int FirstBatch = 512;
    // Five release merges are usually among HEAD's last few dozen merges; 512 merges took 11 ms where 64 take 3.
    private const int FirstMergeBatch = 64;

    private readonly Lock _gate = new();
    private int _mergeBatch = FirstMergeBatch;
    private int _otherBatch = FirstBatch;

    /// <summary>Loads the details of commit <paramref name="index"/> and of its batch, picked by whether its date is what is asked for; blocks while git runs.</summary>
    public void Load(CommitGraph graph, int index, bool forDate)
    {
        lock (_gate)
        {
            if (graph.Commits[index].HasDetails)
                return;

            var batch = (forDate && referenceTargets.Contains(index) ? ReferenceTargets(graph) : Following(graph, index)).Select(commit => commit.Sha);
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

    private List<Commit> ReferenceTargets(CommitGraph graph) =>
        referenceTargets.Select(target => graph.Commits[target]).Where(commit => !commit.HasDetails).ToList();

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
