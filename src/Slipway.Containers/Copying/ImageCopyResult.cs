namespace Slipway.Containers.Copying;

/// <summary>What a copy did: the digest now in the destination and the blob bytes it had to send.</summary>
/// <param name="Digest">The digest of the manifest now in the destination.</param>
/// <param name="BytesUploaded">The blob bytes sent over the wire to the destination: every attempt, a failed one-pass stream's and re-sent chunks included.</param>
/// <param name="BlobsUploaded">Blobs this copy uploaded.</param>
/// <param name="BlobsMounted">Blobs the registry mounted from the source repository.</param>
/// <param name="BlobsPresent">Blobs the destination already had, or that another copy in this process was sending and stored.</param>
public sealed record ImageCopyResult(string Digest, long BytesUploaded, int BlobsUploaded, int BlobsMounted, int BlobsPresent);
