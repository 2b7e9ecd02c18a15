using System.Collections.Concurrent;
using Slipway.Containers.Manifests;
using Slipway.Containers.References;
using Slipway.Containers.Registry;

namespace Slipway.Containers.Copying;

/// <summary>
/// Copies an image (or a multi-platform index with its children) between repositories and registries, sending only the blobs
/// the destination lacks and the manifests byte for byte, so the digest is preserved.
/// </summary>
/// <param name="clientFor">The client for a registry host ("host:port"); the copier does not dispose it.</param>
public sealed class ImageCopier(Func<string, RegistryClient> clientFor)
{
    // Blob copies under way in this process, by destination registry, repository and digest; true once the blob is there. A copy that
    // needs a blob another is already sending waits for it rather than sending it again.
    static readonly ConcurrentDictionary<string, Task<bool>> InFlight = new();

    /// <summary>Blobs transferred at once per copy.</summary>
    public int Parallelism { get; init; } = 4;

    /// <summary>
    /// Stream each missing blob in one pass (the download feeds the upload, digest-checked by the registry) before falling back to
    /// the spooled, retried copy. On by default; off spools every blob to a temporary file first.
    /// </summary>
    public bool StreamBlobs { get; init; } = true;

    /// <summary>The folder for spooled blobs (the system's temporary folder by default); each spool file is deleted when its blob is done.</summary>
    public string SpoolDirectory { get; init; } = Path.GetTempPath();

    /// <summary>Copies <paramref name="source"/> to <paramref name="destination"/> (its tag, else the source's tag, else by digest).</summary>
    public async Task<ImageCopyResult> CopyAsync(ImageReference source, ImageReference destination, CancellationToken cancellationToken = default)
    {
        var from = new Side(clientFor(source.Registry), source.RepositoryPath);
        var to = new Side(clientFor(destination.Registry), destination.RepositoryPath);
        var tally = new Tally();
        var manifest = await from.Client.GetManifestAsync(from.Repository, source.ManifestReference, cancellationToken);
        if (destination.Digest is not null && destination.Digest != manifest.Digest)
            throw new RegistryException(
                $"Cannot copy '{source}' to '{destination}': the source manifest is {manifest.Digest}, not the destination's digest {destination.Digest}.");
        await CopyManifestAsync(from, to, manifest, destination.Tag ?? source.Tag ?? manifest.Digest, tally, cancellationToken);
        return new ImageCopyResult(manifest.Digest, tally.BytesUploaded, tally.Uploaded, tally.Mounted, tally.Present);
    }

    async Task CopyManifestAsync(Side from, Side to, Manifest manifest, string reference, Tally tally, CancellationToken cancellationToken)
    {
        // Children first, and blobs before their manifest: a manifest is never visible before what it references.
        foreach (var child in manifest.Children)
        {
            if (await to.Client.HeadManifestAsync(to.Repository, child.Digest, cancellationToken) is not null)
                continue;
            var childManifest = await from.Client.GetManifestAsync(from.Repository, child.Digest, cancellationToken);
            await CopyManifestAsync(from, to, childManifest, child.Digest, tally, cancellationToken);
        }
        var blobs = manifest.Blobs.DistinctBy(b => b.Digest);
        await Parallel.ForEachAsync(blobs, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            (blob, ct) => new ValueTask(CopyBlobAsync(from, to, blob, tally, ct)));
        await to.Client.PutManifestAsync(to.Repository, reference, manifest, cancellationToken);
    }

    async Task CopyBlobAsync(Side from, Side to, Descriptor blob, Tally tally, CancellationToken cancellationToken)
    {
        var key = $"{to.Client.Registry}/{to.Repository}@{blob.Digest}";
        TaskCompletionSource<bool> mine;
        while (true)
        {
            mine = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            var running = InFlight.GetOrAdd(key, mine.Task);
            if (running == mine.Task)
                break;
            // Another copy is sending it: then it is present; if that copy failed, look again (and perhaps send it here).
            if (await running.WaitAsync(cancellationToken))
            {
                Interlocked.Increment(ref tally.Present);
                return;
            }
        }
        var stored = false;
        try
        {
            await TransferBlobAsync(from, to, blob, tally, cancellationToken);
            stored = true;
        }
        finally
        {
            // Removed before the waiters wake, so one that finds a failure registers its own attempt rather than this one again.
            InFlight.TryRemove(new KeyValuePair<string, Task<bool>>(key, mine.Task));
            mine.SetResult(stored);
        }
    }

    async Task TransferBlobAsync(Side from, Side to, Descriptor blob, Tally tally, CancellationToken cancellationToken)
    {
        if (await to.Client.BlobExistsAsync(to.Repository, blob.Digest, cancellationToken))
        {
            Interlocked.Increment(ref tally.Present);
            return;
        }
        if (from.Client.Registry == to.Client.Registry
            && await to.Client.MountBlobAsync(to.Repository, blob.Digest, from.Repository, cancellationToken))
        {
            Interlocked.Increment(ref tally.Mounted);
            return;
        }
        // One pass first: the download feeds the upload. Any failure leaves nothing stored, and the spooled, retried copy below takes over.
        if (StreamBlobs && blob.Size > 0)
        {
            var (stored, bytesSent) = await to.Client.TryStreamBlobFromAsync(from.Client, from.Repository, to.Repository, blob.Digest, blob.Size, cancellationToken);
            Interlocked.Add(ref tally.BytesUploaded, bytesSent);
            if (stored)
            {
                Interlocked.Increment(ref tally.Uploaded);
                return;
            }
        }

        // Spooled to a temporary file so an interrupted upload can restart without downloading again.
        await using var spool = new FileStream(Path.Combine(SpoolDirectory, "slipway-blob-" + Path.GetRandomFileName()), FileMode.CreateNew,
            FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await from.Client.DownloadBlobAsync(from.Repository, blob.Digest, spool, cancellationToken);
        spool.Position = 0;
        var sent = await to.Client.UploadBlobAsync(to.Repository, blob.Digest, spool, cancellationToken);
        Interlocked.Add(ref tally.BytesUploaded, sent);
        Interlocked.Increment(ref tally.Uploaded);
    }

    sealed record Side(RegistryClient Client, string Repository);

    sealed class Tally
    {
        public long BytesUploaded;
        public int Uploaded;
        public int Mounted;
        public int Present;
    }
}
