using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Slipway.Containers.Tests.Infrastructure;

/// <summary>What the proxy does to one request instead of passing it through untouched.</summary>
public enum Fault { None, ServiceUnavailable, CutBeforeResponse, CutMidBody, TamperBody, IgnoreMount }

/// <summary>
/// A loopback HTTP proxy (HttpListener) in front of a registry that injects faults chosen per request, optionally demands
/// Bearer tokens from its own token endpoint, and logs every request it served.
/// </summary>
public sealed class FaultProxy : IDisposable
{
    readonly HttpListener _listener = new();
    readonly HttpClient _upstream = new(new HttpClientHandler { AllowAutoRedirect = false });
    readonly string _upstreamHost;
    readonly AuthenticationHeaderValue _upstreamAuthorization;
    readonly Func<string, string, Fault> _faultFor;
    readonly CancellationTokenSource _stopping = new();

    public FaultProxy(LocalRegistry registry, Func<string, string, Fault> faultFor, bool requireBearer = false)
    {
        _upstreamHost = registry.Host;
        _upstreamAuthorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{LocalRegistry.User}:{LocalRegistry.Password}")));
        _faultFor = faultFor;
        RequireBearer = requireBearer;
        for (var attempt = 0; ; attempt++)
        {
            Port = LocalRegistry.FreePort();
            _listener.Prefixes.Clear();
            _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
            try
            {
                _listener.Start();
                break;
            }
            catch (HttpListenerException) when (attempt < 5)
            {
            }
        }
        _ = Task.Run(AcceptLoopAsync);
    }

    public int Port { get; }

    public string Host => $"127.0.0.1:{Port}";

    public bool RequireBearer { get; }

    /// <summary>"METHOD path status" for every request, in the order answered.</summary>
    public ConcurrentQueue<string> Log { get; } = new();

    public int FaultsInjected;

    public void Dispose()
    {
        _stopping.Cancel();
        _listener.Close();
        _upstream.Dispose();
    }

    async Task AcceptLoopAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (_stopping.IsCancellationRequested || !_listener.IsListening)
            {
                return;
            }
            _ = Task.Run(() => ServeAsync(context));
        }
    }

    async Task ServeAsync(HttpListenerContext context)
    {
        var request = context.Request;
        var response = context.Response;
        var path = request.Url!.AbsolutePath;
        try
        {
            if (RequireBearer && !await AuthorizeBearerAsync(context))
                return;
            var fault = _faultFor(request.HttpMethod, path);
            if (fault != Fault.None)
                Interlocked.Increment(ref FaultsInjected);
            if (fault == Fault.ServiceUnavailable)
            {
                Answer(response, 503, "SERVICE_UNAVAILABLE");
                return;
            }
            if (fault == Fault.CutBeforeResponse)
            {
                // HttpListener cannot drop a connection before the status line, so promise a body and break off early.
                Log.Enqueue($"{request.HttpMethod} {path} cut");
                response.StatusCode = 500;
                response.ContentLength64 = 1000;
                await response.OutputStream.WriteAsync(new byte[10]);
                await response.OutputStream.FlushAsync();
                response.Abort();
                return;
            }

            // IgnoreMount drops the query, so the registry opens a plain upload session (202) as one that cannot mount would.
            var pathAndQuery = fault == Fault.IgnoreMount ? request.Url.AbsolutePath : request.Url.PathAndQuery;
            using var forward = new HttpRequestMessage(new HttpMethod(request.HttpMethod), $"http://{_upstreamHost}{pathAndQuery}");
            var body = new MemoryStream();
            await request.InputStream.CopyToAsync(body);
            if (body.Length > 0 || request.HttpMethod is "PUT" or "PATCH" or "POST")
            {
                forward.Content = new ByteArrayContent(body.ToArray());
                foreach (var name in new[] { "Content-Type", "Content-Range" })
                    if (request.Headers[name] is { } value)
                        forward.Content.Headers.TryAddWithoutValidation(name, value);
            }
            foreach (var name in new[] { "Accept", "Range" })
                if (request.Headers.GetValues(name) is { } values)
                    forward.Headers.TryAddWithoutValidation(name, values);
            forward.Headers.Host = Host;
            forward.Headers.Authorization = _upstreamAuthorization;

            using var answer = await _upstream.SendAsync(forward);
            var content = await answer.Content.ReadAsByteArrayAsync();
            response.StatusCode = (int)answer.StatusCode;
            foreach (var header in answer.Headers.Concat(answer.Content.Headers))
                if (header.Key == "Location")
                    response.RedirectLocation = header.Value.First();
                else if (header.Key == "Content-Type")
                    response.ContentType = header.Value.First();
                else if (header.Key is not ("Content-Length" or "Transfer-Encoding" or "Connection" or "Date"))
                    response.Headers[header.Key] = string.Join(",", header.Value);
            Log.Enqueue($"{request.HttpMethod} {path} {(int)answer.StatusCode}");
            if (fault == Fault.TamperBody && content.Length > 0)
                content[content.Length / 2] ^= 0x20;
            response.ContentLength64 = answer.Content.Headers.ContentLength ?? content.Length;
            if (request.HttpMethod == "HEAD")
            {
                response.Close();
                return;
            }
            if (fault == Fault.CutMidBody)
            {
                await response.OutputStream.WriteAsync(content.AsMemory(0, content.Length / 2));
                await response.OutputStream.FlushAsync();
                response.Abort();
                return;
            }
            await response.OutputStream.WriteAsync(content);
            response.Close();
        }
        catch (Exception) when (_stopping.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            Log.Enqueue($"{request.HttpMethod} {path} proxy-error {e.GetType().Name}");
            response.Abort();
        }
    }

    async Task<bool> AuthorizeBearerAsync(HttpListenerContext context)
    {
        var request = context.Request;
        if (request.Url!.AbsolutePath == "/token")
        {
            var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{LocalRegistry.User}:{LocalRegistry.Password}"));
            if (request.Headers["Authorization"] != expected)
            {
                Answer(context.Response, 401, "UNAUTHORIZED");
                return false;
            }
            var scope = request.QueryString["scope"] ?? "";
            var body = Encoding.UTF8.GetBytes($$"""{"token":"token-for {{scope}}"}""");
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
            return false;
        }
        if (request.Headers["Authorization"]?.StartsWith("Bearer token-for ", StringComparison.Ordinal) == true)
            return true;
        var repository = request.Url.AbsolutePath.Split("/blobs/")[0].Split("/manifests/")[0].Split("/tags/")[0].Replace("/v2/", "");
        context.Response.Headers["WWW-Authenticate"] =
            $"Bearer realm=\"http://{Host}/token\",service=\"fault-proxy\",scope=\"repository:{repository}:pull,push\"";
        Answer(context.Response, 401, "UNAUTHORIZED");
        return false;
    }

    void Answer(HttpListenerResponse response, int status, string code)
    {
        Log.Enqueue($"{status} {code}");
        var body = Encoding.UTF8.GetBytes($$"""{"errors":[{"code":"{{code}}","message":"injected by the test proxy"}]}""");
        response.StatusCode = status;
        response.ContentType = "application/json";
        response.OutputStream.Write(body);
        response.Close();
    }
}
