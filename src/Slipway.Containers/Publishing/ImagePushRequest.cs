using Slipway.Containers.References;

namespace Slipway.Containers.Publishing;

/// <summary>What to push: a local image, the registry tag it goes to, and the commit it was built from.</summary>
/// <param name="LocalImage">The local image id or reference (as <c>docker build</c> left it).</param>
/// <param name="Target">The registry reference to push to; it must have a tag and no digest.</param>
/// <param name="Revision">The full commit sha the image was built from (its <c>org.opencontainers.image.revision</c> label).</param>
/// <param name="DockerConfigDirectory">The <c>DOCKER_CONFIG</c> folder holding the registry login.</param>
public sealed record ImagePushRequest(string LocalImage, ImageReference Target, string Revision, string DockerConfigDirectory)
{
    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(LocalImage);
        ArgumentException.ThrowIfNullOrWhiteSpace(Revision);
        if (Target.Tag is null || Target.Digest is not null)
            throw new ArgumentException($"The push target '{Target}' must name a tag and no digest, e.g. 'registry/service:1.2.0-candidate-3'.", nameof(Target));
    }
}

/// <summary>How a push ended.</summary>
public enum ImagePushOutcome
{
    /// <summary>The image was pushed; the tag is new.</summary>
    Pushed,

    /// <summary>The tag already named this very image (same digest); nothing was sent.</summary>
    AlreadyPushed,

    /// <summary>The tag already named another build of the same commit; that image is kept and this build's image was not pushed.</summary>
    ReusedSameCommit,
}

/// <summary>The outcome of a push: the tag in the registry and the digest it names.</summary>
/// <param name="Outcome">Pushed, already there, or reused from an earlier build of the same commit.</param>
/// <param name="Target">The registry reference.</param>
/// <param name="Digest">The manifest digest the tag names in the registry now.</param>
public sealed record ImagePushResult(ImagePushOutcome Outcome, ImageReference Target, string Digest)
{
    /// <summary>The reference pinned to its digest, e.g. for a task definition.</summary>
    public ImageReference Pinned => Target.WithDigest(Digest);
}

/// <summary>The tag already names an image built from another commit; nothing was pushed and the tag was not moved.</summary>
public sealed class ImageTagConflictException(ImageReference target, string existingDigest, string? existingRevision, string revision)
    : Exception(
        $"The tag '{target}' already names {existingDigest}, built from commit {existingRevision ?? "(unknown: the image has no org.opencontainers.image.revision label)"}; " +
        $"this build is commit {revision}. Tags are never overwritten: the same version and revision from two commits usually means a commit was rewritten or the " +
        "version source changed. Commit again (a new revision gives a new tag) or delete the old image from the registry deliberately.")
{
    /// <summary>The tag that was not overwritten.</summary>
    public ImageReference Target { get; } = target;

    /// <summary>The digest the tag names.</summary>
    public string ExistingDigest { get; } = existingDigest;

    /// <summary>The commit the existing image was built from, when labelled.</summary>
    public string? ExistingRevision { get; } = existingRevision;

    /// <summary>The commit of this build.</summary>
    public string Revision { get; } = revision;
}
