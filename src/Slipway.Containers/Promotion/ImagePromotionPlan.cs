namespace Slipway.Containers.Promotion;

/// <summary>What a promotion would do, read before it runs (<see cref="ImagePromoter.DescribeAsync"/>): the candidate, and whether it is already the release.</summary>
/// <param name="Digest">The candidate's manifest digest, which the release tag gets.</param>
/// <param name="Revision">The candidate's <c>org.opencontainers.image.revision</c> label, if labelled.</param>
/// <param name="AlreadyPromoted">True when the release tag already names the candidate: promoting changes nothing.</param>
public sealed record ImagePromotionPlan(string Digest, string? Revision, bool AlreadyPromoted);
