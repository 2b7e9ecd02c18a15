using System.Net.Http;
using Slipway.Containers.Manifests;
using Slipway.Containers.References;
using Slipway.Containers.Registry;

namespace Slipway.Containers.Publishing;

/// <summary>What a registry holds under a commit's image tag.</summary>
public enum CommitImageStatus
{
    /// <summary>The work tree has uncommitted changes: an image of the commit is not an image of them, so the registry was not asked.</summary>
    WorkTreeChanged,

    /// <summary>The tag (or the repository) does not exist.</summary>
    Missing,

    /// <summary>The tag names an image built from the commit: nothing to build.</summary>
    BuiltFromCommit,

    /// <summary>The tag names an image built from another commit; a push will refuse to overwrite it.</summary>
    BuiltFromOtherCommit,

    /// <summary>The registry could not answer; <see cref="CommitImage.Error"/> says why.</summary>
    Unreadable,
}

/// <summary>The answer of <see cref="CommitImageLookup.FindAsync"/>.</summary>
/// <param name="Status">What the tag holds.</param>
/// <param name="Image">The tag that was looked at.</param>
/// <param name="Existing">The image the tag names, when it exists.</param>
/// <param name="Error">Why the registry could not answer, for <see cref="CommitImageStatus.Unreadable"/>.</param>
public sealed record CommitImage(CommitImageStatus Status, ImageReference Image, ImageConfig? Existing = null, string? Error = null);

/// <summary>The build-once check: does the registry already hold the image of this commit under its tag?</summary>
public static class CommitImageLookup
{
    /// <summary>Looks up <paramref name="image"/> and compares its revision label with <paramref name="revision"/>; a registry that cannot answer is a status, not an error, since the check only saves work.</summary>
    public static async Task<CommitImage> FindAsync(RegistryClient registry, ImageReference image, string revision, int uncommittedChanges,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(image);
        // The registry's image is the commit's; a work tree with changes asks for a build of those changes.
        if (uncommittedChanges > 0)
            return new CommitImage(CommitImageStatus.WorkTreeChanged, image);
        try
        {
            var existing = await registry.GetImageConfigAsync(image.RepositoryPath, image.Tag!, cancellationToken);
            if (existing is null)
                return new CommitImage(CommitImageStatus.Missing, image);
            return new CommitImage(existing.Revision == revision ? CommitImageStatus.BuiltFromCommit : CommitImageStatus.BuiltFromOtherCommit, image, existing);
        }
        catch (RegistryException error) when (error.Code == "NAME_UNKNOWN")
        {
            return new CommitImage(CommitImageStatus.Missing, image);
        }
        catch (Exception error) when (error is RegistryException or HttpRequestException)
        {
            return new CommitImage(CommitImageStatus.Unreadable, image, Error: error.Message);
        }
    }
}
