using System.Net.Sockets;
using System.Text;

namespace Slipway.LocalAws.Tests.Ecs.Infrastructure;

/// <summary>
/// A proxy on a Unix socket in front of the real Docker engine's socket (the platform's DockerHost) that holds the first container create whose
/// request line contains a given text until <see cref="Release"/>: the engine as it is when busy (vfs copying an image), answering a
/// create late. Like the engine, it carries the create out even when the client gave up waiting.
/// </summary>
internal sealed class HoldingEngineProxy : IAsyncDisposable
{
    private readonly string _socketPath = Path.Combine(Path.GetTempPath(), $"slipway-engine-{Guid.NewGuid():N}.sock");
    private readonly Socket _listener = new(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
    private readonly string _hold;
    private readonly TaskCompletionSource _held = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _answered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _closing = new();
    private readonly List<Task> _connections = [];
    private readonly Task _accepting;
    private int _holding;

    private HoldingEngineProxy(string hold)
    {
        _hold = hold;
        _listener.Bind(new UnixDomainSocketEndPoint(_socketPath));
        _listener.Listen();
        _accepting = Task.Run(AcceptAsync);
    }

    /// <summary>The address to give the platform as its DockerHost.</summary>
    public string DockerHost => $"unix://{_socketPath}";

    /// <summary>Completes when the create is held: the request reached the "engine".</summary>
    public Task Held => _held.Task;

    /// <summary>Completes when the engine answered the held create after <see cref="Release"/>: the container exists (or the create failed).</summary>
    public Task Answered => _answered.Task;

    /// <summary>Starts a proxy that holds the first create whose request line contains <paramref name="hold"/> (e.g. the container's name).</summary>
    public static HoldingEngineProxy Start(string hold) => new(hold);

    /// <summary>Passes the held create on to the engine, whether or not its client still waits.</summary>
    public void Release() => _release.TrySetResult();

    public async ValueTask DisposeAsync()
    {
        Release();
        await _closing.CancelAsync();
        _listener.Dispose();
        File.Delete(_socketPath);
        await _accepting.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        Task[] connections;
        lock (_connections)
            connections = [.. _connections];
        await Task.WhenAll(connections).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _closing.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_closing.IsCancellationRequested)
        {
            var client = await _listener.AcceptAsync(_closing.Token);
            lock (_connections)
                _connections.Add(Task.Run(() => ConnectAsync(client)));
        }
    }

    private async Task ConnectAsync(Socket client)
    {
        using var _ = client;
        using var engine = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await engine.ConnectAsync(new UnixDomainSocketEndPoint(EngineSocket()));
        await using var toEngine = new NetworkStream(engine, ownsSocket: false);
        await using var toClient = new NetworkStream(client, ownsSocket: false);
        var heldHere = new TaskCompletionSource<bool>();
        var down = PumpAnswersAsync(toEngine, toClient, client, heldHere.Task);
        try
        {
            await PumpRequestsAsync(toClient, toEngine, heldHere);
        }
        catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException)
        {
            // The client or the engine went away, or the proxy closes.
        }

        // A held create forwarded for a client that gave up: wait for the engine's answer, as the engine itself would finish it.
        if (heldHere.Task.IsCompleted && !_answered.Task.IsCompleted)
            await _answered.Task.WaitAsync(_closing.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        try
        {
            engine.Shutdown(SocketShutdown.Both);
        }
        catch (SocketException)
        {
            // The engine closed it already.
        }

        await down.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    // Client to engine, request by request as they arrive; the held create waits for Release, even after its client closed.
    private async Task PumpRequestsAsync(NetworkStream fromClient, NetworkStream toEngine, TaskCompletionSource<bool> heldHere)
    {
        var buffer = new byte[64 * 1024];
        while (true)
        {
            var read = await fromClient.ReadAsync(buffer, _closing.Token);
            if (read == 0)
                return;
            var chunk = buffer.AsSpan(0, read).ToArray();
            var text = Encoding.ASCII.GetString(chunk);
            var line = text.Split("\r\n")[0];
            if (line.StartsWith("POST ", StringComparison.Ordinal) && line.Contains("/containers/create", StringComparison.Ordinal)
                && line.Contains(_hold, StringComparison.Ordinal) && Interlocked.Exchange(ref _holding, 1) == 0)
            {
                try
                {
                    chunk = await WholeRequestAsync(fromClient, chunk);
                }
                catch (Exception exception)
                {
                    _held.TrySetException(exception);
                    throw;
                }

                _held.TrySetResult();
                await _release.Task.WaitAsync(_closing.Token);
                heldHere.TrySetResult(true);
                await toEngine.WriteAsync(chunk, _closing.Token);
                continue;
            }

            await toEngine.WriteAsync(chunk, _closing.Token);
        }
    }

    // Engine to client; the first bytes after the held create went out are its answer. A client that left is no reason to stop reading.
    private async Task PumpAnswersAsync(NetworkStream fromEngine, NetworkStream toClient, Socket client, Task heldHere)
    {
        var buffer = new byte[64 * 1024];
        var clientGone = false;
        while (true)
        {
            int read;
            try
            {
                read = await fromEngine.ReadAsync(buffer, _closing.Token);
            }
            catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException)
            {
                return;
            }

            if (read == 0)
            {
                // The engine closed the connection (the client asked it to): the client reads to that end.
                if (!clientGone)
                    client.Shutdown(SocketShutdown.Send);
                return;
            }

            if (heldHere.IsCompleted)
                _answered.TrySetResult();
            if (clientGone)
                continue;
            try
            {
                await toClient.WriteAsync(buffer.AsMemory(0, read), _closing.Token);
            }
            catch (Exception exception) when (exception is IOException or SocketException or ObjectDisposedException)
            {
                clientGone = true;
            }
        }
    }

    // The create's headers and its whole body (Content-Length), so the request can be held and forwarded after its client closed.
    private async Task<byte[]> WholeRequestAsync(NetworkStream fromClient, byte[] start)
    {
        var request = new List<byte>(start);
        var buffer = new byte[64 * 1024];
        while (true)
        {
            var text = Encoding.ASCII.GetString([.. request]);
            var headersEnd = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (headersEnd >= 0)
            {
                var lengthLine = text[..headersEnd].Split("\r\n").FirstOrDefault(header => header.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
                Assert.True(lengthLine is not null, $"The held create has no Content-Length (chunked bodies are not handled here):\n{text[..headersEnd]}");
                if (request.Count >= headersEnd + 4 + int.Parse(lengthLine["Content-Length:".Length..].Trim()))
                    return [.. request];
            }

            var read = await fromClient.ReadAsync(buffer, _closing.Token);
            Assert.True(read > 0, "The client closed before it sent the whole create.");
            request.AddRange(buffer.AsSpan(0, read).ToArray());
        }
    }

    private static string EngineSocket() =>
        Environment.GetEnvironmentVariable("DOCKER_HOST") is { } host && host.StartsWith("unix://", StringComparison.Ordinal) ? host["unix://".Length..] : "/var/run/docker.sock";
}
