using System.Text.Json;
using System.Text.Json.Serialization;
using Slipway.Containers.Ecr;

namespace Slipway.Containers.Promotion;

/// <summary>
/// A promotion as <c>artifacts/promotion.json</c> records it: the candidate, the release, the digest both name, the
/// registries (accounts) it went between, the outcome and the approval (null when nothing needed approving).
/// </summary>
/// <param name="Candidate">The candidate's reference, e.g. <c>…/orders:1.4.0-candidate-3</c>.</param>
/// <param name="Release">The release's reference, e.g. <c>…/orders:1.4.0</c>.</param>
/// <param name="Digest">The digest both tags name.</param>
/// <param name="Revision">The commit the image was built from, if labelled.</param>
/// <param name="CandidateRegistry">The candidate registry's account, as the build named it.</param>
/// <param name="ReleaseRegistry">The release registry's account.</param>
/// <param name="Outcome">Copied now, or found already promoted.</param>
/// <param name="Approval">Who approved the copy, when and how; null when the release was already promoted.</param>
public sealed record PromotedImageRecord(
    [property: JsonPropertyName("candidate")] string Candidate,
    [property: JsonPropertyName("release")] string Release,
    [property: JsonPropertyName("digest")] string Digest,
    [property: JsonPropertyName("revision")] string? Revision,
    [property: JsonPropertyName("candidateRegistry")] string CandidateRegistry,
    [property: JsonPropertyName("releaseRegistry")] string ReleaseRegistry,
    [property: JsonPropertyName("outcome")] ImagePromotionOutcome Outcome,
    [property: JsonPropertyName("approval")] PromotionApproval? Approval)
{
    static readonly JsonSerializerOptions Options = new() { WriteIndented = true, Converters = { new JsonStringEnumConverter() } };

    /// <summary>The record of <paramref name="result"/>, the promotion <paramref name="request"/> asked for, approved by <paramref name="approval"/>.</summary>
    public static PromotedImageRecord From(EcrReleasePromotionResult result, EcrReleasePromotionRequest request, PromotionApproval? approval)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(request);
        var promotion = result.Promotion;
        return new PromotedImageRecord(result.Candidate.ToString(), result.Release.ToString(), promotion.Digest, promotion.Revision,
            request.From.Name, request.To.Name, promotion.Outcome, approval);
    }

    /// <summary>
    /// Writes the record to <paramref name="path"/>, except that a record without approval (a re-run that found the release
    /// promoted) keeps a record of the same release and digest already there, with its approval. Returns the record the file holds.
    /// </summary>
    public async Task<PromotedImageRecord> SaveAsync(string path, CancellationToken cancellationToken = default)
    {
        if (Approval is null && await TryReadAsync(path, cancellationToken) is { } kept && kept.Release == Release && kept.Digest == Digest)
            return kept;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(this, Options), cancellationToken);
        return this;
    }

    /// <summary>Reads a record <see cref="SaveAsync"/> wrote; null when the file is missing or holds something else.</summary>
    public static async Task<PromotedImageRecord?> TryReadAsync(string path, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(path))
            return null;
        try
        {
            return JsonSerializer.Deserialize<PromotedImageRecord>(await File.ReadAllTextAsync(path, cancellationToken), Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
