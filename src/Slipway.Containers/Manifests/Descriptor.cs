namespace Slipway.Containers.Manifests;

/// <summary>A content descriptor: what a manifest points at.</summary>
public sealed record Descriptor(string MediaType, string Digest, long Size);
