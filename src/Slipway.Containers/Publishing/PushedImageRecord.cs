using System.Text.Json;
using System.Text.Json.Serialization;

namespace Slipway.Containers.Publishing;

/// <summary>The pushed image as <c>artifacts/image.json</c> records it for later targets and later runs (keys image, digest, revision, version, outcome).</summary>
/// <param name="Image">The registry reference with its tag, e.g. <c>123456789012.dkr.ecr.eu-west-1.amazonaws.com/orders:1.4.0-candidate-3</c>.</param>
/// <param name="Digest">The manifest digest the tag names.</param>
/// <param name="Revision">The full commit sha the image was built from.</param>
/// <param name="Version">The version (FullSemVer) of the commit.</param>
/// <param name="Outcome">How the push ended.</param>
public sealed record PushedImageRecord(
    [property: JsonPropertyName("image")] string Image,
    [property: JsonPropertyName("digest")] string Digest,
    [property: JsonPropertyName("revision")] string Revision,
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("outcome")] ImagePushOutcome Outcome)
{
    static readonly JsonSerializerOptions Options = new() { WriteIndented = true, Converters = { new JsonStringEnumConverter() } };

    /// <summary>The record of <paramref name="result"/> for the commit <paramref name="revision"/> at <paramref name="version"/>.</summary>
    public static PushedImageRecord From(ImagePushResult result, string revision, string version)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new PushedImageRecord(result.Target.ToString(), result.Digest, revision, version, result.Outcome);
    }

    /// <summary>Writes the record to <paramref name="path"/> as indented JSON, creating its folder.</summary>
    public async Task WriteAsync(string path, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(this, Options), cancellationToken);
    }

    /// <summary>Reads a record <see cref="WriteAsync"/> wrote.</summary>
    /// <exception cref="InvalidDataException">The file is not such a record.</exception>
    public static async Task<PushedImageRecord> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        try
        {
            return JsonSerializer.Deserialize<PushedImageRecord>(await File.ReadAllTextAsync(path, cancellationToken), Options)
                ?? throw new InvalidDataException($"'{path}' holds null, not a pushed image record.");
        }
        catch (JsonException error)
        {
            throw new InvalidDataException($"'{path}' is not a pushed image record (image, digest, revision, version, outcome): {error.Message}. Run PushEcr again to rewrite it.", error);
        }
    }
}
