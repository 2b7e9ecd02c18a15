using System.Runtime.CompilerServices;

namespace Slipway.Versioning.Git;

/// <summary>Every loaded commit as an integer index, with parents in flat arrays, so walks touch no objects and allocate nothing per commit.</summary>
/// <remarks>The walks (in <c>CommitGraph.Walks.cs</c>) share scratch arrays and caches, guarded by one lock.</remarks>
internal sealed partial class CommitGraph
{
    private readonly ShaTable _shas;
    private readonly int[] _parentStart; // parents of commit i are _parents[_parentStart[i] .. _parentStart[i + 1]]
    private readonly int[] _parents;
    private readonly long[] _times;      // committer date, unix seconds
    private readonly int[] _generation;  // 1 for a root, else 1 + the largest generation of its parents
    private string[]? _sortedShas;       // for abbreviated lookups, built on first use
    private int[]? _sortedIndices;

    /// <summary>Builds the graph from per-commit arrays; <paramref name="parentStart"/> has one more entry than there are commits.</summary>
    /// <remarks>The commits start without dates and messages: the loader sets them, at once or through <see cref="Details"/>.</remarks>
    public CommitGraph(ShaTable shas, long[] times, int[] parentStart, int[] parents)
    {
        _parentStart = parentStart;
        _parents = parents;
        _times = times;
        _shas = shas;
        Commits = new Commit[times.Length];
        for (var index = 0; index < times.Length; index++)
            Commits[index] = new Commit(this, index);

        _generation = ComputeGenerations();
        _visited = new int[times.Length];
        _pending = new int[times.Length];
    }

    /// <summary>Every commit, by index.</summary>
    public Commit[] Commits { get; }

    public int Count => Commits.Length;

    /// <summary>Whether parents and dates were read from git's commit-graph file (see <see cref="FileHistory"/>) rather than from rev-list.</summary>
    public bool FromCommitGraphFile { get; init; }

    /// <summary>Loads dates and messages on demand, when the graph was loaded without them.</summary>
    public CommitDetails? Details { get; set; }

    /// <summary>Loads the date and message of commit <paramref name="index"/>, with a batch of others chosen by whether the date is what is asked for.</summary>
    public void LoadDetails(int index, bool forDate) =>
        (Details ?? throw new InvalidOperationException($"Commit {Commits[index].Sha} was loaded without its date and message."))
        .Load(this, index, forDate);

    /// <summary>The committer date of commit <paramref name="index"/> in unix seconds, known without its details.</summary>
    public long TimeOf(int index) => _times[index];

    /// <summary>The number of parents of commit <paramref name="index"/>.</summary>
    public int ParentCount(int index) => _parentStart[index + 1] - _parentStart[index];

    /// <summary>The index of the commit with this full sha, or -1.</summary>
    public int IndexOf(string sha) => _shas.IndexOf(sha);

    /// <summary>The index of the commit with this full sha, or -1, without allocating a string.</summary>
    public int IndexOf(ReadOnlySpan<char> sha) => _shas.IndexOf(sha);

    /// <summary>The sha of commit <paramref name="index"/>.</summary>
    public string ShaOf(int index) => _shas.ShaOf(index);

    /// <summary>The commits whose sha starts with <paramref name="prefix"/> (lower-case hex), at most <paramref name="limit"/> of them.</summary>
    public List<Commit> WithPrefix(string prefix, int limit)
    {
        lock (_gate)
        {
            if (_sortedShas is null || _sortedIndices is null)
            {
                _sortedShas = Commits.Select(commit => commit.Sha).ToArray();
                _sortedIndices = Enumerable.Range(0, Count).ToArray();
                Array.Sort(_sortedShas, _sortedIndices, StringComparer.Ordinal);
            }

            var found = new List<Commit>();
            var position = Array.BinarySearch(_sortedShas, prefix, StringComparer.Ordinal);
            for (var index = position < 0 ? ~position : position;
                 index < _sortedShas.Length && found.Count < limit && _sortedShas[index].StartsWith(prefix, StringComparison.Ordinal);
                 index++)
                found.Add(Commits[_sortedIndices[index]]);
            return found;
        }
    }

    /// <summary>The parents of commit <paramref name="index"/>, in the order git stores them.</summary>
    public IReadOnlyList<Commit> ParentsOf(int index)
    {
        var start = _parentStart[index];
        var count = _parentStart[index + 1] - start;
        if (count == 0)
            return [];

        var parents = new Commit[count];
        for (var offset = 0; offset < count; offset++)
            parents[offset] = Commits[_parents[start + offset]];
        return Array.AsReadOnly(parents);
    }

    private ReadOnlySpan<int> Parents(int index) => _parents.AsSpan(_parentStart[index], _parentStart[index + 1] - _parentStart[index]);

    // An iterative depth-first walk: each commit is done once all of its parents are, whatever order git listed them in.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // a loop over every commit: optimize it at once, not at the slow first JIT tier
    private int[] ComputeGenerations()
    {
        var generation = new int[Count];
        var stack = new Stack<int>();
        for (var root = 0; root < Count; root++)
        {
            if (generation[root] != 0)
                continue;
            generation[root] = -1; // on the stack
            stack.Push(root);
            while (stack.TryPeek(out var commit))
            {
                var highest = 0;
                var waiting = false;
                foreach (var parent in Parents(commit))
                {
                    if (generation[parent] == 0)
                    {
                        generation[parent] = -1;
                        stack.Push(parent);
                        waiting = true;
                        break;
                    }

                    highest = Math.Max(highest, generation[parent]);
                }

                if (waiting)
                    continue;
                generation[commit] = highest + 1;
                stack.Pop();
            }
        }

        return generation;
    }
}
