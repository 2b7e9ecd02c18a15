namespace Slipway.Aws.Ecr;

/// <summary>The repository a service's images go to, and the settings it is created with when missing.</summary>
/// <param name="Name">The repository name, e.g. "orders" or "team/orders".</param>
public sealed record EcrRepositorySettings(string Name)
{
    /// <summary>Create it with immutable tags, and refuse an existing one whose tags are mutable (default: true).</summary>
    public bool ImmutableTags { get; init; } = true;

    /// <summary>Create it with scan on push (default: true).</summary>
    public bool ScanOnPush { get; init; } = true;

    /// <summary>The settings as a summary says them, e.g. "immutable tags, scan on push on".</summary>
    public string Description => $"{(ImmutableTags ? "immutable" : "mutable")} tags, scan on push {(ScanOnPush ? "on" : "off")}";

    /// <summary>The CreateRepository call these settings make.</summary>
    public CreateRepositoryRequest CreateRequest() => new()
    {
        RepositoryName = Name,
        ImageTagMutability = ImmutableTags ? ImageTagMutability.Immutable : ImageTagMutability.Mutable,
        ImageScanningConfiguration = new ImageScanningConfiguration(ScanOnPush),
    };
}

/// <summary>An existing repository has mutable tags where immutable ones were asked for: a concurrent push could move a tag the caller checked.</summary>
public sealed class EcrMutableTagsException(string repository, string name, string account) : AwsException(
    $"The ECR repository '{repository}' in account '{account}' has mutable tags, so a concurrent push could move a tag " +
    $"this build checked. Make it immutable ('aws ecr put-image-tag-mutability --repository-name {name} --image-tag-mutability IMMUTABLE'), " +
    "or pass --immutable-tags false to accept mutable tags.")
{
    /// <summary>The repository's URI (or name when ECR gave none).</summary>
    public string Repository { get; } = repository;
}
