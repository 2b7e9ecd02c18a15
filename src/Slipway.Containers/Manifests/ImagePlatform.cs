namespace Slipway.Containers.Manifests;

/// <summary>The platform an index entry is for, such as linux/amd64 or linux/arm64/v8.</summary>
/// <param name="Os">The operating system ("linux").</param>
/// <param name="Architecture">The CPU architecture ("amd64", "arm64").</param>
/// <param name="Variant">The CPU variant ("v8"), if any.</param>
public sealed record ImagePlatform(string Os, string Architecture, string? Variant = null)
{
    /// <summary>"os/architecture[/variant]", as docker writes it.</summary>
    public override string ToString() => $"{Os}/{Architecture}" + (Variant is null ? "" : "/" + Variant);
}
