using System.Diagnostics;
using Slipway.Tooling;

namespace Slipway.LocalAws.Ports;

/// <summary>Claims a port that clients were given: binds it at once, or waits a bounded time for it to come free, or fails naming who holds it. Never another port.</summary>
internal static class PortClaim
{
    /// <summary>Below this, ports belong to well-known services more often than not.</summary>
    internal const int LowestNewPort = 10000;

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

    /// <summary>
    /// Binds a new port for an address no client has been given yet, below the system's ephemeral range where there is room: a port
    /// from that range can be the source port of some outgoing connection at the next start, and a kept port must then wait or fail.
    /// </summary>
    public static ReservedPort ClaimNew()
    {
        if (EphemeralRangeStart() is { } ephemeral && ephemeral > LowestNewPort + 1000)
        {
            for (var attempt = 0; attempt < 100; attempt++)
            {
                if (ReservedPort.TryBind(Random.Shared.Next(LowestNewPort, ephemeral)) is { } claimed)
                    return claimed;
            }
        }

        return ReservedPort.TryBind(0) ?? throw new InvalidOperationException("No free port on 127.0.0.1 could be bound.");
    }

    /// <summary>The first port Linux hands out as a source port (<c>/proc/sys/net/ipv4/ip_local_port_range</c>), or null where it cannot be read.</summary>
    internal static int? EphemeralRangeStart()
    {
        try
        {
            var first = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries)[0];
            return int.TryParse(first, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port) ? port : null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or IndexOutOfRangeException)
        {
            return null;
        }
    }
}
