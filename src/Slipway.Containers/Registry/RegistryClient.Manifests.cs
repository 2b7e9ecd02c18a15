using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Slipway.Containers.Manifests;

namespace Slipway.Containers.Registry;

public sealed partial class RegistryClient
{
    /// <summary>Fetches a manifest by tag or digest, verifying its bytes against Docker-Content-Digest and a requested digest.</summary>
    public async Task<Manifest> GetManifestAsync(string repository, string reference, CancellationToken cancellationToken = default) =>
        (await GetManifestAsync(repository, reference, missingIsNull: false, cancellationToken))!;

    /// <summary>Like <see cref="GetManifestAsync(string, string, CancellationToken)"/>, but null when the repository has no such tag or digest.</summary>
    internal Task<Manifest?> FindManifestAsync(string repository, string reference, CancellationToken cancellationToken) =>
        GetManifestAsync(repository, reference, missingIsNull: true, cancellationToken);

    async Task<Manifest?> GetManifestAsync(string repository, string reference, bool missingIsNull, CancellationToken cancellationToken)
    {
        var what = $"to get manifest '{Registry}/{repository}:{reference}'";
        if (reference.Contains(':'))
            RequireSha256(reference, what);
        using var response = await SendAsync(() => ManifestRequest(HttpMethod.Get, repository, reference), repository, what, cancellationToken);
        if (missingIsNull && response.StatusCode == HttpStatusCode.NotFound)
            return null;
        await EnsureSuccessAsync(response, what, cancellationToken);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        // The digest is checked before parsing: bytes altered in transit are a digest error, not a format error.
        var actual = Digest.Sha256(bytes);
        var served = HeaderDigest(response);
        if (served is not null && served != actual)
            throw new RegistryException(
                $"Manifest '{Registry}/{repository}:{reference}' does not match its digest: the registry says {served}, the bytes hash to {actual}.",
                code: "DIGEST_INVALID");
        if (reference.Contains(':') && reference != actual)
            throw new RegistryException(
                $"Manifest '{Registry}/{repository}@{reference}' does not match its digest: the bytes hash to {actual}.",
                code: "DIGEST_INVALID");
        Manifest manifest;
        try
        {
            manifest = Manifest.Parse(bytes, response.Content.Headers.ContentType?.MediaType);
        }
        catch (FormatException e)
        {
            throw new RegistryException($"Registry '{Registry}' served an unreadable manifest for '{repository}:{reference}': {e.Message}", inner: e);
        }
        return manifest;
    }

    /// <summary>The descriptor of a manifest, or null when the registry has none under that tag or digest.</summary>
    public async Task<Descriptor?> HeadManifestAsync(string repository, string reference, CancellationToken cancellationToken = default)
    {
        var what = $"to look up manifest '{Registry}/{repository}:{reference}'";
        using var response = await SendAsync(() => ManifestRequest(HttpMethod.Head, repository, reference), repository, what, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
            return null;
        await EnsureSuccessAsync(response, what, cancellationToken);
        return new Descriptor(response.Content.Headers.ContentType?.MediaType ?? "", HeaderDigest(response) ?? "",
            response.Content.Headers.ContentLength ?? 0);
    }

    /// <summary>Stores the manifest's exact bytes under a tag or its digest (retrying the registry's DIGEST_INVALID race); returns the digest the registry reports.</summary>
    public async Task<string> PutManifestAsync(string repository, string reference, Manifest manifest, CancellationToken cancellationToken = default)
    {
        if (reference.Contains(':'))
            RequireSha256(reference, $"to put manifest '{Registry}/{repository}@{reference}'");
        if (reference.Contains(':') && reference != manifest.Digest)
            throw new RegistryException(
                $"Cannot put manifest {manifest.Digest} as '{Registry}/{repository}@{reference}': the reference is another digest.", code: "DIGEST_INVALID");
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await PutManifestOnceAsync(repository, reference, manifest, cancellationToken);
            }
            // The CNCF registry verifies a manifest's references by reading each one's link file in the repository, and a concurrent push
            // committing the same blob or child manifest rewrites that file in place (truncate, then write): read empty, it answers DIGEST_INVALID.
            // The bytes sent are the ones the digest was computed from and the reference was checked above, so that answer is the race: retry.
            catch (RegistryException e) when (e.Code == "DIGEST_INVALID" && attempt < _options.MaxAttempts)
            {
                await BackoffAsync(attempt, cancellationToken);
            }
        }
    }

    async Task<string> PutManifestOnceAsync(string repository, string reference, Manifest manifest, CancellationToken cancellationToken)
    {
        var what = $"to put manifest '{Registry}/{repository}:{reference}'";
        using var response = await SendAsync(() =>
        {
            var request = new HttpRequestMessage(HttpMethod.Put, Url($"v2/{repository}/manifests/{reference}"))
            {
                Content = new ByteArrayContent(manifest.Bytes),
            };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(manifest.MediaType);
            return request;
        }, repository, what, cancellationToken);
        await EnsureSuccessAsync(response, what, cancellationToken);
        var digest = HeaderDigest(response) ?? manifest.Digest;
        return digest == manifest.Digest
            ? digest
            : throw new RegistryException($"Registry '{Registry}' stored manifest '{repository}:{reference}' as {digest}, expected {manifest.Digest}.");
    }

    /// <summary>The tags of a repository.</summary>
    public async Task<IReadOnlyList<string>> ListTagsAsync(string repository, CancellationToken cancellationToken = default)
    {
        var what = $"to list tags of '{Registry}/{repository}'";
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, Url($"v2/{repository}/tags/list")), repository, what, cancellationToken);
        await EnsureSuccessAsync(response, what, cancellationToken);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return document.RootElement.TryGetProperty("tags", out var tags) && tags.ValueKind == JsonValueKind.Array
            ? tags.EnumerateArray().Select(t => t.GetString()!).ToList()
            : [];
    }

    HttpRequestMessage ManifestRequest(HttpMethod method, string repository, string reference)
    {
        var request = new HttpRequestMessage(method, Url($"v2/{repository}/manifests/{reference}"));
        foreach (var type in ManifestMediaTypes.All)
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(type));
        return request;
    }

    static string? HeaderDigest(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Docker-Content-Digest", out var values) ? values.FirstOrDefault() : null;
}
