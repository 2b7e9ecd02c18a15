namespace Slipway.Containers.Manifests;

/// <summary>A content descriptor: what a manifest points at.</summary>
public sealed record Descriptor(string MediaType, string Digest, long Size)
{
    /// <summary>The platform of an index entry, when the index names one.</summary>
    public ImagePlatform? Platform { get; init; }
}
