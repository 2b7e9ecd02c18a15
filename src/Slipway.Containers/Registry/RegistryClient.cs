using System.Net;
using System.Text.Json;

namespace Slipway.Containers.Registry;

/// <summary>A client of one registry's OCI distribution API (/v2/): manifests, blobs, uploads, mounts and tags.</summary>
public sealed partial class RegistryClient : IDisposable
{
    readonly HttpClient _http;
    readonly RegistryCredentials? _credentials;
    readonly RegistryClientOptions _options;

    /// <summary>Creates a client of <paramref name="registry"/> ("host[:port]"); the handler is owned by the caller when given.</summary>
    public RegistryClient(string registry, RegistryCredentials? credentials = null, RegistryClientOptions? options = null, HttpMessageHandler? handler = null)
    {
        Registry = registry;
        _credentials = credentials;
        _options = options ?? new RegistryClientOptions();
        var scheme = _options.Scheme ?? (IsLoopback(registry) ? "http" : "https");
        BaseAddress = new Uri($"{scheme}://{registry}/");
        _http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        _http.Timeout = Timeout.InfiniteTimeSpan;
    }

    /// <summary>The registry host and port this client talks to.</summary>
    public string Registry { get; }

    /// <summary>The registry's root URI.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Releases the HTTP client (not a handler the caller passed in).</summary>
    public void Dispose() => _http.Dispose();

    static bool IsLoopback(string registry)
    {
        var host = registry.StartsWith('[') ? registry[..(registry.IndexOf(']') + 1)] : registry.Split(':')[0];
        return host is "localhost" or "[::1]" || host.StartsWith("127.", StringComparison.Ordinal);
    }

    Uri Url(string relative) => new(BaseAddress, relative);

    /// <summary>Sends a request (re-created for every attempt), authenticating on a 401 and retrying transient failures.</summary>
    async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> create, string repository, string what, CancellationToken cancellationToken,
        HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead, bool retry = true, string? extraScope = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var response = await SendAuthenticatedAsync(create, repository, what, completion, extraScope, cancellationToken);
                if (!IsTransient(response.StatusCode) || !retry || attempt >= _options.MaxAttempts)
                    return response;
                response.Dispose();
            }
            catch (Exception e) when (retry && attempt < _options.MaxAttempts && IsTransient(e, cancellationToken))
            {
            }
            await BackoffAsync(attempt, cancellationToken);
        }
    }

    internal Task BackoffAsync(int attempt, CancellationToken cancellationToken)
    {
        var delay = _options.InitialBackoff * Math.Pow(2, attempt - 1) * (0.5 + Random.Shared.NextDouble() / 2);
        return Task.Delay(delay, cancellationToken);
    }

    /// <summary>Refuses, before any transfer, a digest whose bytes this client would verify: it hashes with sha256 only.</summary>
    static void RequireSha256(string digest, string what)
    {
        if (!digest.StartsWith("sha256:", StringComparison.Ordinal))
            throw new RegistryException(
                $"Cannot verify digest '{digest}' {what}: only sha256 is supported. Refer to the content by its sha256 digest.", code: "UNSUPPORTED");
    }

    internal static bool IsTransient(HttpStatusCode status) => (int)status >= 500 || status == HttpStatusCode.TooManyRequests;

    internal static bool IsTransient(Exception e, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested
        && e is HttpRequestException or IOException or TaskCanceledException or RegistryTransientException;

    /// <summary>Throws a <see cref="RegistryException"/> for a failed response, with the registry's error code and the image named.</summary>
    internal async Task EnsureSuccessAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
            return;
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var (code, message) = ParseError(body);
        var status = (int)response.StatusCode;
        var detail = code is null ? $"HTTP {status} {response.ReasonPhrase}" : $"{code}: {message} (HTTP {status})";
        var hint = response.StatusCode switch
        {
            HttpStatusCode.NotFound => " Check that the repository and tag or digest exist.",
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => $" Check the credentials{(_credentials is null ? " (none were given)" : $" of user '{_credentials.Username}'")}.",
            _ => "",
        };
        throw new RegistryException($"Registry '{Registry}' failed {what}: {detail}.{hint}", response.StatusCode, code);
    }

    static (string? Code, string? Message) ParseError(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0)
            {
                var first = errors[0];
                return (first.TryGetProperty("code", out var c) ? c.GetString() : null,
                    first.TryGetProperty("message", out var m) ? m.GetString() : null);
            }
        }
        catch (JsonException)
        {
        }
        return (null, null);
    }
}

/// <summary>
/// A failure worth another attempt (a broken stream, a digest that came out wrong in transit); a <see cref="RegistryException"/>,
/// so one still failing after the last attempt reaches callers as the public type.
/// </summary>
internal sealed class RegistryTransientException(string message, HttpStatusCode? status = null, Exception? inner = null)
    : RegistryException(message, status, inner: inner);
