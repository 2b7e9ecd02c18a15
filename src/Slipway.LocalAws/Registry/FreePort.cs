using System.Net;
using System.Net.Sockets;

namespace Slipway.LocalAws.Registry;

/// <summary>Finds ports on 127.0.0.1 that nothing listens on, for the registries' internal ports (ports clients are given are claimed through <c>Ports/PortClaim</c>).</summary>
internal static class FreePort
{
    /// <summary>A port the operating system just handed out as free; another process could still take it before it is used.</summary>
    public static int Pick()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }

    /// <summary>Whether <paramref name="exception"/> (or one it wraps) says a port was already taken: a socket error or a process's log line.</summary>
    public static bool IsAddressInUse(Exception exception) =>
        exception is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse }
        || exception.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase)
        || (exception.InnerException is { } inner && IsAddressInUse(inner));
}
