using Slipway.Containers.References;

namespace Slipway.Containers.Promotion;

/// <summary>What to promote: a release candidate tag and the release tag it becomes, both tags without a digest.</summary>
public sealed record ImagePromotionRequest
{
    /// <summary>Describes promoting <paramref name="candidate"/> to <paramref name="release"/>; throws when either is not a plain tag.</summary>
    public ImagePromotionRequest(ImageReference candidate, ImageReference release)
    {
        Candidate = candidate;
        Release = release;
    }

    /// <summary>The release candidate, such as <c>dev.example.com/app:1.4.0-rc.2</c>.</summary>
    public ImageReference Candidate { get; init => field = RequireTag(value, "candidate", nameof(Candidate)); }

    /// <summary>The release tag to create, such as <c>prod.example.com/app:1.4.0</c>; never moved once it exists.</summary>
    public ImageReference Release { get; init => field = RequireTag(value, "release", nameof(Release)); }

    /// <summary>Splits the request into its candidate and release.</summary>
    public void Deconstruct(out ImageReference candidate, out ImageReference release) => (candidate, release) = (Candidate, Release);

    static ImageReference RequireTag(ImageReference reference, string role, string parameter)
    {
        ArgumentNullException.ThrowIfNull(reference, parameter);
        if (reference.Digest is not null)
            throw new ArgumentException(
                $"The {role} reference '{reference}' has a digest; expected a tag and no digest, such as '{reference.Registry}/{reference.Repository}:1.2.3'.", parameter);
        if (reference.Tag is null)
            throw new ArgumentException(
                $"The {role} reference '{reference}' has no tag; expected a tag and no digest, such as '{reference}:1.2.3'.", parameter);
        return reference;
    }
}
