namespace Slipway.Aws.Ecr;

/// <summary>Tags in one ECR repository: which image a tag names, and adding a tag to an image without pulling it; a tag is never moved.</summary>
public sealed class EcrImageTags(EcrClient ecr)
{
    /// <summary>The manifest digest <paramref name="tag"/> names, or null when the repository has no such tag.</summary>
    /// <exception cref="RepositoryNotFoundException">The repository does not exist.</exception>
    public async Task<string?> GetDigestAsync(string repositoryName, string tag, string? registryId = null,
        CancellationToken cancellationToken = default)
    {
        var image = await FindAsync(repositoryName, ImageIdentifier.ByTag(tag), registryId, cancellationToken);
        return image is null ? null : DigestOf(image, repositoryName);
    }

    /// <summary>Adds the target tag to the image the source names, sending back the byte-identical manifest so the digest is unchanged.</summary>
    /// <exception cref="EcrSourceImageNotFoundException">The source tag or digest names no image.</exception>
    /// <exception cref="EcrTagConflictException">The target tag already names another image.</exception>
    public async Task<EcrRetagResult> RetagAsync(EcrRetagRequest request, CancellationToken cancellationToken = default)
    {
        Validate(request);
        var source = await FindAsync(request.RepositoryName, new ImageIdentifier { ImageTag = request.SourceTag, ImageDigest = request.SourceDigest },
                         request.RegistryId, cancellationToken)
                     ?? throw new EcrSourceImageNotFoundException(request.RepositoryName, request.SourceDescription, request.RegistryId);
        var digest = DigestOf(source, request.RepositoryName);
        var manifest = source.ImageManifest
                       ?? throw new AwsProtocolException($"ECR BatchGetImage returned no manifest for {request.SourceDescription} in '{request.RepositoryName}'.", null);

        // Checked on mutable repositories too, where PutImage would silently move a tag that may already be released.
        if (await GetDigestAsync(request.RepositoryName, request.TargetTag, request.RegistryId, cancellationToken) is { } existing)
            return ExistingTag(request, existing, digest);
        try
        {
            await ecr.PutImageAsync(new PutImageRequest
            {
                RegistryId = request.RegistryId,
                RepositoryName = request.RepositoryName,
                ImageManifest = manifest,
                ImageManifestMediaType = source.ImageManifestMediaType,
                ImageTag = request.TargetTag,
                ImageDigest = digest,
            }, cancellationToken);
            return new EcrRetagResult(EcrRetagOutcome.Tagged, digest);
        }
        catch (ImageAlreadyExistsException)
        {
            return new EcrRetagResult(EcrRetagOutcome.AlreadyTagged, digest);
        }
        catch (ImageTagAlreadyExistsException)
        {
            // Tagged by someone else since the check, in a tag-immutable repository.
            var tagged = await GetDigestAsync(request.RepositoryName, request.TargetTag, request.RegistryId, cancellationToken);
            if (tagged is null)
                throw;
            return ExistingTag(request, tagged, digest);
        }
    }

    private static void Validate(EcrRetagRequest request)
    {
        if (string.IsNullOrEmpty(request.RepositoryName))
            throw new ArgumentException("A retag needs the repository name.", nameof(request));
        if ((request.SourceTag is null && request.SourceDigest is null) || request.SourceTag == "" || request.SourceDigest == "")
            throw new ArgumentException($"A retag in '{request.RepositoryName}' needs a source tag or digest, and neither may be empty.", nameof(request));
        if (string.IsNullOrEmpty(request.TargetTag))
            throw new ArgumentException($"A retag in '{request.RepositoryName}' needs the target tag.", nameof(request));
    }

    private static EcrRetagResult ExistingTag(EcrRetagRequest request, string existing, string digest) =>
        string.Equals(existing, digest, StringComparison.Ordinal)
            ? new EcrRetagResult(EcrRetagOutcome.AlreadyTagged, digest)
            : throw new EcrTagConflictException(request.RepositoryName, request.TargetTag, existing, digest);

    // A missing image is a failure entry with HTTP 200 (ImageNotFound); any other failure code is an error worth reporting.
    private async Task<Image?> FindAsync(string repositoryName, ImageIdentifier imageId, string? registryId, CancellationToken cancellationToken)
    {
        var result = await ecr.BatchGetImageAsync(new BatchGetImageRequest
        {
            RegistryId = registryId,
            RepositoryName = repositoryName,
            ImageIds = [imageId],
            AcceptedMediaTypes = ManifestMediaTypes.All,
        }, cancellationToken);
        if (result.Images.Count > 0)
            return result.Images[0];
        var failure = result.Failures.FirstOrDefault();
        if (failure is null || failure.FailureCode == "ImageNotFound")
            return null;
        throw new AwsException($"ECR BatchGetImage could not read image {{tag '{imageId.ImageTag}', digest '{imageId.ImageDigest}'}} " +
                               $"in '{repositoryName}': {failure.FailureCode}: {failure.FailureReason}");
    }

    private static string DigestOf(Image image, string repositoryName) =>
        image.ImageId?.ImageDigest
        ?? throw new AwsProtocolException($"ECR BatchGetImage returned an image without a digest in '{repositoryName}'.", null);
}
