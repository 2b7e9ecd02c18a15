using System.Net.Http.Headers;
using System.Security.Cryptography;

namespace Slipway.Containers.Registry;

public sealed partial class RegistryClient
{
    /// <summary>
    /// Copies a blob from <paramref name="source"/> straight into this registry in one pass (the download feeds the upload, nothing is spooled).
    /// One attempt only: any failure returns Stored false with nothing committed and the session closed, and the caller falls back to a
    /// spooled, retried copy. The bytes are hashed on the way and the registry checks the digest before it stores the blob.
    /// BytesSent counts the body bytes sent over the wire, a failed attempt's too.
    /// </summary>
    internal async Task<(bool Stored, long BytesSent)> TryStreamBlobFromAsync(RegistryClient source, string sourceRepository, string repository, string digest,
        long size, CancellationToken cancellationToken)
    {
        var what = $"to stream blob {digest} from '{source.Registry}/{sourceRepository}' to '{Registry}/{repository}'";
        RequireSha256(digest, what);
        var sent = new SentBytes();
        Uri? location = null;
        var stored = false;
        try
        {
            using var download = await source.SendAsync(
                () => new HttpRequestMessage(HttpMethod.Get, source.Url($"v2/{sourceRepository}/blobs/{digest}")),
                sourceRepository, what, cancellationToken, HttpCompletionOption.ResponseHeadersRead, retry: false);
            if (!download.IsSuccessStatusCode || download.Content.Headers.ContentLength != size)
                return (false, 0);
            await using var body = await download.Content.ReadAsStreamAsync(cancellationToken);
            using var hashing = new HashingStream(body);
            using var session = await SendAsync(() => new HttpRequestMessage(HttpMethod.Post, Url($"v2/{repository}/blobs/uploads/")), repository, what, cancellationToken, retry: false);
            if (!session.IsSuccessStatusCode || session.Headers.Location is null)
                return (false, 0);
            location = Location(session);
            var target = new Uri(location + (location.Query.Length > 0 ? "&" : "?") + "digest=" + Uri.EscapeDataString(digest));
            using var put = await SendAsync(() =>
            {
                var request = new HttpRequestMessage(HttpMethod.Put, target) { Content = new BlobContent(new StreamContent(hashing, 1 << 20), sent) };
                request.Content.Headers.ContentLength = size;
                return request;
            }, repository, what, cancellationToken, retry: false);
            stored = put.IsSuccessStatusCode && hashing.Digest == digest;
            if (stored)
                _options.Progress?.Report(new TransferProgress(repository, digest, TransferDirection.Upload, size, size));
            return (stored, sent.Total);
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException or RegistryException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return (false, sent.Total);
        }
        finally
        {
            // Failed or cancelled: the session the registry opened would otherwise linger until it expires.
            if (!stored && location is not null)
                await CancelUploadAsync(repository, location, what);
        }
    }

    /// <summary>Reads a stream once, hashing what passes through; <see cref="Digest"/> is known at the end.</summary>
    sealed class HashingStream(Stream inner) : Stream
    {
        readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        public string? Digest { get; private set; }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => Seen(buffer.AsSpan(offset, inner.Read(buffer, offset, count)));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Seen((await inner.ReadAsync(buffer, cancellationToken)) is var read ? buffer.Span[..read] : default);

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                _hash.Dispose();
            base.Dispose(disposing);
        }

        int Seen(ReadOnlySpan<byte> read)
        {
            if (read.Length == 0)
                Digest ??= "sha256:" + Convert.ToHexStringLower(_hash.GetHashAndReset());
            else
                _hash.AppendData(read);
            return read.Length;
        }
    }
}
