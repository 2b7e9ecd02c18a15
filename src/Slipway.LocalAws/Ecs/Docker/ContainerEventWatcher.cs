namespace Slipway.LocalAws.Ecs.Docker;

/// <summary>
/// Follows the engine's events for the platform's containers and calls back on each, so a task's exit is seen as it
/// happens. When the stream breaks (an engine restart), it reconnects with bounded backoff and asks for the events since
/// the last one it saw, so none is missed; <paramref name="onConnected"/> runs on every (re)connect attempt, as events before it may be lost.
/// </summary>
internal sealed class ContainerEventWatcher(DockerEngine engine, string platformId, Action<ContainerEvent> onEvent, Action onConnected)
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromSeconds(5);

    private readonly CancellationTokenSource _stopping = new();
    private Task _loop = Task.CompletedTask;
    private ContainerEventTime? _lastSeen;
    private bool _seenSinceConnect;

    /// <summary>Why the stream last broke, or null while it has not.</summary>
    public Exception? LastError { get; private set; }

    /// <summary>Starts following events in the background.</summary>
    public void Start() => _loop = Task.Run(FollowAsync);

    /// <summary>Ends the stream and waits until the watcher has stopped.</summary>
    public async Task StopAsync()
    {
        if (!_stopping.IsCancellationRequested)
            await _stopping.CancelAsync();
        await _loop;
    }

    private async Task FollowAsync()
    {
        var retry = FirstRetry;
        // Before the first event, "since" is the moment the watcher started (real time, as the engine's; less a second for coarse clocks).
        var startedAt = ContainerEventTime.Of(DateTimeOffset.UtcNow - TimeSpan.FromSeconds(1));
        while (!_stopping.IsCancellationRequested)
        {
            try
            {
                _seenSinceConnect = false;
                onConnected();
                await engine.StreamEventsAsync(platformId, _lastSeen ?? startedAt, Seen, _stopping.Token);
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // No engine yet, or it went away: try again, less often the longer it stays away.
                LastError = exception;
            }

            // A stream that delivered events was working: start the backoff over.
            retry = _seenSinceConnect ? FirstRetry : retry;
            try
            {
                await Task.Delay(retry, _stopping.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, LongestRetry.Ticks));
        }
    }

    private void Seen(ContainerEvent containerEvent)
    {
        _lastSeen = containerEvent.Time;
        _seenSinceConnect = true;
        onEvent(containerEvent);
    }
}
