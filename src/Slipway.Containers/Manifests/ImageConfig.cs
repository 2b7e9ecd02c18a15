using System.Text.Json;

namespace Slipway.Containers.Manifests;

/// <summary>What an image's config says about it (its labels), with the digest of the manifest it was read through.</summary>
/// <param name="ManifestDigest">The digest of the manifest asked for: an index's own digest, not its child's.</param>
/// <param name="Labels">The config's labels; empty when it has none.</param>
public sealed record ImageConfig(string ManifestDigest, IReadOnlyDictionary<string, string> Labels)
{
    /// <summary>The commit the image was built from (the <c>org.opencontainers.image.revision</c> label), if labelled.</summary>
    public string? Revision => Labels.GetValueOrDefault(OciLabels.Revision);

    /// <summary>The version the image was built as (the <c>org.opencontainers.image.version</c> label), if labelled.</summary>
    public string? Version => Labels.GetValueOrDefault(OciLabels.Version);

    /// <summary>Reads the labels out of a config blob ("config.Labels", which may be missing or null).</summary>
    internal static ImageConfig Parse(string manifestDigest, byte[] configBytes)
    {
        try
        {
            using var document = JsonDocument.Parse(configBytes);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw new FormatException($"Image config is a JSON {root.ValueKind}; expected an object.");
            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            if (root.TryGetProperty("config", out var config) && config.ValueKind == JsonValueKind.Object
                && config.TryGetProperty("Labels", out var found) && found.ValueKind == JsonValueKind.Object)
                foreach (var label in found.EnumerateObject())
                    labels[label.Name] = label.Value.ValueKind == JsonValueKind.String ? label.Value.GetString()! : label.Value.GetRawText();
            return new ImageConfig(manifestDigest, labels);
        }
        catch (JsonException e)
        {
            throw new FormatException($"Image config is not valid JSON: {e.Message}", e);
        }
    }
}
