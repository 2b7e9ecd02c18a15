using System.Net;
using System.Net.Sockets;

namespace Slipway.LocalAws.Registry;

/// <summary>Finds ports on 127.0.0.1 that nothing listens on.</summary>
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

    /// <summary>Whether <paramref name="port"/> can be bound on 127.0.0.1 right now.</summary>
    public static bool IsFree(int port)
    {
        if (port is <= 0 or > 65535)
            return false;
        var listener = new TcpListener(IPAddress.Loopback, port);
        try
        {
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
        finally
        {
            listener.Stop();
        }
    }

    /// <summary>Whether <paramref name="exception"/> (or one it wraps) says a port was already taken: a socket error, Kestrel's bind failure or a process's log line.</summary>
    public static bool IsAddressInUse(Exception exception) =>
        exception is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse }
        || exception.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase)
        || (exception.InnerException is { } inner && IsAddressInUse(inner));
}
