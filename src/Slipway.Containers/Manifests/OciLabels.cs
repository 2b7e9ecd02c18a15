namespace Slipway.Containers.Manifests;

/// <summary>The OCI image annotation keys Slipway sets as labels and reads back (version, commit, source, creation time).</summary>
public static class OciLabels
{
    /// <summary>The OCI label for the version.</summary>
    public const string Version = "org.opencontainers.image.version";

    /// <summary>The OCI label for the full commit sha.</summary>
    public const string Revision = "org.opencontainers.image.revision";

    /// <summary>The OCI label for the source repository address.</summary>
    public const string Source = "org.opencontainers.image.source";

    /// <summary>The OCI label for the creation time (RFC 3339).</summary>
    public const string Created = "org.opencontainers.image.created";
}
