namespace Slipway.Aws.Ecr;

/// <summary>BatchCheckLayerAvailability input: which blobs already exist in a repository.</summary>
public sealed record BatchCheckLayerAvailabilityRequest
{
    /// <summary>Registry (account) id; null is the caller's.</summary>
    public string? RegistryId { get; init; }
    /// <summary>The repository.</summary>
    public required string RepositoryName { get; init; }
    /// <summary>Blob digests to check (up to 100).</summary>
    public required IReadOnlyList<string> LayerDigests { get; init; }
}

/// <summary>BatchCheckLayerAvailability output.</summary>
public sealed record BatchCheckLayerAvailabilityResult
{
    /// <summary>Blobs known to the repository, with their availability.</summary>
    public IReadOnlyList<Layer> Layers { get; init; } = [];
    /// <summary>Blobs that could not be checked (e.g. "MissingLayerDigest").</summary>
    public IReadOnlyList<LayerFailure> Failures { get; init; } = [];
}

/// <summary>One blob's availability.</summary>
public sealed record Layer
{
    /// <summary>Blob digest.</summary>
    public string? LayerDigest { get; init; }
    /// <summary>"AVAILABLE", "UNAVAILABLE" or "ARCHIVED".</summary>
    public string? LayerAvailability { get; init; }
    /// <summary>Size in bytes.</summary>
    public long? LayerSize { get; init; }
    /// <summary>Blob media type.</summary>
    public string? MediaType { get; init; }

    /// <summary>Whether the blob can be referenced by a manifest pushed now.</summary>
    public bool IsAvailable => LayerAvailability == "AVAILABLE";
}

/// <summary>Why one blob could not be checked.</summary>
public sealed record LayerFailure
{
    /// <summary>Blob digest.</summary>
    public string? LayerDigest { get; init; }
    /// <summary>E.g. "MissingLayerDigest" or "InvalidLayerDigest".</summary>
    public string? FailureCode { get; init; }
    /// <summary>Human-readable reason.</summary>
    public string? FailureReason { get; init; }
}
