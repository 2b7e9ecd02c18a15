namespace Slipway.Containers.Registry;

/// <summary>How far a blob transfer has got.</summary>
/// <param name="Repository">The repository the blob moves from or to.</param>
/// <param name="Digest">The blob's digest.</param>
/// <param name="Direction">Whether it is downloaded or uploaded.</param>
/// <param name="Bytes">The bytes transferred so far.</param>
/// <param name="Total">The blob's size, when known.</param>
public sealed record TransferProgress(string Repository, string Digest, TransferDirection Direction, long Bytes, long? Total);

/// <summary>Which way a blob moves.</summary>
public enum TransferDirection
{
    /// <summary>From the registry.</summary>
    Download,

    /// <summary>To the registry.</summary>
    Upload,
}
