namespace Slipway.Containers.Manifests;

/// <summary>The manifest media types a registry copy understands.</summary>
public static class ManifestMediaTypes
{
    /// <summary>A Docker image manifest (schema 2).</summary>
    public const string DockerManifest = "application/vnd.docker.distribution.manifest.v2+json";

    /// <summary>A Docker manifest list: one manifest per platform.</summary>
    public const string DockerManifestList = "application/vnd.docker.distribution.manifest.list.v2+json";

    /// <summary>An OCI image manifest.</summary>
    public const string OciManifest = "application/vnd.oci.image.manifest.v1+json";

    /// <summary>An OCI image index: one manifest per platform.</summary>
    public const string OciIndex = "application/vnd.oci.image.index.v1+json";

    /// <summary>All four, in the order sent in an Accept header.</summary>
    public static readonly IReadOnlyList<string> All = [OciIndex, DockerManifestList, OciManifest, DockerManifest];

    /// <summary>True for an index or manifest list (a manifest of manifests).</summary>
    public static bool IsIndex(string mediaType) => mediaType is OciIndex or DockerManifestList;
}
