namespace Slipway.LocalAws.Ecr;

/// <summary>One ECR repository as stored in <c>ecr/{account}.json</c>: its settings and what the platform recorded of each image pushed to it.</summary>
internal sealed class RepositoryRecord
{
    public required string Name { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public string ImageTagMutability { get; init; } = "MUTABLE";

    /// <summary>Wildcard filters whose tags behave opposite to <see cref="ImageTagMutability"/>.</summary>
    public List<string> MutabilityExclusions { get; init; } = [];

    public bool ScanOnPush { get; init; }

    public string EncryptionType { get; init; } = "AES256";

    public string? KmsKey { get; init; }

    public Dictionary<string, string> Tags { get; init; } = [];

    /// <summary>Images by digest: what the registry does not keep (push time, size, media types).</summary>
    public Dictionary<string, ImageRecord> Images { get; init; } = [];
}

/// <summary>What the platform recorded when an image manifest was pushed.</summary>
internal sealed record ImageRecord(DateTimeOffset PushedAt, string MediaType, long Size, string? ArtifactMediaType);

/// <summary>The content of <c>ecr/{account}.json</c>.</summary>
internal sealed class RepositoriesDocument
{
    public List<RepositoryRecord> Repositories { get; init; } = [];
}
