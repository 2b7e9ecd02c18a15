using System.Diagnostics;
using Slipway.Tooling;

namespace Slipway.LocalAws.Ports;

/// <summary>Claims a port that clients were given: binds it at once, or waits a bounded time for it to come free, or fails naming who holds it. Never another port.</summary>
internal static class PortClaim
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>Binds <paramref name="port"/>, <paramref name="what"/> in messages; waits up to <paramref name="wait"/> while it is busy, then fails saying <paramref name="whatToDo"/>.</summary>
    /// <exception cref="InvalidOperationException">The port is still held when the wait is over.</exception>
    public static async Task<ReservedPort> ClaimAsync(int port, string what, string whatToDo, TimeSpan wait, IToolOutput log, CancellationToken cancellationToken)
    {
        if (ReservedPort.TryBind(port) is { } claimed)
            return claimed;
        // Busy right after a stop is normal for a moment (the last run's registry or proxy still closing); an unrelated holder is not.
        log.Line(new ToolOutputLine(ToolStream.StandardError,
            $"Port {port} ({what}) is in use by {PortHolder.Describe(port)}; waiting up to {wait.TotalSeconds:0.#} s for it to come free.", "local-aws"));
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < wait)
        {
            await Task.Delay(PollInterval, cancellationToken);
            if (ReservedPort.TryBind(port) is { } late)
                return late;
        }

        throw new InvalidOperationException(
            $"Port {port}, {what}, is held by {PortHolder.Describe(port)} and did not come free within {wait.TotalSeconds:0.#} s. {whatToDo}");
    }

    /// <summary>Binds a port the system chooses, for an address no client has been given yet.</summary>
    public static ReservedPort ClaimNew() =>
        ReservedPort.TryBind(0) ?? throw new InvalidOperationException("No free port on 127.0.0.1 could be bound.");
}
