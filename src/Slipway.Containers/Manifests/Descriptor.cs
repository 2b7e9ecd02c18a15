namespace Slipway.Containers.Manifests;

/// <summary>A content descriptor: what a manifest points at.</summary>
/// <param name="MediaType">The media type of the content.</param>
/// <param name="Digest">The content's digest ("sha256:...").</param>
/// <param name="Size">The content's size in bytes, as the manifest declares it.</param>
public sealed record Descriptor(string MediaType, string Digest, long Size)
{
    /// <summary>The platform of an index entry, when the index names one.</summary>
    public ImagePlatform? Platform { get; init; }
}
