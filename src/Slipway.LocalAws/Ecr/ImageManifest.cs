using System.Text.Json;
using System.Text.Json.Nodes;
using Slipway.LocalAws.Registry;
using Slipway.LocalAws.Server;

namespace Slipway.LocalAws.Ecr;

/// <summary>What the platform reads from a manifest: its media type and what it references (blobs of an image, child manifests of an index).</summary>
internal sealed record ImageManifest(
    string MediaType,
    IReadOnlyList<string> BlobDigests,
    IReadOnlyList<string> ChildDigests,
    long LayerSize,
    string? ArtifactMediaType)
{
    /// <summary>Whether the manifest is an index or manifest list.</summary>
    public bool IsIndex => ManifestMediaTypes.IsIndex(MediaType);

    /// <summary>Parses <paramref name="bytes"/>; the media type is <paramref name="declaredMediaType"/>, else the manifest's own <c>mediaType</c>.</summary>
    /// <exception cref="AwsErrorException"><c>InvalidParameterException</c> when the manifest is not JSON, has no known media type, or contradicts the declared one.</exception>
    public static ImageManifest Parse(ReadOnlySpan<byte> bytes, string? declaredMediaType)
    {
        try
        {
            var manifest = JsonNode.Parse(bytes) as JsonObject ?? throw Invalid("the manifest must be a JSON object");
            var ownMediaType = manifest["mediaType"]?.GetValue<string>();
            if (declaredMediaType is not null && ownMediaType is not null && declaredMediaType != ownMediaType)
                throw Invalid($"the declared media type '{declaredMediaType}' does not match the manifest's mediaType '{ownMediaType}'");
            var mediaType = declaredMediaType ?? ownMediaType ?? Infer(manifest);
            if (!ManifestMediaTypes.All.Contains(mediaType))
                throw Invalid($"unsupported manifest media type '{mediaType}'; supported are {string.Join(", ", ManifestMediaTypes.All)}");

            var layers = Descriptors(manifest["layers"]);
            var config = manifest["config"] as JsonObject;
            var blobs = (config is null ? layers : [config, .. layers]).Select(Digest).ToList();
            return new ImageManifest(
                mediaType,
                blobs,
                Descriptors(manifest["manifests"]).Select(Digest).ToList(),
                layers.Sum(layer => layer["size"]?.GetValue<long>() ?? 0),
                config?["mediaType"]?.GetValue<string>());
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or FormatException)
        {
            throw Invalid("Invalid JSON syntax");
        }
    }

    // OCI allows leaving mediaType out; the shape then tells an index from an image.
    private static string Infer(JsonObject manifest) => manifest["manifests"] is not null
        ? ManifestMediaTypes.OciIndex
        : manifest["config"] is not null ? ManifestMediaTypes.OciManifest
        : throw Invalid("the manifest has no mediaType and none was given");

    private static List<JsonObject> Descriptors(JsonNode? node) =>
        node is JsonArray array ? array.OfType<JsonObject>().ToList() : [];

    private static string Digest(JsonObject descriptor) =>
        descriptor["digest"]?.GetValue<string>() ?? throw Invalid("a descriptor has no digest");

    private static AwsErrorException Invalid(string reason) =>
        new("InvalidParameterException", $"Invalid parameter at 'ImageManifest' failed to satisfy constraint: '{reason}'");
}
