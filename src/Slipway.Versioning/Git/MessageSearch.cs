using System.Numerics;

namespace Slipway.Versioning.Git;

/// <summary>
/// Finds the commits of a loaded graph whose message contains a text, searching each commit at most once however many
/// ranges are asked about (see <see cref="GitRepository.CommitsMentioning"/>).
/// </summary>
/// <remarks>
/// Messages already in memory (no commit-graph file) are searched there. Otherwise git searches them, given the commits
/// not searched yet: a version computation asks about the commits after each candidate source, and the sources that
/// survive pruning are recent, so git reads a thousand or two commit objects instead of the whole history (grepping all
/// 20,000 commits of the benchmark repository took 70 ms, where <c>git rev-list --count --all</c> takes 12). Each run
/// also takes the newest unsearched commits of the history asked about, at least twice as many as the last run, since
/// the next question is usually about a slightly older source: a computation takes two or three runs, not one per
/// candidate. Matching commits come back with their dates and messages, which the caller reads next.
/// </remarks>
internal sealed class MessageSearch(CommitGraph graph, string directory, string text)
{
    private const int FirstBatch = 1024;

    private readonly Lock _gate = new();
    private readonly ulong[] _searched = new ulong[(graph.Count + 63) >> 6];
    private readonly ulong[] _found = new ulong[(graph.Count + 63) >> 6];
    private int _batch = FirstBatch;

    /// <summary>The commits of <paramref name="range"/> whose message contains the text, in index order; <paramref name="history"/>, which holds the range, is where a run may search ahead.</summary>
    /// <remarks>Both are bit sets over the graph's indices.</remarks>
    public List<Commit> Find(ulong[] range, ulong[] history)
    {
        lock (_gate)
        {
            var unsearched = new List<int>();
            for (var word = 0; word < range.Length; word++)
                AddIndices(unsearched, word, range[word] & ~_searched[word]);
            if (unsearched.Count > 0)
            {
                if (text.Length == 0 || graph.Details is null)
                {
                    SearchInMemory(unsearched);
                }
                else
                {
                    SearchAhead(unsearched, history);
                    SearchWithGit(unsearched);
                }
            }

            var found = new List<int>();
            for (var word = 0; word < range.Length; word++)
                AddIndices(found, word, range[word] & _found[word]);
            return found.ConvertAll(index => graph.Commits[index]);
        }
    }

    private void SearchInMemory(List<int> commits)
    {
        foreach (var index in commits)
        {
            Add(_searched, index);
            if (text.Length == 0 || graph.Commits[index].Message.Contains(text, StringComparison.OrdinalIgnoreCase))
                Add(_found, index);
        }
    }

    // Adds the newest unsearched commits of the history (the lowest indices: git listed the graph newest first) to the run.
    private void SearchAhead(List<int> commits, ulong[] history)
    {
        var wanted = Math.Max(_batch, commits.Count);
        _batch = (int)Math.Min(_batch * 2L, int.MaxValue);
        foreach (var index in commits)
            Add(_searched, index);
        for (var word = 0; word < history.Length && commits.Count < wanted; word++)
        {
            for (var bits = history[word] & ~_searched[word]; bits != 0 && commits.Count < wanted; bits &= bits - 1)
            {
                var index = (word << 6) + BitOperations.TrailingZeroCount(bits);
                commits.Add(index);
                Add(_searched, index);
            }
        }
    }

    private void SearchWithGit(List<int> commits)
    {
        // --no-walk: only the commits given, which rev-list still filters with --grep; matches come in the detailed format.
        var input = string.Concat(commits.Select(index => graph.Commits[index].Sha + "\n"));
        var result = GitCli.RunAsync(
                directory,
                [.. CommitLog.DetailsArguments, "--regexp-ignore-case", "--fixed-strings", "--grep=" + text],
                CancellationToken.None,
                input)
            .GetAwaiter().GetResult();
        foreach (var index in CommitLog.ApplyDetails(graph, result.StandardOutput))
            Add(_found, index);
    }

    private static void Add(ulong[] set, int index) => set[index >> 6] |= 1UL << index;

    private static void AddIndices(List<int> indices, int word, ulong bits)
    {
        for (; bits != 0; bits &= bits - 1)
            indices.Add((word << 6) + BitOperations.TrailingZeroCount(bits));
    }
}
