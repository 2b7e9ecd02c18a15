using System.Collections.Concurrent;

namespace Slipway;

/// <summary>
/// Values that live for one build run, shared by its targets and components (a version, a platform, a registry login, what a target
/// produced): each computed once per run by key, and gone with the run. Reach it with <c>build.State()</c>.
/// </summary>
/// <remarks>
/// Resources kept here are not disposed by the store: create them with <c>build.DisposeAtEnd(...)</c> so they end with the run.
/// A computation that fails or is cancelled is dropped, so the next caller starts it again instead of meeting the old error.
/// </remarks>
public sealed class BuildState
{
    readonly ConcurrentDictionary<string, object> _entries = new(StringComparer.Ordinal);

    /// <summary>The value under <paramref name="key"/>, created by <paramref name="create"/> on first use; concurrent first callers share one call.</summary>
    public T GetOrAdd<T>(string key, Func<T> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        var entry = _entries.GetOrAdd(key, _ => new Lazy<T>(create, LazyThreadSafetyMode.ExecutionAndPublication));
        var lazy = entry as Lazy<T> ?? throw Mismatch<T>(key, entry);
        try
        {
            return lazy.Value;
        }
        catch
        {
            _entries.TryRemove(KeyValuePair.Create(key, entry));
            throw;
        }
    }

    /// <summary>
    /// The value under <paramref name="key"/>, computed by <paramref name="create"/> on first use: concurrent callers await the same task.
    /// <paramref name="create"/> gets the token of the caller that started it; each caller stops waiting when its own token is cancelled.
    /// </summary>
    public Task<T> GetOrAddAsync<T>(string key, Func<CancellationToken, Task<T>> create, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(create);
        var entry = _entries.GetOrAdd(key, _ =>
        {
            Lazy<Task<T>>? lazy = null;
            lazy = new Lazy<Task<T>>(() => RunAsync(key, lazy!, create, cancellationToken), LazyThreadSafetyMode.ExecutionAndPublication);
            return lazy;
        });
        var task = (entry as Lazy<Task<T>> ?? throw Mismatch<Task<T>>(key, entry)).Value;
        return task.WaitAsync(cancellationToken);
    }

    /// <summary>Stores <paramref name="value"/> under <paramref name="key"/>, replacing what was there (e.g. the image a target pushed).</summary>
    public void Set<T>(string key, T value)
    {
        var lazy = new Lazy<T>(() => value);
        _ = lazy.Value;
        _entries[key] = lazy;
    }

    /// <summary>Whether <paramref name="key"/> holds a finished value of type <typeparamref name="T"/> (set, or computed successfully); false while it is still being computed.</summary>
    public bool TryGet<T>(string key, out T value)
    {
        value = default!;
        if (!_entries.TryGetValue(key, out var entry))
            return false;
        switch (entry)
        {
            case Lazy<T> lazy when lazy.IsValueCreated:
                value = lazy.Value;
                return true;
            case Lazy<T>:
                return false;
            case Lazy<Task<T>> { IsValueCreated: true, Value.IsCompletedSuccessfully: true } computed:
                value = computed.Value.Result;
                return true;
            case Lazy<Task<T>>:
                return false;
            default:
                throw Mismatch<T>(key, entry);
        }
    }

    async Task<T> RunAsync<T>(string key, Lazy<Task<T>> entry, Func<CancellationToken, Task<T>> create, CancellationToken cancellationToken)
    {
        try
        {
            return await create(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // A failure is not remembered: a later caller (another target, a retry) computes it again.
            _entries.TryRemove(KeyValuePair.Create(key, (object)entry));
            throw;
        }
    }

    static InvalidOperationException Mismatch<T>(string key, object entry) =>
        new($"Build state '{key}' holds a {Describe(entry)}, not a {typeof(T).Name}. Use one key per value and read it with the type it was stored with.");

    static string Describe(object entry) => entry.GetType().GetGenericArguments() is [var type] ? type.Name : entry.GetType().Name;
}
