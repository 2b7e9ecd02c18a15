namespace Slipway.Tooling;

/// <summary>Decides when to stop reading a tool's output: at end of stream, or once the pipes fall silent after the tool exited.</summary>
/// <remarks>
/// A background process the tool started (a build server, say) can inherit its output pipes and hold them open
/// long after the tool exited. Output still in the pipes arrives within milliseconds of the exit, so pipes that
/// stay silent for <see cref="QuietPeriod"/> after it are abandoned rather than awaited forever.
/// </remarks>
internal sealed class OutputDrain : IDisposable
{
    /// <summary>How long the pipes may stay silent after the tool exited before reading stops.</summary>
    public static readonly TimeSpan QuietPeriod = TimeSpan.FromSeconds(1);

    private readonly CancellationTokenSource _stop = new();
    private volatile bool _exited;
    private volatile bool _stopping;

    /// <summary>Cancelled when reading should stop even though the pipes are still open.</summary>
    public CancellationToken Token => _stop.Token;

    /// <summary>Notes that output arrived, which restarts the quiet period once the tool has exited.</summary>
    public void OnData()
    {
        if (_exited && !_stopping)
            StopAfter(QuietPeriod);
    }

    /// <summary>Notes that the tool exited: from now on, silent pipes are abandoned after the quiet period.</summary>
    public void OnExited()
    {
        _exited = true;
        StopAfter(QuietPeriod);
    }

    /// <summary>Stops reading after <paramref name="delay"/>, whatever arrives in the meantime.</summary>
    public void Abandon(TimeSpan delay)
    {
        _stopping = true;
        StopAfter(delay);
    }

    /// <inheritdoc />
    public void Dispose() => _stop.Dispose();

    private void StopAfter(TimeSpan delay)
    {
        try
        {
            _stop.CancelAfter(delay);
        }
        catch (ObjectDisposedException)
        {
            // The run is over; nothing is reading any more.
        }
    }
}
