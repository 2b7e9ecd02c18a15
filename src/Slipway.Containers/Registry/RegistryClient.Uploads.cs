using System.Net;
using System.Net.Http.Headers;

namespace Slipway.Containers.Registry;

public sealed partial class RegistryClient
{
    /// <summary>
    /// Uploads a blob from a seekable stream: one PUT when it fits <see cref="RegistryClientOptions.ChunkSize"/>, else PATCH chunks
    /// with Content-Range. A failed attempt restarts from a fresh upload session. Returns the bytes sent.
    /// </summary>
    public async Task<long> UploadBlobAsync(string repository, string digest, Stream content, CancellationToken cancellationToken = default)
    {
        var what = $"to upload blob {digest} to '{Registry}/{repository}'";
        var start = content.Position;
        var size = content.Length - start;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                content.Position = start;
                using var session = await SendAsync(() => new HttpRequestMessage(HttpMethod.Post, Url($"v2/{repository}/blobs/uploads/")), repository, what, cancellationToken);
                await EnsureUploadAsync(session, what, cancellationToken);
                var location = Location(session);
                if (size > options.ChunkSize)
                    location = await SendChunksAsync(repository, digest, location, content, size, what, cancellationToken);
                await CompleteUploadAsync(repository, digest, location, size > options.ChunkSize ? null : content, size, what, cancellationToken);
                return size;
            }
            catch (Exception e) when (attempt < options.MaxAttempts && IsTransient(e, cancellationToken))
            {
                await BackoffAsync(attempt, cancellationToken);
            }
        }
    }

    /// <summary>Mounts a blob from another repository of this registry; false when the registry did not mount (then upload).</summary>
    public async Task<bool> MountBlobAsync(string repository, string digest, string fromRepository, CancellationToken cancellationToken = default)
    {
        var what = $"to mount blob {digest} from '{fromRepository}' into '{Registry}/{repository}'";
        using var response = await SendAsync(
            () => new HttpRequestMessage(HttpMethod.Post, Url($"v2/{repository}/blobs/uploads/?mount={Uri.EscapeDataString(digest)}&from={Uri.EscapeDataString(fromRepository)}")),
            repository, what, cancellationToken, extraScope: $"repository:{fromRepository}:pull");
        if (response.StatusCode == HttpStatusCode.Created)
            return true;
        await EnsureSuccessAsync(response, what, cancellationToken);
        if (response.Headers.Location is not null)
        {
            // 202: the registry opened an upload session instead; close it so it does not linger.
            var location = Location(response);
            using var cancel = await SendAsync(() => new HttpRequestMessage(HttpMethod.Delete, location), repository, what, cancellationToken, retry: false);
        }
        return false;
    }

    async Task<Uri> SendChunksAsync(string repository, string digest, Uri location, Stream content, long size, string what, CancellationToken cancellationToken)
    {
        var buffer = new byte[options.ChunkSize];
        long sent = 0;
        while (sent < size)
        {
            var length = (int)Math.Min(options.ChunkSize, size - sent);
            await content.ReadExactlyAsync(buffer.AsMemory(0, length), cancellationToken);
            var (from, target) = (sent, location);
            using var response = await SendAsync(() =>
            {
                var request = new HttpRequestMessage(HttpMethod.Patch, target) { Content = new ByteArrayContent(buffer, 0, length) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
                request.Content.Headers.TryAddWithoutValidation("Content-Range", $"{from}-{from + length - 1}");
                return request;
            }, repository, what, cancellationToken, retry: false);
            await EnsureUploadAsync(response, what, cancellationToken);
            location = Location(response);
            sent += length;
            options.Progress?.Report(new TransferProgress(repository, digest, TransferDirection.Upload, sent, size));
        }
        return location;
    }

    async Task CompleteUploadAsync(string repository, string digest, Uri location, Stream? content, long size, string what, CancellationToken cancellationToken)
    {
        var separator = location.Query.Length > 0 ? "&" : "?";
        var target = new Uri(location + separator + "digest=" + Uri.EscapeDataString(digest));
        using var response = await SendAsync(() =>
        {
            var request = new HttpRequestMessage(HttpMethod.Put, target);
            request.Content = content is null ? new ByteArrayContent([]) : new StreamContent(new NonDisposingStream(content), 81920);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            return request;
        }, repository, what, cancellationToken, retry: false);
        await EnsureUploadAsync(response, what, cancellationToken);
        if (content is not null)
            options.Progress?.Report(new TransferProgress(repository, digest, TransferDirection.Upload, size, size));
    }

    async Task EnsureUploadAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (IsTransient(response.StatusCode))
            throw new RegistryTransientException($"Registry '{Registry}' answered HTTP {(int)response.StatusCode} {what}.");
        await EnsureSuccessAsync(response, what, cancellationToken);
    }

    Uri Location(HttpResponseMessage response) =>
        response.Headers.Location is { } location
            ? new Uri(BaseAddress, location)
            : throw new RegistryException($"Registry '{Registry}' opened an upload without a Location header.");
}

/// <summary>Lets StreamContent read a caller's stream without closing it, so a retry can rewind it.</summary>
internal sealed class NonDisposingStream(Stream inner) : Stream
{
    public override bool CanRead => true;
    public override bool CanSeek => inner.CanSeek;
    public override bool CanWrite => false;
    public override long Length => inner.Length;
    public override long Position { get => inner.Position; set => inner.Position = value; }
    public override void Flush() { }
    public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => inner.ReadAsync(buffer, cancellationToken);
    public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
