using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;

namespace Slipway.Containers.Registry;

public sealed partial class RegistryClient
{
    /// <summary>True when the repository holds the blob.</summary>
    public async Task<bool> BlobExistsAsync(string repository, string digest, CancellationToken cancellationToken = default)
    {
        var what = $"to look up blob {digest} in '{Registry}/{repository}'";
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Head, Url($"v2/{repository}/blobs/{digest}")), repository, what, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
            return false;
        await EnsureSuccessAsync(response, what, cancellationToken);
        return true;
    }

    /// <summary>
    /// Streams a blob into a seekable destination, verifying the digest while streaming; an interrupted download
    /// resumes with a Range request (or restarts when the registry ignores it). Returns the bytes written.
    /// </summary>
    public async Task<long> DownloadBlobAsync(string repository, string digest, Stream destination, CancellationToken cancellationToken = default)
    {
        var what = $"to download blob {digest} from '{Registry}/{repository}'";
        RequireSha256(digest, what);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        var start = destination.Position;
        long received = 0;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var offset = received;
                using var response = await SendAsync(() =>
                {
                    var request = new HttpRequestMessage(HttpMethod.Get, Url($"v2/{repository}/blobs/{digest}"));
                    if (offset > 0)
                        request.Headers.Range = new RangeHeaderValue(offset, null);
                    return request;
                }, repository, what, cancellationToken, HttpCompletionOption.ResponseHeadersRead);
                await EnsureSuccessAsync(response, what, cancellationToken);
                if (offset > 0 && response.StatusCode != HttpStatusCode.PartialContent)
                {
                    // The registry sent the whole blob again: start over.
                    received = 0;
                    hash.GetHashAndReset();
                    destination.Position = start;
                    destination.SetLength(start);
                }
                var total = response.Content.Headers.ContentLength + received;
                await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
                int read;
                while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                    hash.AppendData(buffer, 0, read);
                    received += read;
                    _options.Progress?.Report(new TransferProgress(repository, digest, TransferDirection.Download, received, total));
                }
                var actual = "sha256:" + Convert.ToHexStringLower(hash.GetHashAndReset());
                if (actual != digest)
                    throw new RegistryException($"Blob {digest} from '{Registry}/{repository}' does not match its digest: the bytes hash to {actual}.",
                        code: "DIGEST_INVALID");
                return received;
            }
            catch (Exception e) when (attempt < _options.MaxAttempts && IsTransient(e, cancellationToken))
            {
                await BackoffAsync(attempt, cancellationToken);
            }
        }
    }
}
