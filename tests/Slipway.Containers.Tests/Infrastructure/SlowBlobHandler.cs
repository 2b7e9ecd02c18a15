namespace Slipway.Containers.Tests.Infrastructure;

/// <summary>
/// Serves blob downloads slowly (16 KiB every 20 ms), so a test can act while a blob is half transferred; <see cref="MidBlob"/>
/// completes once one blob body has delivered 64 KiB; <see cref="Delivered"/> counts the blob bytes handed out so far.
/// </summary>
public sealed class SlowBlobHandler() : DelegatingHandler(new HttpClientHandler())
{
    readonly TaskCompletionSource _midBlob = new(TaskCreationOptions.RunContinuationsAsynchronously);

    long _delivered;

    public Task MidBlob => _midBlob.Task;

    /// <summary>Blob bytes delivered so far, over all downloads: what a copy has read, whatever the clock says.</summary>
    public long Delivered => Interlocked.Read(ref _delivered);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (request.Method != HttpMethod.Get || !request.RequestUri!.AbsolutePath.Contains("/blobs/sha256:") || !response.IsSuccessStatusCode)
            return response;
        var slow = new StreamContent(new SlowStream(await response.Content.ReadAsStreamAsync(cancellationToken), _midBlob, read => Interlocked.Add(ref _delivered, read)));
        foreach (var header in response.Content.Headers)
            slow.Headers.TryAddWithoutValidation(header.Key, header.Value);
        response.Content = slow;
        return response;
    }

    sealed class SlowStream(Stream inner, TaskCompletionSource midBlob, Action<int> count) : Stream
    {
        long _delivered;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await Task.Delay(20, cancellationToken);
            var read = await inner.ReadAsync(buffer[..Math.Min(buffer.Length, 16 * 1024)], cancellationToken);
            count(read);
            if ((_delivered += read) >= 64 * 1024)
                midBlob.TrySetResult();
            return read;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
