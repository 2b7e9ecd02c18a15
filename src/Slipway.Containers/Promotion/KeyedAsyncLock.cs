namespace Slipway.Containers.Promotion;

/// <summary>An async mutual exclusion per key: holders of one key take turns, other keys run freely; unused keys are forgotten.</summary>
internal sealed class KeyedAsyncLock
{
    readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>Waits for the key's turn; disposing the result ends it.</summary>
    public async Task<IDisposable> AcquireAsync(string key, CancellationToken cancellationToken)
    {
        Entry entry;
        lock (_entries)
        {
            if (!_entries.TryGetValue(key, out entry!))
                _entries[key] = entry = new Entry();
            entry.Users++;
        }
        try
        {
            await entry.Turn.WaitAsync(cancellationToken);
        }
        catch
        {
            Leave(key, entry, held: false);
            throw;
        }
        return new Holder(() => Leave(key, entry, held: true));
    }

    void Leave(string key, Entry entry, bool held)
    {
        lock (_entries)
        {
            if (held)
                entry.Turn.Release();
            if (--entry.Users == 0)
                _entries.Remove(key);
        }
    }

    sealed class Entry
    {
        public readonly SemaphoreSlim Turn = new(1, 1);
        public int Users;
    }

    sealed class Holder(Action leave) : IDisposable
    {
        int _left;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _left, 1) == 0)
                leave();
        }
    }
}
