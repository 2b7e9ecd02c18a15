using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Slipway.LocalAws.Registry;

/// <summary>A stored manifest: its exact bytes, media type and digest.</summary>
internal sealed record StoredManifest(byte[] Bytes, string MediaType, string Digest);

/// <summary>The registry's HTTP API as the platform uses it, on the registry's own port with its own credentials.</summary>
internal sealed class RegistryClient : IDisposable
{
    private readonly HttpClient _http;

    /// <summary>A client for the registry on 127.0.0.1:<paramref name="port"/> signing in as <paramref name="user"/>.</summary>
    public RegistryClient(int port, string user, string password)
    {
        _http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}/"),
            Timeout = TimeSpan.FromMinutes(10),
        };
        _http.DefaultRequestHeaders.Authorization = BasicAuthorization(user, password);
    }

    /// <summary>The base address, for forwarding requests.</summary>
    public Uri BaseAddress => _http.BaseAddress!;

    /// <summary>The <c>Authorization</c> header the registry accepts.</summary>
    public AuthenticationHeaderValue Authorization => _http.DefaultRequestHeaders.Authorization!;

    /// <summary>Sends a request as is (for the proxy); the response is not buffered.</summary>
    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);

    /// <summary>The manifest <paramref name="reference"/> (tag or digest) of <paramref name="repository"/>, or null when there is none.</summary>
    public async Task<StoredManifest?> GetManifestAsync(string repository, string reference, CancellationToken cancellationToken)
    {
        using var response = await FindAsync(ManifestRequest(HttpMethod.Get, repository, reference), cancellationToken);
        if (response is null)
            return null;
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var mediaType = response.Content.Headers.ContentType?.MediaType ?? ManifestMediaTypes.DockerManifest;
        return new StoredManifest(bytes, mediaType, Digest(bytes));
    }

    /// <summary>The digest the tag or digest <paramref name="reference"/> names, or null when there is none.</summary>
    public async Task<string?> ResolveAsync(string repository, string reference, CancellationToken cancellationToken)
    {
        using var response = await FindAsync(ManifestRequest(HttpMethod.Head, repository, reference), cancellationToken);
        return response is not null && response.Headers.TryGetValues("Docker-Content-Digest", out var values) ? values.First() : null;
    }

    /// <summary>Stores <paramref name="manifest"/> under <paramref name="reference"/> (a tag or its digest) and returns the digest the registry computed.</summary>
    public async Task<string> PutManifestAsync(string repository, string reference, byte[] manifest, string mediaType, CancellationToken cancellationToken)
    {
        using var request = ManifestRequest(HttpMethod.Put, repository, reference);
        request.Content = new ByteArrayContent(manifest);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        using var response = await _http.SendAsync(request, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        return response.Headers.TryGetValues("Docker-Content-Digest", out var values) ? values.First() : Digest(manifest);
    }

    /// <summary>The size of blob <paramref name="digest"/> in <paramref name="repository"/>, or null when the repository has no such blob.</summary>
    public async Task<long?> BlobSizeAsync(string repository, string digest, CancellationToken cancellationToken)
    {
        using var response = await FindAsync(new HttpRequestMessage(HttpMethod.Head, $"v2/{repository}/blobs/{digest}"), cancellationToken);
        return response?.Content.Headers.ContentLength;
    }

    /// <summary>Every tag of <paramref name="repository"/>; empty when nothing was pushed to it yet.</summary>
    public async Task<IReadOnlyList<string>> TagsAsync(string repository, CancellationToken cancellationToken)
    {
        using var response = await FindAsync(new HttpRequestMessage(HttpMethod.Get, $"v2/{repository}/tags/list?n=100000"), cancellationToken);
        if (response is null)
            return [];
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return body?["tags"] is JsonArray tags ? tags.Select(tag => (string)tag!).ToList() : [];
    }

    /// <summary>The <c>sha256:</c> digest of <paramref name="bytes"/>.</summary>
    public static string Digest(ReadOnlySpan<byte> bytes) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>A Basic <c>Authorization</c> header for <paramref name="user"/> and <paramref name="password"/>.</summary>
    public static AuthenticationHeaderValue BasicAuthorization(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    // The response, or null for 404 (no such repository, manifest or blob); any other failure throws.
    private async Task<HttpResponseMessage?> FindAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
        {
            var response = await _http.SendAsync(request, cancellationToken);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                response.Dispose();
                return null;
            }

            await EnsureSuccessAsync(response, cancellationToken);
            return response;
        }
    }

    private static HttpRequestMessage ManifestRequest(HttpMethod method, string repository, string reference)
    {
        var request = new HttpRequestMessage(method, $"v2/{repository}/manifests/{reference}");
        foreach (var mediaType in ManifestMediaTypes.All)
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(mediaType));
        return request;
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
            return;
        var body = response.Content is null ? "" : await response.Content.ReadAsStringAsync(cancellationToken);
        throw new RegistryErrorException((int)response.StatusCode, RegistryErrorException.CodeOf(body), body);
    }
}

/// <summary>The registry refused a request; <see cref="Code"/> is its error code, such as <c>MANIFEST_BLOB_UNKNOWN</c>.</summary>
internal sealed class RegistryErrorException(int statusCode, string code, string body)
    : Exception($"The registry answered {statusCode} {code}: {body}")
{
    /// <summary>The HTTP status the registry answered.</summary>
    public int StatusCode { get; } = statusCode;

    /// <summary>The first error code of the registry's <c>{"errors": [...]}</c> body, or "UNKNOWN".</summary>
    public string Code { get; } = code;

    /// <summary>The first error code of a registry error body.</summary>
    public static string CodeOf(string body)
    {
        try
        {
            return JsonNode.Parse(body)?["errors"]?[0]?["code"]?.GetValue<string>() ?? "UNKNOWN";
        }
        catch (System.Text.Json.JsonException)
        {
            return "UNKNOWN";
        }
    }
}
