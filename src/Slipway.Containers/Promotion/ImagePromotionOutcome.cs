namespace Slipway.Containers.Promotion;

/// <summary>What a promotion found and did.</summary>
public enum ImagePromotionOutcome
{
    /// <summary>The release tag did not exist; the candidate was copied and tagged.</summary>
    Copied,

    /// <summary>The release tag already named the candidate's digest (an earlier or concurrent promotion); nothing was tagged.</summary>
    AlreadyPromoted,
}
