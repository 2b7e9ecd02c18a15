namespace Slipway.Aws.Ecr;

/// <summary>An image by tag or by digest.</summary>
public sealed record ImageIdentifier
{
    /// <summary>Manifest digest, e.g. "sha256:...".</summary>
    public string? ImageDigest { get; init; }
    /// <summary>Tag, e.g. "1.4.0".</summary>
    public string? ImageTag { get; init; }

    /// <summary>The image a tag names.</summary>
    public static ImageIdentifier ByTag(string tag) => new() { ImageTag = tag };

    /// <summary>The image with this manifest digest.</summary>
    public static ImageIdentifier ByDigest(string digest) => new() { ImageDigest = digest };
}

/// <summary>Manifest media types; send <see cref="All"/> as acceptedMediaTypes so indexes come back unchanged.</summary>
public static class ManifestMediaTypes
{
    /// <summary>Docker image manifest v2 schema 2.</summary>
    public const string DockerManifest = "application/vnd.docker.distribution.manifest.v2+json";
    /// <summary>Docker manifest list (multi-platform).</summary>
    public const string DockerManifestList = "application/vnd.docker.distribution.manifest.list.v2+json";
    /// <summary>OCI image manifest.</summary>
    public const string OciManifest = "application/vnd.oci.image.manifest.v1+json";
    /// <summary>OCI image index (multi-platform).</summary>
    public const string OciIndex = "application/vnd.oci.image.index.v1+json";
    /// <summary>All four.</summary>
    public static IReadOnlyList<string> All { get; } = [DockerManifest, DockerManifestList, OciManifest, OciIndex];
}

/// <summary>BatchGetImage input; a missing image is a failure entry, not an exception.</summary>
public sealed record BatchGetImageRequest
{
    /// <summary>Registry (account) id; null is the caller's.</summary>
    public string? RegistryId { get; init; }
    /// <summary>The repository.</summary>
    public required string RepositoryName { get; init; }
    /// <summary>Up to 100 images.</summary>
    public required IReadOnlyList<ImageIdentifier> ImageIds { get; init; }
    /// <summary>Media types the caller understands.</summary>
    public IReadOnlyList<string>? AcceptedMediaTypes { get; init; } = ManifestMediaTypes.All;
}

/// <summary>BatchGetImage output.</summary>
public sealed record BatchGetImageResult
{
    /// <summary>Images found, with their manifests.</summary>
    public IReadOnlyList<Image> Images { get; init; } = [];
    /// <summary>Images not found (failureCode ImageNotFound, ImageTagDoesNotMatchDigest, ...).</summary>
    public IReadOnlyList<ImageFailure> Failures { get; init; } = [];
}

/// <summary>An image with its manifest, as BatchGetImage and PutImage return it.</summary>
public sealed record Image
{
    /// <summary>Registry (account) id.</summary>
    public string? RegistryId { get; init; }
    /// <summary>The repository.</summary>
    public string? RepositoryName { get; init; }
    /// <summary>Tag and digest.</summary>
    public ImageIdentifier? ImageId { get; init; }
    /// <summary>The manifest exactly as stored; pass it back unchanged (the digest is over these bytes).</summary>
    public string? ImageManifest { get; init; }
    /// <summary>The manifest's media type.</summary>
    public string? ImageManifestMediaType { get; init; }
}

/// <summary>Why one requested image was not returned.</summary>
public sealed record ImageFailure
{
    /// <summary>The image asked for.</summary>
    public ImageIdentifier? ImageId { get; init; }
    /// <summary>E.g. "ImageNotFound".</summary>
    public string? FailureCode { get; init; }
    /// <summary>Human-readable reason.</summary>
    public string? FailureReason { get; init; }
}

/// <summary>PutImage input: tags a manifest (retagging: the byte-identical manifest of another tag).</summary>
public sealed record PutImageRequest
{
    /// <summary>Registry (account) id; null is the caller's.</summary>
    public string? RegistryId { get; init; }
    /// <summary>The repository.</summary>
    public required string RepositoryName { get; init; }
    /// <summary>The manifest string, at most 4 MiB, never re-serialised.</summary>
    public required string ImageManifest { get; init; }
    /// <summary>The manifest's media type.</summary>
    public string? ImageManifestMediaType { get; init; }
    /// <summary>The tag to set.</summary>
    public string? ImageTag { get; init; }
    /// <summary>Expected digest, checked by ECR when given.</summary>
    public string? ImageDigest { get; init; }
}

/// <summary>PutImage output.</summary>
public sealed record PutImageResult
{
    /// <summary>The tagged image.</summary>
    public Image? Image { get; init; }
}

/// <summary>DescribeImages input.</summary>
public sealed record DescribeImagesRequest
{
    /// <summary>Registry (account) id; null is the caller's.</summary>
    public string? RegistryId { get; init; }
    /// <summary>The repository.</summary>
    public required string RepositoryName { get; init; }
    /// <summary>Images to describe; null lists all.</summary>
    public IReadOnlyList<ImageIdentifier>? ImageIds { get; init; }
    /// <summary>Tag status filter.</summary>
    public DescribeImagesFilter? Filter { get; init; }
    /// <summary>Token from the previous page.</summary>
    public string? NextToken { get; init; }
    /// <summary>Page size (1–1000), not allowed with image ids.</summary>
    public int? MaxResults { get; init; }
}

/// <summary>Filter images by tag status: "TAGGED", "UNTAGGED" or "ANY".</summary>
public sealed record DescribeImagesFilter(string TagStatus);

/// <summary>DescribeImages output.</summary>
public sealed record DescribeImagesResult
{
    /// <summary>The images of this page.</summary>
    public IReadOnlyList<ImageDetail> ImageDetails { get; init; } = [];
    /// <summary>Token for the next page; null on the last.</summary>
    public string? NextToken { get; init; }
}

/// <summary>Metadata of one image.</summary>
public sealed record ImageDetail
{
    /// <summary>Registry (account) id.</summary>
    public string? RegistryId { get; init; }
    /// <summary>The repository.</summary>
    public string? RepositoryName { get; init; }
    /// <summary>Manifest digest.</summary>
    public string? ImageDigest { get; init; }
    /// <summary>Tags naming this image.</summary>
    public IReadOnlyList<string> ImageTags { get; init; } = [];
    /// <summary>Compressed size.</summary>
    public long? ImageSizeInBytes { get; init; }
    /// <summary>When the image was pushed.</summary>
    public DateTimeOffset? ImagePushedAt { get; init; }
    /// <summary>The manifest's media type.</summary>
    public string? ImageManifestMediaType { get; init; }
    /// <summary>The config's media type.</summary>
    public string? ArtifactMediaType { get; init; }
}
