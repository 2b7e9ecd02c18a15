using System.Numerics;

namespace Slipway.Versioning.Git;

/// <summary>
/// Finds the commits of a loaded graph whose message contains a text, searching each commit at most once however many
/// ranges are asked about (see <see cref="GitRepository.CommitsMentioning"/>).
/// </summary>
/// <remarks>
/// With a commit-graph file, messages are loaded only for the commits searched: a version computation asks about the
/// commits after each candidate source, and the sources that survive pruning are recent, so it needs a thousand or two
/// messages, not the whole history (grepping all 20,000 commits of the benchmark repository took 70 ms, where
/// <c>git rev-list --count --all</c> takes 12). Each load also takes the newest unsearched commits of the history asked
/// about, at least twice as many as the last, since the next question is usually about a slightly older source and the
/// merge messages read next are among them: a computation takes one or two git runs, not one per candidate.
/// </remarks>
internal sealed class MessageSearch(CommitGraph graph, string text)
{
    private const int FirstBatch = 2048; // about 12 ms of git for the benchmark repository, where 1,024 take 7

    private readonly Lock _gate = new();
    private readonly ulong[] _searched = new ulong[(graph.Count + 63) >> 6];
    private readonly ulong[] _found = new ulong[(graph.Count + 63) >> 6];
    private readonly bool _asciiCaseOnly = graph.Details is not null && text.All(char.IsAscii);
    private int _batch = FirstBatch;

    /// <summary>The commits of <paramref name="range"/> whose message contains the text, in index order; <paramref name="history"/>, which holds the range, is where a load may read ahead.</summary>
    /// <remarks>Both are bit sets over the graph's indices.</remarks>
    public List<Commit> Find(ulong[] range, ulong[] history)
    {
        lock (_gate)
        {
            var unsearched = new List<int>();
            for (var word = 0; word < range.Length; word++)
                AddIndices(unsearched, word, range[word] & ~_searched[word]);
            if (text.Length > 0 && graph.Details is { } details && unsearched.Exists(index => !graph.Commits[index].HasDetails))
            {
                ReadAhead(unsearched, history);
                details.LoadAll(graph, unsearched);
            }

            foreach (var index in unsearched)
            {
                Add(_searched, index);
                if (text.Length == 0 || Mentions(graph.Commits[index].Message))
                    Add(_found, index);
            }

            var found = new List<int>();
            for (var word = 0; word < range.Length; word++)
                AddIndices(found, word, range[word] & _found[word]);
            return found.ConvertAll(index => graph.Commits[index]);
        }
    }

    // Adds the newest unsearched commits of the history (the lowest indices: git listed the graph newest first).
    private void ReadAhead(List<int> commits, ulong[] history)
    {
        var wanted = Math.Max(_batch, commits.Count);
        _batch = (int)Math.Min(_batch * 2L, int.MaxValue);
        var taken = new HashSet<int>(commits);
        for (var word = 0; word < history.Length && commits.Count < wanted; word++)
        {
            for (var bits = history[word] & ~_searched[word]; bits != 0 && commits.Count < wanted; bits &= bits - 1)
            {
                var index = (word << 6) + BitOperations.TrailingZeroCount(bits);
                if (taken.Add(index))
                    commits.Add(index);
            }
        }
    }

    // With a commit-graph this search used to be git's --regexp-ignore-case --fixed-strings, which folds only ASCII
    // letters for an ASCII text; without one, .NET's ordinal case folding. Both are kept, so no version changes.
    private bool Mentions(string message)
    {
        if (!_asciiCaseOnly)
            return message.Contains(text, StringComparison.OrdinalIgnoreCase);
        for (var start = 0; start + text.Length <= message.Length; start++)
        {
            if (System.Text.Ascii.EqualsIgnoreCase(message.AsSpan(start, text.Length), text))
                return true;
        }

        return false;
    }

    private static void Add(ulong[] set, int index) => set[index >> 6] |= 1UL << index;

    private static void AddIndices(List<int> indices, int word, ulong bits)
    {
        for (; bits != 0; bits &= bits - 1)
            indices.Add((word << 6) + BitOperations.TrailingZeroCount(bits));
    }
}
