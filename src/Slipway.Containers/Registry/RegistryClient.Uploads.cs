using System.Net;
using System.Net.Http.Headers;

namespace Slipway.Containers.Registry;

public sealed partial class RegistryClient
{
    /// <summary>
    /// Uploads a blob from a seekable stream: one PUT when it fits <see cref="RegistryClientOptions.ChunkSize"/>, else PATCH chunks
    /// with Content-Range. An interrupted chunked upload resumes where the registry says its session stands; any other failed attempt
    /// closes its session and starts a fresh one. Returns the blob bytes sent over the wire, every attempt included.
    /// </summary>
    public async Task<long> UploadBlobAsync(string repository, string digest, Stream content, CancellationToken cancellationToken = default)
    {
        var what = $"to upload blob {digest} to '{Registry}/{repository}'";
        var start = content.Position;
        var size = content.Length - start;
        var chunked = size > _options.ChunkSize;
        var sent = new SentBytes();
        UploadSession? session = null;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (session is not null)
                    session = await ResumeUploadAsync(repository, session, size, what, cancellationToken);
                session ??= await OpenUploadAsync(repository, what, cancellationToken);
                content.Position = start + session.Offset;
                if (chunked)
                    await SendChunksAsync(repository, digest, session, content, size, sent, what, cancellationToken);
                await CompleteUploadAsync(repository, digest, session.Location, chunked ? null : content, size, sent, what, cancellationToken);
                return sent.Total;
            }
            catch (Exception e)
            {
                var retry = attempt < _options.MaxAttempts && IsTransient(e, cancellationToken);
                // A chunked upload keeps its session for the next attempt to resume; any other is closed so it does not linger.
                if (session is not null && !(retry && chunked))
                {
                    await CancelUploadAsync(repository, session.Location, what);
                    session = null;
                }
                if (!retry)
                    throw;
            }
            await BackoffAsync(attempt, cancellationToken);
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
        // 202: the registry opened an upload session instead; close it so it does not linger.
        if (response.Headers.Location is not null)
            await CancelUploadAsync(repository, Location(response), what);
        return false;
    }

    /// <summary>An open upload session: where to send next, and how many bytes the registry has acknowledged.</summary>
    sealed class UploadSession(Uri location)
    {
        public Uri Location = location;
        public long Offset;
    }

    async Task<UploadSession> OpenUploadAsync(string repository, string what, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Post, Url($"v2/{repository}/blobs/uploads/")), repository, what, cancellationToken);
        await EnsureUploadAsync(response, what, cancellationToken);
        return new UploadSession(Location(response));
    }

    /// <summary>
    /// Asks the registry where an interrupted session stands (GET: 204 with "Range: 0-last") and continues from there; null, after closing
    /// the session, when the registry cannot say (the CNCF registry cancels a session whose state token does not match its size).
    /// </summary>
    async Task<UploadSession?> ResumeUploadAsync(string repository, UploadSession session, long size, string what, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, session.Location), repository, what, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NoContent && StoredBytes(response, session.Offset) is { } stored && stored <= size)
        {
            if (response.Headers.Location is not null)
                session.Location = Location(response);
            session.Offset = stored;
            return session;
        }
        await CancelUploadAsync(repository, session.Location, what);
        return null;
    }

    /// <summary>The bytes a session holds by its "Range: 0-last" header; "0-0" is also what a registry reports for none.</summary>
    static long? StoredBytes(HttpResponseMessage response, long acknowledged) =>
        response.Headers.TryGetValues("Range", out var values) && values.FirstOrDefault() is { } range
        && range.StartsWith("0-", StringComparison.Ordinal) && long.TryParse(range[2..], out var last)
            ? last == 0 && acknowledged == 0 ? 0 : last + 1
            : null;

    /// <summary>Closes an upload session, best effort and bounded, whatever the caller's cancellation: errors are ignored.</summary>
    async Task CancelUploadAsync(string repository, Uri location, string what)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Delete, location), repository, what, timeout.Token, retry: false);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or OperationCanceledException or RegistryException)
        {
        }
    }

    async Task SendChunksAsync(string repository, string digest, UploadSession session, Stream content, long size, SentBytes sent, string what,
        CancellationToken cancellationToken)
    {
        var buffer = new byte[_options.ChunkSize];
        while (session.Offset < size)
        {
            var length = (int)Math.Min(_options.ChunkSize, size - session.Offset);
            await content.ReadExactlyAsync(buffer.AsMemory(0, length), cancellationToken);
            var (from, target) = (session.Offset, session.Location);
            using var response = await SendAsync(() =>
            {
                var request = new HttpRequestMessage(HttpMethod.Patch, target) { Content = new BlobContent(new ByteArrayContent(buffer, 0, length), sent) };
                request.Content.Headers.TryAddWithoutValidation("Content-Range", $"{from}-{from + length - 1}");
                return request;
            }, repository, what, cancellationToken, retry: false);
            await EnsureUploadAsync(response, what, cancellationToken);
            session.Location = Location(response);
            session.Offset += length;
            _options.Progress?.Report(new TransferProgress(repository, digest, TransferDirection.Upload, session.Offset, size));
        }
    }

    async Task CompleteUploadAsync(string repository, string digest, Uri location, Stream? content, long size, SentBytes sent, string what,
        CancellationToken cancellationToken)
    {
        var separator = location.Query.Length > 0 ? "&" : "?";
        var target = new Uri(location + separator + "digest=" + Uri.EscapeDataString(digest));
        var from = content?.Position ?? 0;
        using var response = await SendAsync(() =>
        {
            // Rewound for every send: a request repeated after a 401 must carry the whole body again.
            if (content is not null)
                content.Position = from;
            HttpContent body = content is null ? new ByteArrayContent([]) : new StreamContent(new NonDisposingStream(content), 81920);
            return new HttpRequestMessage(HttpMethod.Put, target) { Content = new BlobContent(body, sent) };
        }, repository, what, cancellationToken, retry: false);
        await EnsureUploadAsync(response, what, cancellationToken);
        if (content is not null)
            _options.Progress?.Report(new TransferProgress(repository, digest, TransferDirection.Upload, size, size));
    }

    async Task EnsureUploadAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (IsTransient(response.StatusCode))
            throw new RegistryTransientException($"Registry '{Registry}' answered HTTP {(int)response.StatusCode} {what}.", response.StatusCode);
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
