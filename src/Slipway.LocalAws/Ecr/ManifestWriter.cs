using System.Text.RegularExpressions;
using Slipway.LocalAws.Registry;
using Slipway.LocalAws.Server;

namespace Slipway.LocalAws.Ecr;

/// <summary>An image manifest ECR accepted: its digest and media type.</summary>
internal sealed record PushedImage(string Digest, string MediaType);

/// <summary>Writes a manifest the way ECR accepts one, for PutImage and for pushes through the registry alike: exact bytes, referenced blobs and images present, tag immutability kept.</summary>
internal static partial class ManifestWriter
{
    /// <summary>The largest manifest ECR accepts.</summary>
    public const int MaxManifestBytes = 4 * 1024 * 1024;

    /// <summary>Stores <paramref name="manifest"/> in <paramref name="repository"/>, tagged <paramref name="tag"/> when given.</summary>
    /// <exception cref="AwsErrorException">ECR's error: <c>ImageAlreadyExistsException</c> when the tag (or, untagged, the digest) already names these bytes,
    /// <c>ImageTagAlreadyExistsException</c>, <c>LayersNotFoundException</c>, <c>ReferencedImagesNotFoundException</c>, <c>ImageDigestDoesNotMatchException</c>, ...</exception>
    public static async Task<PushedImage> WriteAsync(
        EcrRegistry ecr, string repository, byte[] manifest, string? mediaType, string? tag, string? expectedDigest, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var record = ecr.Repositories.Get(repository);
        if (manifest.Length > MaxManifestBytes)
            throw new AwsErrorException("InvalidParameterException", $"Invalid parameter at 'imageManifest' failed to satisfy constraint: 'Member must have length less than or equal to {MaxManifestBytes}'");
        var digest = RegistryClient.Digest(manifest);
        if (expectedDigest is not null && expectedDigest != digest)
        {
            throw new AwsErrorException("ImageDigestDoesNotMatchException",
                $"The specified image digest '{expectedDigest}' does not match the digest '{digest}' that Amazon ECR calculated for the image.");
        }

        if (tag is not null && !ImageTag().IsMatch(tag))
            throw new AwsErrorException("InvalidParameterException", $"Invalid parameter at 'imageTag' failed to satisfy constraint: 'must satisfy regular expression '{ImageTag()}''");
        var parsed = ImageManifest.Parse(manifest, mediaType);
        await CheckReferencesAsync(ecr, repository, parsed, cancellationToken);

        using (await ecr.LockAsync(repository, cancellationToken))
        {
            var current = await ecr.Registry.ResolveAsync(repository, tag ?? digest, cancellationToken);
            if (current == digest)
            {
                throw new AwsErrorException("ImageAlreadyExistsException",
                    $"Image with digest '{digest}'{(tag is null ? "" : $" and tag '{tag}'")} already exists in the repository with name '{repository}' in registry with id '{ecr.AccountId}'");
            }

            if (current is not null && tag is not null && TagMutability.IsImmutable(record, tag))
            {
                throw new AwsErrorException("ImageTagAlreadyExistsException",
                    $"The image tag '{tag}' already exists in the '{repository}' repository and cannot be overwritten because the tag is immutable.");
            }

            await PutAsync(ecr, repository, tag ?? digest, manifest, parsed, cancellationToken);
            ecr.Repositories.RecordImage(repository, digest, new ImageRecord(now, parsed.MediaType, Size(ecr, repository, parsed), parsed.ArtifactMediaType));
        }

        return new PushedImage(digest, parsed.MediaType);
    }

    private static async Task CheckReferencesAsync(EcrRegistry ecr, string repository, ImageManifest manifest, CancellationToken cancellationToken)
    {
        var missingBlobs = await MissingAsync(manifest.BlobDigests, async blob => await ecr.Registry.BlobSizeAsync(repository, blob, cancellationToken) is not null);
        if (missingBlobs.Count > 0)
        {
            throw new AwsErrorException("LayersNotFoundException",
                $"Layers with digests '[{string.Join(", ", missingBlobs)}]' required for pushing image into repository with name '{repository}' in the registry with id '{ecr.AccountId}' do not exist");
        }

        var missingImages = await MissingAsync(manifest.ChildDigests, async child => await ecr.Registry.ResolveAsync(repository, child, cancellationToken) is not null);
        if (missingImages.Count > 0)
        {
            throw new AwsErrorException("ReferencedImagesNotFoundException",
                $"Manifest references images that do not exist in the repository with name '{repository}': [{string.Join(", ", missingImages)}]");
        }
    }

    private static async Task<List<string>> MissingAsync(IEnumerable<string> digests, Func<string, Task<bool>> exists)
    {
        var missing = new List<string>();
        foreach (var digest in digests.Distinct())
        {
            if (!await exists(digest))
                missing.Add(digest);
        }

        return missing;
    }

    private static async Task PutAsync(EcrRegistry ecr, string repository, string reference, byte[] manifest, ImageManifest parsed, CancellationToken cancellationToken)
    {
        try
        {
            await ecr.Registry.PutManifestAsync(repository, reference, manifest, parsed.MediaType, cancellationToken);
        }
        catch (RegistryErrorException error) when (error.StatusCode < 500)
        {
            // The checks above make this rare: a blob deleted in between, or a manifest the registry finds invalid.
            throw error.Code == "MANIFEST_BLOB_UNKNOWN"
                ? new AwsErrorException("LayersNotFoundException", $"The registry is missing a blob this manifest references: {error.Message}")
                : new AwsErrorException("InvalidParameterException", $"Invalid parameter at 'ImageManifest': {error.Message}");
        }
    }

    // ECR reports an index's size as its largest image's.
    private static long Size(EcrRegistry ecr, string repository, ImageManifest manifest) =>
        manifest.IsIndex
            ? ecr.Repositories.Images(repository).Where(image => manifest.ChildDigests.Contains(image.Key)).Select(image => image.Value.Size).DefaultIfEmpty(0).Max()
            : manifest.LayerSize;

    [GeneratedRegex("^[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}$")]
    private static partial Regex ImageTag();
}
