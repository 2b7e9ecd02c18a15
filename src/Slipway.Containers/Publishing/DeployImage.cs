using Slipway.Containers.Manifests;
using Slipway.Containers.References;
using Slipway.Containers.Registry;

namespace Slipway.Containers.Publishing;

/// <summary>Which image a deploy runs, always by digest: the one PushEcr recorded for this commit, or a released tag in the release registry.</summary>
public static class DeployImage
{
    /// <summary>
    /// The image PushEcr recorded in <paramref name="recordPath"/> (artifacts/image.json) pinned to its digest, when the record is of
    /// <paramref name="revision"/>; null when there is no record or it is of another commit (an image of another commit is never deployed as this one).
    /// </summary>
    public static async Task<ImageReference?> FromRecordAsync(string recordPath, string revision, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(recordPath))
            return null;
        var record = await PushedImageRecord.ReadAsync(recordPath, cancellationToken);
        return record.Revision == revision ? ImageReference.Parse(record.Image).WithDigest(record.Digest) : null;
    }

    /// <summary>The released image <paramref name="image"/> (a tag in the release registry) pinned to the digest the tag names now.</summary>
    /// <exception cref="RegistryException">The tag does not exist: the message names it and says to promote the release first.</exception>
    public static async Task<ImageReference> ReleasedAsync(RegistryClient registry, ImageReference image, CancellationToken cancellationToken = default) =>
        await FindReleasedAsync(registry, image, cancellationToken)
        ?? throw new RegistryException($"The release image '{image}' is not in the release registry: nothing to deploy to production. " +
            "Promote the release candidate first (PromoteRelease on the release or hotfix branch), then deploy main.");

    /// <summary>The released image <paramref name="image"/> pinned to the digest the tag names now; null when the tag (or its repository) does not exist.</summary>
    public static async Task<ImageReference?> FindReleasedAsync(RegistryClient registry, ImageReference image, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(image);
        Descriptor? found;
        try
        {
            found = await registry.HeadManifestAsync(image.RepositoryPath, image.ManifestReference, cancellationToken);
        }
        catch (RegistryException error) when (error.Code == "NAME_UNKNOWN")
        {
            found = null;
        }

        return found is { Digest.Length: > 0 } ? image.WithDigest(found.Digest) : null;
    }
}
