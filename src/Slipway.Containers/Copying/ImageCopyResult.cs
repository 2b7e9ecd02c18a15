namespace Slipway.Containers.Copying;

/// <summary>What a copy did: the digest now in the destination and the blob bytes it had to send.</summary>
public sealed record ImageCopyResult(string Digest, long BytesUploaded, int BlobsUploaded, int BlobsMounted, int BlobsPresent);
