using Slipway.Containers.Copying;

namespace Slipway.Containers.Promotion;

/// <summary>What a promotion did: the outcome, the digest the release tag names, the commit it was built from and the copy, if one ran.</summary>
/// <param name="Outcome">Whether this promotion created the release tag or found it already naming the candidate.</param>
/// <param name="Digest">The digest of the candidate, now named by the release tag.</param>
/// <param name="Revision">The candidate's <c>org.opencontainers.image.revision</c> label, if labelled.</param>
/// <param name="Copy">The copy into the release repository, when one ran (null when the release tag already named the candidate).</param>
public sealed record ImagePromotionResult(ImagePromotionOutcome Outcome, string Digest, string? Revision, ImageCopyResult? Copy)
{
    /// <summary>The blob bytes this promotion sent to the release registry.</summary>
    public long BytesUploaded => Copy?.BytesUploaded ?? 0;
}
