namespace Slipway.Aws.Tests.Infrastructure;

/// <summary>A clock that only moves when told to, and whose timers fire at once (advancing the clock) so backoff waits cost nothing.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private readonly object _gate = new();
    private readonly List<TimeSpan> _waits = [];
    private DateTimeOffset _now = start;

    public ManualClock() : this(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero)) { }

    /// <summary>Every timer due time requested, in order (the backoff waits).</summary>
    public IReadOnlyList<TimeSpan> Waits
    {
        get { lock (_gate) return _waits.ToList(); }
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate) return _now;
    }

    public void Advance(TimeSpan by)
    {
        lock (_gate) _now += by;
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        lock (_gate)
        {
            _waits.Add(dueTime);
            _now += dueTime;
        }
        ThreadPool.QueueUserWorkItem(_ => callback(state));
        return new FiredTimer();
    }

    private sealed class FiredTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => false;
        public void Dispose() { }
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

/// <summary>A Random whose NextDouble is fixed, to pin backoff jitter.</summary>
public sealed class FixedRandom(double value) : Random
{
    public override double NextDouble() => value;
}
