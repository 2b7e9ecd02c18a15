namespace Slipway.Containers.Registry;

/// <summary>Settings of a <see cref="RegistryClient"/>.</summary>
public sealed record RegistryClientOptions
{
    /// <summary>Attempts per operation before a transient failure (5xx, 429, dropped connection) is reported.</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>The first backoff; doubled after each failed attempt, with jitter.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Blobs larger than this are uploaded in chunks (PATCH with Content-Range) instead of one PUT.</summary>
    public long ChunkSize { get; init; } = 8 * 1024 * 1024;

    /// <summary>"http" or "https"; null means http for loopback registries and https for every other.</summary>
    public string? Scheme { get; init; }

    /// <summary>Receives blob transfer progress.</summary>
    public IProgress<TransferProgress>? Progress { get; init; }
}
