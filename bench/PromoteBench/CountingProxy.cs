using System.Net;
using System.Net.Sockets;

/// <summary>
/// A loopback TCP relay in front of a registry that counts the bytes clients send through it (request lines, headers and bodies):
/// an outside check on the bytes the copier says it sent.
/// </summary>
sealed class CountingProxy : IDisposable
{
    readonly TcpListener listener = new(IPAddress.Loopback, 0);
    readonly string upstreamHost;
    readonly int upstreamPort;
    long sent;

    public CountingProxy(string upstream)
    {
        var colon = upstream.LastIndexOf(':');
        (upstreamHost, upstreamPort) = (upstream[..colon], int.Parse(upstream[(colon + 1)..]));
        listener.Start();
        _ = AcceptAsync();
    }

    /// <summary>"127.0.0.1:port", to use as the registry.</summary>
    public string Host => $"127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";

    /// <summary>Bytes clients have sent upstream so far.</summary>
    public long BytesSent => Interlocked.Read(ref sent);

    public void Dispose() => listener.Stop();

    async Task AcceptAsync()
    {
        while (true)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync();
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                return;
            }
            _ = RelayAsync(client);
        }
    }

    async Task RelayAsync(TcpClient client)
    {
        using (client)
        using (var upstream = new TcpClient())
        {
            try
            {
                await upstream.ConnectAsync(upstreamHost, upstreamPort);
                var (fromClient, toUpstream) = (client.GetStream(), upstream.GetStream());
                var up = CopyAsync(fromClient, toUpstream, count: true);
                var down = CopyAsync(toUpstream, fromClient, count: false);
                await Task.WhenAny(up, down);
            }
            catch (Exception e) when (e is SocketException or IOException)
            {
            }
        }
    }

    async Task CopyAsync(Stream from, Stream to, bool count)
    {
        var buffer = new byte[81920];
        int read;
        while ((read = await from.ReadAsync(buffer)) > 0)
        {
            await to.WriteAsync(buffer.AsMemory(0, read));
            if (count)
                Interlocked.Add(ref sent, read);
        }
    }
}
