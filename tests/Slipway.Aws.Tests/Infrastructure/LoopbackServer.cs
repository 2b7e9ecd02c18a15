using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Slipway.Aws.Tests.Infrastructure;

/// <summary>A request as the loopback server received it.</summary>
public sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string BodyText => Encoding.UTF8.GetString(Body);
    public string Header(string name) => Headers.TryGetValue(name, out var value) ? value : "";
}

/// <summary>What the loopback server answers: a status, headers and body, or a dropped connection.</summary>
public sealed record StubResponse(int Status, string Body = "", IReadOnlyDictionary<string, string>? Headers = null, bool Drop = false)
{
    public static StubResponse Json(string body, string requestId = "req-ok") =>
        new(200, body, new Dictionary<string, string> { ["Content-Type"] = "application/x-amz-json-1.1", ["x-amzn-RequestId"] = requestId });

    public static StubResponse Error(int status, string type, string message, string requestId = "req-err") =>
        new(status, $$"""{"__type":"{{type}}","message":"{{message}}"}""",
            new Dictionary<string, string> { ["Content-Type"] = "application/x-amz-json-1.1", ["x-amzn-RequestId"] = requestId });

    public static StubResponse Dropped { get; } = new(0, Drop: true);
}

/// <summary>A minimal HTTP/1.1 server on 127.0.0.1 (port 0): one request per connection, answers from a handler, records requests.</summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<RecordedRequest, int, StubResponse> _handler;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private int _count;

    /// <summary>Starts the server; the handler gets each request and its 0-based index.</summary>
    public LoopbackServer(Func<RecordedRequest, int, StubResponse> handler)
    {
        _handler = handler;
        _listener.Start();
        Url = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _accepting = AcceptAsync();
    }

    public Uri Url { get; }

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToList();

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            var request = await ReadRequestAsync(stream);
            if (request is null)
                return;
            _requests.Enqueue(request);
            var response = _handler(request, Interlocked.Increment(ref _count) - 1);
            if (response.Drop)
            {
                client.LingerState = new LingerOption(true, 0); // reset: the client sees the connection die mid-request
                return;
            }
            var body = Encoding.UTF8.GetBytes(response.Body);
            var head = new StringBuilder($"HTTP/1.1 {response.Status} Status{response.Status}\r\n");
            foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
                head.Append($"{name}: {value}\r\n");
            head.Append($"Content-Length: {body.Length}\r\nConnection: close\r\n\r\n");
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()));
            await stream.WriteAsync(body);
        }
    }

    private static async Task<RecordedRequest?> ReadRequestAsync(NetworkStream stream)
    {
        var buffer = new List<byte>();
        var chunk = new byte[8192];
        int headerEnd;
        while ((headerEnd = IndexOfHeaderEnd(buffer)) < 0)
        {
            if (buffer.Count > 1 << 20)
                return null;
            var read = await stream.ReadAsync(chunk);
            if (read == 0)
                return null;
            buffer.AddRange(chunk.AsSpan(0, read).ToArray());
        }
        var lines = Encoding.ASCII.GetString(buffer.ToArray(), 0, headerEnd).Split("\r\n");
        var requestLine = lines[0].Split(' ');
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':');
            headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }
        var length = headers.TryGetValue("Content-Length", out var text) ? int.Parse(text) : 0;
        var body = buffer.Skip(headerEnd + 4).ToList();
        while (body.Count < length)
        {
            var read = await stream.ReadAsync(chunk);
            if (read == 0)
                return null;
            body.AddRange(chunk.AsSpan(0, read).ToArray());
        }
        return new RecordedRequest(requestLine[0], requestLine[1], headers, body.Take(length).ToArray());
    }

    private static int IndexOfHeaderEnd(List<byte> buffer)
    {
        for (var i = 0; i + 3 < buffer.Count; i++)
            if (buffer[i] == '\r' && buffer[i + 1] == '\n' && buffer[i + 2] == '\r' && buffer[i + 3] == '\n')
                return i;
        return -1;
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}
