namespace Slipway.Versioning.Git;

/// <summary>The queue of git's default walk order: newest committer date first, and commits with equal dates in the order they were added.</summary>
/// <remarks>
/// Date and arrival share one <see langword="long"/> priority, which the queue compares without a comparer call, where
/// a tuple priority took a third of a whole-history walk: the date (clamped to the 34 bits git's commit-graph keeps)
/// above 29 bits of arrival count. Beyond 2^29 commits in one walk, equal dates could come out of order.
/// </remarks>
internal sealed class DateOrderQueue
{
    private const int ArrivalBits = 29;
    private const long MaxTime = (1L << 34) - 1;

    private readonly PriorityQueue<int, long> _queue = new();
    private long _arrivals;

    /// <summary>Adds commit <paramref name="index"/> with committer date <paramref name="time"/> (unix seconds).</summary>
    public void Enqueue(int index, long time) =>
        _queue.Enqueue(index, ((MaxTime - Math.Clamp(time, 0, MaxTime)) << ArrivalBits) | (_arrivals++ & ((1L << ArrivalBits) - 1)));

    /// <summary>Takes the newest commit, the first added among equal dates; false when the queue is empty.</summary>
    public bool TryDequeue(out int index) => _queue.TryDequeue(out index, out _);

    /// <summary>
    /// Whether a commit dated <paramref name="time"/> would be the next one out if added now: the queue is empty, or it is
    /// strictly newer than every commit in it. A walk can then take it at once, skipping the queue: most commits of a
    /// history have one parent, met just before it is taken.
    /// </summary>
    public bool WouldComeNext(long time) =>
        !_queue.TryPeek(out _, out var first) || (first >> ArrivalBits) > MaxTime - Math.Clamp(time, 0, MaxTime);
}
