using System.Text.Json.Serialization;

namespace Slipway.Aws.Ecr;

/// <summary>DescribeRepositories input: names, or paging through all (MaxResults only without names).</summary>
public sealed record DescribeRepositoriesRequest
{
    /// <summary>Registry (account) id; null is the caller's.</summary>
    public string? RegistryId { get; init; }
    /// <summary>Repositories to describe; a missing one fails the call with <see cref="RepositoryNotFoundException"/>.</summary>
    public IReadOnlyList<string>? RepositoryNames { get; init; }
    /// <summary>Token from the previous page.</summary>
    public string? NextToken { get; init; }
    /// <summary>Page size (1–1000), not allowed with names.</summary>
    public int? MaxResults { get; init; }
}

/// <summary>DescribeRepositories output.</summary>
public sealed record DescribeRepositoriesResult
{
    /// <summary>The repositories of this page.</summary>
    public IReadOnlyList<Repository> Repositories { get; init; } = [];
    /// <summary>Token for the next page; null on the last.</summary>
    public string? NextToken { get; init; }
}

/// <summary>An ECR repository.</summary>
public sealed record Repository
{
    /// <summary>ARN of the repository.</summary>
    public string? RepositoryArn { get; init; }
    /// <summary>Account id of the registry.</summary>
    public string? RegistryId { get; init; }
    /// <summary>Name, e.g. "team/service".</summary>
    public string? RepositoryName { get; init; }
    /// <summary>Push/pull URI, e.g. 123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/service.</summary>
    public string? RepositoryUri { get; init; }
    /// <summary>Creation time.</summary>
    public DateTimeOffset? CreatedAt { get; init; }
    /// <summary>One of <see cref="ImageTagMutability"/>.</summary>
    public string? ImageTagMutability { get; init; }
    /// <summary>Scan-on-push setting.</summary>
    public ImageScanningConfiguration? ImageScanningConfiguration { get; init; }
    /// <summary>Encryption at rest.</summary>
    public EncryptionConfiguration? EncryptionConfiguration { get; init; }
}

/// <summary>CreateRepository input.</summary>
public sealed record CreateRepositoryRequest
{
    /// <summary>Lowercase name, 2–256 characters, '/' allowed.</summary>
    public required string RepositoryName { get; init; }
    /// <summary>Registry (account) id; null is the caller's.</summary>
    public string? RegistryId { get; init; }
    /// <summary>Resource tags (ECR spells the members "Key" and "Value").</summary>
    public IReadOnlyList<EcrTag>? Tags { get; init; }
    /// <summary>One of <see cref="ImageTagMutability"/>.</summary>
    public string? ImageTagMutability { get; init; }
    /// <summary>Tags exempt from the mutability setting.</summary>
    public IReadOnlyList<ImageTagMutabilityExclusionFilter>? ImageTagMutabilityExclusionFilters { get; init; }
    /// <summary>Scan-on-push setting.</summary>
    public ImageScanningConfiguration? ImageScanningConfiguration { get; init; }
    /// <summary>Encryption at rest.</summary>
    public EncryptionConfiguration? EncryptionConfiguration { get; init; }
}

/// <summary>CreateRepository output.</summary>
public sealed record CreateRepositoryResult
{
    /// <summary>The new repository.</summary>
    public Repository? Repository { get; init; }
}

/// <summary>An ECR resource tag; unlike ECS, ECR capitalises the member names.</summary>
public sealed record EcrTag([property: JsonPropertyName("Key")] string Key, [property: JsonPropertyName("Value")] string Value);

/// <summary>A tag pattern exempt from the repository's tag mutability.</summary>
public sealed record ImageTagMutabilityExclusionFilter(string Filter, string FilterType = "WILDCARD");

/// <summary>Whether images are scanned on push.</summary>
public sealed record ImageScanningConfiguration(bool ScanOnPush);

/// <summary>Encryption at rest: "AES256" or "KMS" with an optional key.</summary>
public sealed record EncryptionConfiguration(string EncryptionType, string? KmsKey = null);

/// <summary>Values of imageTagMutability.</summary>
public static class ImageTagMutability
{
    /// <summary>Tags can move.</summary>
    public const string Mutable = "MUTABLE";
    /// <summary>A tag, once pushed, can never name another image.</summary>
    public const string Immutable = "IMMUTABLE";
    /// <summary>Immutable except tags matching the exclusion filters.</summary>
    public const string ImmutableWithExclusion = "IMMUTABLE_WITH_EXCLUSION";
    /// <summary>Mutable except tags matching the exclusion filters.</summary>
    public const string MutableWithExclusion = "MUTABLE_WITH_EXCLUSION";
}
