using System.Net;
using System.Net.Sockets;

namespace Slipway.LocalAws.Ports;

/// <summary>A listening socket on 127.0.0.1, held from the moment a port is claimed until the server takes it over, so no other process can take the port in between.</summary>
internal sealed class ReservedPort : IDisposable
{
    private Socket? _socket;

    private ReservedPort(Socket socket)
    {
        _socket = socket;
        Port = ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    /// <summary>The port held.</summary>
    public int Port { get; }

    /// <summary>Binds and listens on <paramref name="port"/> (0 for one the system chooses); null when something else holds it.</summary>
    public static ReservedPort? TryBind(int port)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            // .NET sets SO_REUSEADDR on Unix, so a connection of the last run still in TIME_WAIT does not block the bind; a listener does.
            socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
            socket.Listen(512);
            return new ReservedPort(socket);
        }
        catch (SocketException exception) when (exception.SocketErrorCode is SocketError.AddressAlreadyInUse or SocketError.AccessDenied)
        {
            socket.Dispose();
            return null;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Hands the listening socket over; from then on the caller owns and closes it.</summary>
    public Socket Release() => Interlocked.Exchange(ref _socket, null) ?? throw new InvalidOperationException($"Port {Port} was already handed over.");

    /// <summary>Closes the socket unless it was handed over.</summary>
    public void Dispose() => Interlocked.Exchange(ref _socket, null)?.Dispose();
}
