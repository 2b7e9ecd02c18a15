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
    private const int RecentCount = 2048; // 12 ms of git for the benchmark repository
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

    /// <summary>The details of the newest <see cref="RecentCount"/> commits of <paramref name="head"/>'s history (a sha, or <c>HEAD</c>), in the detailed format of <see cref="CommitLog"/>; run while the graph loads.</summary>
    /// <remarks>
    /// A version computation reads the messages of about that many of them (bump messages after recent candidates,
    /// merge messages back to the last five releases): loaded beside rev-list, on another core, they cost no time after it.
    /// </remarks>
    public static async Task<string> LoadRecentAsync(string directory, string head, CancellationToken cancellationToken) =>
        (await GitCli.RunAsync(directory, CommitLog.RecentArguments(head, RecentCount), cancellationToken).ConfigureAwait(false)).StandardOutput;

    /// <summary>Loads the details of the commits <paramref name="indices"/> that have none yet, with one git run; blocks while git runs.</summary>
    public void LoadAll(CommitGraph graph, IEnumerable<int> indices)
    {
        lock (_gate)
        {
            var missing = indices.Where(index => !graph.Commits[index].HasDetails).Select(index => graph.Commits[index].Sha).ToList();
            var o = RunAsync(directory, missing, CancellationToken.None).GetAwaiter().GetResult().StandardOutput;
            if (missing.Count > 0)
                CommitLog.ApplyDetails(graph, o);
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
