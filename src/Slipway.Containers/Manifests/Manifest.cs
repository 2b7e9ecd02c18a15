using System.Text.Json;

namespace Slipway.Containers.Manifests;

/// <summary>A manifest as raw bytes (never re-serialised: the digest is over the bytes) plus what it references.</summary>
public sealed class Manifest
{
    Manifest(byte[] bytes, string mediaType, Descriptor? config, IReadOnlyList<Descriptor> blobs, IReadOnlyList<Descriptor> children)
    {
        Bytes = bytes;
        MediaType = mediaType;
        Config = config;
        Blobs = blobs;
        Children = children;
        Digest = Containers.Digest.Sha256(bytes);
    }

    /// <summary>The exact bytes the registry serves.</summary>
    public byte[] Bytes { get; }

    /// <summary>The manifest media type.</summary>
    public string MediaType { get; }

    /// <summary>The sha256 digest of <see cref="Bytes"/>.</summary>
    public string Digest { get; }

    /// <summary>The config blob of an image manifest (null for an index).</summary>
    public Descriptor? Config { get; }

    /// <summary>Blobs an image manifest references: config then layers (empty for an index).</summary>
    public IReadOnlyList<Descriptor> Blobs { get; }

    /// <summary>Child manifests an index or manifest list references (empty for an image manifest).</summary>
    public IReadOnlyList<Descriptor> Children { get; }

    /// <summary>True for an index or manifest list.</summary>
    public bool IsIndex => ManifestMediaTypes.IsIndex(MediaType);

    /// <summary>Reads the references out of manifest bytes; the media type falls back to the document's own "mediaType".</summary>
    public static Manifest Parse(byte[] bytes, string? mediaType = null)
    {
        try
        {
            using var document = JsonDocument.Parse(bytes);
            var root = document.RootElement;
            var declared = root.TryGetProperty("mediaType", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
            var type = NormaliseMediaType(mediaType) ?? declared
                ?? (root.TryGetProperty("manifests", out _) ? ManifestMediaTypes.OciIndex : ManifestMediaTypes.OciManifest);
            if (!ManifestMediaTypes.All.Contains(type))
                throw new FormatException($"Manifest media type '{type}' is not supported; expected one of {string.Join(", ", ManifestMediaTypes.All)}.");

            if (ManifestMediaTypes.IsIndex(type))
                return new Manifest(bytes, type, null, [], ReadDescriptors(root, "manifests"));
            var config = root.TryGetProperty("config", out var c) ? ReadDescriptor(c) : null;
            var blobs = new List<Descriptor>();
            if (config is not null)
                blobs.Add(config);
            blobs.AddRange(ReadDescriptors(root, "layers"));
            return new Manifest(bytes, type, config, blobs, []);
        }
        catch (JsonException e)
        {
            throw new FormatException($"Manifest is not valid JSON: {e.Message}", e);
        }
    }

    static string? NormaliseMediaType(string? mediaType) =>
        string.IsNullOrEmpty(mediaType) ? null : mediaType.Split(';')[0].Trim();

    static List<Descriptor> ReadDescriptors(JsonElement root, string property) =>
        root.TryGetProperty(property, out var array) && array.ValueKind == JsonValueKind.Array
            ? array.EnumerateArray().Select(ReadDescriptor).ToList()
            : [];

    static Descriptor ReadDescriptor(JsonElement element)
    {
        var digest = element.TryGetProperty("digest", out var d) ? d.GetString() : null;
        if (digest is null || !Containers.Digest.TryParse(digest, out _))
            throw new FormatException($"Manifest descriptor has an invalid digest '{digest}'.");
        var mediaType = element.TryGetProperty("mediaType", out var m) ? m.GetString() ?? "" : "";
        var size = element.TryGetProperty("size", out var s) ? s.GetInt64() : 0;
        return new Descriptor(mediaType, digest, size) { Platform = ReadPlatform(element) };
    }

    static ImagePlatform? ReadPlatform(JsonElement element)
    {
        if (!element.TryGetProperty("platform", out var platform) || platform.ValueKind != JsonValueKind.Object)
            return null;
        string? Text(string name) => platform.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        return Text("os") is { } os && Text("architecture") is { } architecture ? new ImagePlatform(os, architecture, Text("variant")) : null;
    }
}
