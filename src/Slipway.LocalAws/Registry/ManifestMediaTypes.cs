namespace Slipway.LocalAws.Registry;

/// <summary>The manifest media types the platform stores and serves.</summary>
internal static class ManifestMediaTypes
{
    public const string DockerManifest = "application/vnd.docker.distribution.manifest.v2+json";
    public const string DockerManifestList = "application/vnd.docker.distribution.manifest.list.v2+json";
    public const string OciManifest = "application/vnd.oci.image.manifest.v1+json";
    public const string OciIndex = "application/vnd.oci.image.index.v1+json";

    /// <summary>Every type, sent as <c>Accept</c> so the registry returns what was pushed, never a substitute.</summary>
    public static readonly IReadOnlyList<string> All = [DockerManifest, DockerManifestList, OciManifest, OciIndex];

    /// <summary>Whether <paramref name="mediaType"/> lists other manifests rather than layers.</summary>
    public static bool IsIndex(string mediaType) => mediaType is DockerManifestList or OciIndex;
}
