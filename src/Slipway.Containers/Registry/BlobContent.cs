using System.Net;
using System.Net.Http.Headers;

namespace Slipway.Containers.Registry;

/// <summary>Bytes sent over the wire for blob bodies across every request of one operation, failed and repeated ones included.</summary>
internal sealed class SentBytes
{
    long _total;

    public long Total => Interlocked.Read(ref _total);

    public void Add(long count) => Interlocked.Add(ref _total, count);
}

/// <summary>
/// The body of a blob upload request (application/octet-stream) that counts the bytes it hands to the connection, so a result
/// can report what was really sent rather than the blob's declared size.
/// </summary>
internal sealed class BlobContent : HttpContent
{
    readonly HttpContent _inner;
    readonly SentBytes _sent;

    public BlobContent(HttpContent inner, SentBytes sent)
    {
        _inner = inner;
        _sent = sent;
        Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        _inner.CopyToAsync(new CountingStream(stream, _sent), context, cancellationToken);

    protected override bool TryComputeLength(out long length)
    {
        length = _inner.Headers.ContentLength ?? -1;
        return length >= 0;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _inner.Dispose();
        base.Dispose(disposing);
    }

    /// <summary>Passes writes through to the connection's stream, counting them.</summary>
    sealed class CountingStream(Stream inner, SentBytes sent) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count)
        {
            inner.Write(buffer, offset, count);
            sent.Add(count);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await inner.WriteAsync(buffer, cancellationToken);
            sent.Add(buffer.Length);
        }
    }
}
