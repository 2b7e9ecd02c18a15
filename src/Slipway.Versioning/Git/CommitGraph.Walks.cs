using System.Numerics;
using System.Runtime.CompilerServices;

namespace Slipway.Versioning.Git;

// The graph walks. Reachable sets are bit sets cached per tip (a version computation asks about the same few tips
// again and again: HEAD, a branch, a tag); other walks mark visits in an array with a new stamp per walk, so nothing
// is cleared between walks.
internal sealed partial class CommitGraph
{
    private const long ReachableCacheBytes = 32L * 1024 * 1024;

    private readonly Lock _gate = new();
    private readonly int[] _visited; // _visited[i] == _stamp: commit i was seen by the current walk
    private readonly int[] _pending; // a walk's stack; each commit is pushed at most once, so Count entries suffice
    private readonly Dictionary<int, ulong[]> _reachable = [];
    private int _stamp;
    private int _pinned = -1;
    private int[]? _childStart;
    private byte[]? _paint; // MergeBase's colors, valid where _visited holds its walk's stamp
    private const int FromOne = 1, FromOther = 2, Stale = 4, Queued = 8;
    private const int Interesting = 1, Uninteresting = 2; // Range's colors, with Queued
    private int[]? _children;

    /// <summary>Keeps the reachable set of <paramref name="index"/> (HEAD) cached for the graph's lifetime.</summary>
    public void Pin(int index) => _pinned = index;

    /// <summary>Whether <paramref name="ancestor"/> is reachable from <paramref name="descendant"/>; true when they are equal.</summary>
    public bool IsAncestor(int ancestor, int descendant)
    {
        lock (_gate)
            return IsAncestorLocked(ancestor, descendant);
    }

    /// <summary>The number of commits reachable from <paramref name="to"/> but not from <paramref name="exclusiveFrom"/> (-1 for none).</summary>
    public int CountBetween(int exclusiveFrom, int to)
    {
        lock (_gate)
        {
            var included = Reachable(to);
            var count = 0;
            if (exclusiveFrom < 0)
            {
                foreach (var word in included)
                    count += BitOperations.PopCount(word);
                return count;
            }

            if (!_reachable.TryGetValue(exclusiveFrom, out var excluded))
            {
                foreach (var word in Range(exclusiveFrom, to))
                    count += BitOperations.PopCount(word);
                return count;
            }

            for (var word = 0; word < included.Length; word++)
                count += BitOperations.PopCount(included[word] & ~excluded[word]);
            return count;
        }
    }

    /// <summary>The set of commits <see cref="CountBetween"/> counts, as a new bit set the caller may change.</summary>
    public ulong[] SetBetween(int exclusiveFrom, int to)
    {
        lock (_gate)
        {
            if (exclusiveFrom >= 0 && !_reachable.ContainsKey(exclusiveFrom))
                return Range(exclusiveFrom, to);
            var set = (ulong[])Reachable(to).Clone();
            if (exclusiveFrom >= 0)
            {
                var excluded = Reachable(exclusiveFrom);
                for (var word = 0; word < set.Length; word++)
                    set[word] &= ~excluded[word];
            }

            return set;
        }
    }

    /// <summary>
    /// The commits <see cref="CountBetween"/> counts, in git rev-list's default order: newest committer date first, walking
    /// from <paramref name="to"/>; commits with equal dates come in the order the walk met them.
    /// </summary>
    public Commit[] Between(int exclusiveFrom, int to)
    {
        var result = new List<Commit>();
        WalkBetween(exclusiveFrom, to, commit =>
        {
            result.Add(Commits[commit]);
            return true;
        });
        return [.. result];
    }

    // Walks Between's commits in its order until `take` returns false; returns the commit it stopped at, or -1.
    private int WalkBetween(int exclusiveFrom, int to, Func<int, bool> take)
    {
        lock (_gate)
        {
            var excluded = exclusiveFrom < 0 ? null : Reachable(exclusiveFrom);
            if (excluded is not null && Contains(excluded, to))
                return -1;

            var stamp = NextStamp();
            var queue = new DateOrderQueue();
            _visited[to] = stamp;
            var next = to; // taken without the queue when it would come out next anyway (see DateOrderQueue.WouldComeNext)
            while (next >= 0 || queue.TryDequeue(out next))
            {
                var commit = next;
                next = -1;
                if (!take(commit))
                    return commit;
                var parents = Parents(commit);
                for (var index = 0; index < parents.Length; index++)
                {
                    var parent = parents[index];
                    if (_visited[parent] == stamp || (excluded is not null && Contains(excluded, parent)))
                        continue;
                    _visited[parent] = stamp;
                    if (index == parents.Length - 1 && next < 0 && queue.WouldComeNext(_times[parent]))
                        next = parent;
                    else
                        queue.Enqueue(parent, _times[parent]);
                }
            }

            return -1;
        }
    }

    /// <summary>
    /// The best common ancestor of <paramref name="one"/> and <paramref name="other"/>, or -1 when they share no history.
    /// A best common ancestor is one no other common ancestor can reach. When there are several (criss-cross merges),
    /// this returns the one with the newest committer date, as <c>git merge-base</c> does; for equal dates, the higher
    /// generation, then the smaller sha, where git's pick depends on its walk order.
    /// </summary>
    public int MergeBase(int one, int other)
    {
        lock (_gate)
        {
            if (one == other)
                return one;
            if (_reachable.TryGetValue(one, out var cached) && Contains(cached, other))
                return other;

            // git's paint-down-to-common, in generation order: a commit is taken only after every commit above it that
            // the walk met, so the colors it carries are final. Painted from both sides, it is a candidate; then what
            // it reaches is stale, and the walk ends when only stale commits are left: it stops at the merge bases
            // instead of walking all of one side's history.
            var paint = _paint ??= new byte[Count];
            var stamp = NextStamp();
            var queue = new PriorityQueue<int, int>();
            var fresh = 0; // queued commits that are not stale
            var candidates = new List<int>();
            Paint(one, FromOne);
            Paint(other, FromOther);
            while (fresh > 0 && queue.TryDequeue(out var commit, out _))
            {
                var colors = paint[commit] & (FromOne | FromOther | Stale);
                paint[commit] &= unchecked((byte)~Queued);
                if ((colors & Stale) == 0)
                    fresh--;
                if (colors == (FromOne | FromOther))
                {
                    candidates.Add(commit);
                    colors |= Stale;
                }

                foreach (var parent in Parents(commit))
                    Paint(parent, colors);
            }

            return candidates.Count switch
            {
                0 => -1,
                1 => candidates[0],
                _ => Newest(WithoutRedundant(candidates)),
            };

            void Paint(int commit, int colors)
            {
                if (_visited[commit] != stamp)
                {
                    _visited[commit] = stamp;
                    paint[commit] = 0;
                }

                var before = paint[commit];
                if ((before & colors) == colors)
                    return;
                paint[commit] |= (byte)colors;
                if ((before & Queued) == 0)
                {
                    paint[commit] |= Queued;
                    queue.Enqueue(commit, -_generation[commit]);
                    if ((colors & Stale) == 0 && (before & Stale) == 0)
                        fresh++;
                }
                else if ((before & Stale) == 0 && (colors & Stale) != 0)
                {
                    fresh--;
                }
            }
        }
    }

    /// <summary>
    /// The first commit of <see cref="Between"/>(<paramref name="parent"/>, <paramref name="to"/>) that has <paramref name="parent"/>
    /// as a parent, or -1: without walking when only one child of <paramref name="parent"/> is in <paramref name="to"/>'s history.
    /// </summary>
    public int FirstChildBetween(int parent, int to)
    {
        lock (_gate)
        {
            // The commits of to's history above the parent's generation: every child of the parent it holds is among them.
            var stamp = NextStamp();
            var floor = _generation[parent];
            var top = 0;
            if (_generation[to] > floor)
            {
                _visited[to] = stamp;
                _pending[top++] = to;
            }

            while (top > 0)
            {
                foreach (var ancestor in Parents(_pending[--top]))
                {
                    if (_visited[ancestor] == stamp || _generation[ancestor] <= floor)
                        continue;
                    _visited[ancestor] = stamp;
                    _pending[top++] = ancestor;
                }
            }

            var (childStart, children) = Children();
            var found = -1;
            var several = false;
            for (var edge = childStart[parent]; edge < childStart[parent + 1] && !several; edge++)
            {
                if (_visited[children[edge]] != stamp || children[edge] == found)
                    continue;
                several = found >= 0;
                found = children[edge];
            }

            if (!several)
                return found;
        }

        // Several children lead to `to`: the walk's order picks one, and the walk stops there.
        // Commits of the parent's own history can be walked too: none has it as a parent, and the commits of the range
        // still come in the same order among themselves, so nothing excludes them (which would walk all of that history).
        return WalkBetween(-1, to, commit => !Parents(commit).Contains(parent));
    }

    /// <summary>For each of <paramref name="tips"/>, whether <paramref name="commit"/> is reachable from it.</summary>
    public bool[] TipsContaining(int commit, IReadOnlyList<int> tips)
    {
        lock (_gate)
        {
            // One walk up the children from the commit finds every descendant, instead of one walk down per tip.
            var (childStart, children) = Children();
            var stamp = NextStamp();
            var top = 0;
            _visited[commit] = stamp;
            _pending[top++] = commit;
            while (top > 0)
            {
                var current = _pending[--top];
                for (var edge = childStart[current]; edge < childStart[current + 1]; edge++)
                {
                    var child = children[edge];
                    if (_visited[child] == stamp)
                        continue;
                    _visited[child] = stamp;
                    _pending[top++] = child;
                }
            }

            var contains = new bool[tips.Count];
            for (var index = 0; index < tips.Count; index++)
                contains[index] = _visited[tips[index]] == stamp;
            return contains;
        }
    }

    private bool IsAncestorLocked(int ancestor, int descendant)
    {
        if (ancestor == descendant)
            return true;
        // An ancestor's generation is always lower: the cheap answer for most unrelated pairs.
        return _generation[ancestor] < _generation[descendant] && Contains(Reachable(descendant), ancestor);
    }

    // Drops every candidate another candidate can reach, with one walk down from all of them, which stops below the
    // lowest candidate generation: nothing there can lead to a candidate.
    private List<int> WithoutRedundant(List<int> candidates)
    {
        var lowest = candidates.Min(candidate => _generation[candidate]);
        var stamp = NextStamp();
        var top = 0;
        // The candidates themselves stay unmarked: only being reached from another one marks a candidate.
        foreach (var candidate in candidates)
            PushParents(candidate);
        while (top > 0)
            PushParents(_pending[--top]);
        return candidates.Where(candidate => _visited[candidate] != stamp).ToList();

        void PushParents(int commit)
        {
            if (_generation[commit] <= lowest)
                return;
            foreach (var parent in Parents(commit))
            {
                if (_visited[parent] == stamp)
                    continue;
                _visited[parent] = stamp;
                _pending[top++] = parent;
            }
        }
    }

    private int Newest(List<int> candidates) =>
        candidates
            .OrderByDescending(candidate => _times[candidate])
            .ThenByDescending(candidate => _generation[candidate])
            .ThenBy(candidate => Commits[candidate].Sha, StringComparer.Ordinal)
            .First();

    /// <summary>
    /// The commits reachable from <paramref name="to"/> but not from <paramref name="from"/>, as a new bit set, without walking
    /// all of either history: git's paint in generation order, <paramref name="to"/>'s side interesting, <paramref name="from"/>'s
    /// not, until only uninteresting commits are queued. A commit is taken after every commit above it the walk met, so its
    /// paint is final; every interesting commit is met through interesting ones. The caller holds the lock.
    /// </summary>
    private ulong[] Range(int from, int to)
    {
        var set = new ulong[(Count + 63) >> 6];
        var paint = _paint ??= new byte[Count];
        var stamp = NextStamp();
        var queue = new PriorityQueue<int, int>();
        var fresh = 0; // queued commits that are not uninteresting
        Paint(to, Interesting);
        Paint(from, Uninteresting);
        while (fresh > 0 && queue.TryDequeue(out var commit, out _))
        {
            var colors = paint[commit] & (Interesting | Uninteresting);
            if ((colors & Uninteresting) == 0)
            {
                fresh--;
                Add(set, commit);
            }

            foreach (var parent in Parents(commit))
                Paint(parent, (colors & Uninteresting) != 0 ? Uninteresting : Interesting);
        }

        return set;

        void Paint(int commit, int color)
        {
            if (_visited[commit] != stamp)
            {
                _visited[commit] = stamp;
                paint[commit] = 0;
            }

            var before = paint[commit];
            if ((before & color) == color || (before & Uninteresting) != 0)
                return;
            paint[commit] |= (byte)color;
            if ((before & Queued) == 0)
            {
                paint[commit] |= Queued;
                queue.Enqueue(commit, -_generation[commit]);
                if (color == Interesting)
                    fresh++;
            }
            else if (color == Uninteresting && (before & Interesting) != 0)
            {
                fresh--;
            }
        }
    }

    /// <summary>The set of commits reachable from <paramref name="tip"/>, itself included; cached. The caller holds the lock.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // a loop over every commit: optimize it at once, not at the slow first JIT tier
    private ulong[] Reachable(int tip)
    {
        if (_reachable.TryGetValue(tip, out var cached))
            return cached;

        var set = new ulong[(Count + 63) >> 6];
        var top = 0;
        Add(set, tip);
        _pending[top++] = tip;
        while (top > 0)
        {
            foreach (var parent in Parents(_pending[--top]))
            {
                if (Contains(set, parent))
                    continue;
                Add(set, parent);
                _pending[top++] = parent;
            }
        }

        if (_reachable.Count >= Math.Clamp(ReachableCacheBytes / (set.Length * 8L + 1), 16, 1024))
        {
            var pinned = _pinned >= 0 && _reachable.TryGetValue(_pinned, out var kept) ? kept : null;
            _reachable.Clear();
            if (pinned is not null)
                _reachable[_pinned] = pinned;
        }

        _reachable[tip] = set;
        return set;
    }

    private (int[] Start, int[] Children) Children()
    {
        if (_childStart is not null)
            return (_childStart, _children!);

        var start = new int[Count + 1];
        foreach (var parent in _parents)
            start[parent + 1]++;
        for (var index = 0; index < Count; index++)
            start[index + 1] += start[index];
        var next = start[..^1];
        var children = new int[_parents.Length];
        for (var child = 0; child < Count; child++)
        {
            foreach (var parent in Parents(child))
                children[next[parent]++] = child;
        }

        _children = children;
        _childStart = start;
        return (start, children);
    }

    private int NextStamp()
    {
        if (_stamp == int.MaxValue)
        {
            Array.Clear(_visited);
            _stamp = 0;
        }

        return ++_stamp;
    }

    private static bool Contains(ulong[] set, int index) => (set[index >> 6] & (1UL << index)) != 0;

    private static void Add(ulong[] set, int index) => set[index >> 6] |= 1UL << index;
}
