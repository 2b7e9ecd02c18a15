using Slipway.Containers.Building;
using Slipway.Containers.Manifests;
using Slipway.Containers.Registry;
using Slipway.Tooling;

namespace Slipway.Containers.Publishing;

/// <summary>
/// Pushes a locally built image with the docker CLI, safely on re-runs: a tag that already names this image is success, one naming another
/// build of the same commit is kept, and one naming another commit's image is a conflict — a tag is never overwritten.
/// </summary>
/// <remarks>The tag is checked just before the push; against a concurrent writer only a repository with immutable tags makes that airtight.</remarks>
/// <param name="docker">The docker CLI that built the image.</param>
/// <param name="registry">A client for the target's registry, used to read what the tag names before and after the push.</param>
public sealed class ImagePublisher(DockerCli docker, RegistryClient registry)
{
    /// <summary>Pushes <see cref="ImagePushRequest.LocalImage"/> as <see cref="ImagePushRequest.Target"/> unless the tag already exists.</summary>
    /// <exception cref="ImageTagConflictException">The tag names an image of another commit.</exception>
    /// <exception cref="InvalidOperationException">There is no such local image, or the registry does not hold what the push reported.</exception>
    public async Task<ImagePushResult> PushAsync(ImagePushRequest request, IToolOutput output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        var target = request.Target;
        if (await FindAsync(request, cancellationToken) is { } existing)
            return await ExistingAsync(request, existing, output, cancellationToken);

        if (!await docker.ImageExistsAsync(request.LocalImage, output, cancellationToken))
            throw new InvalidOperationException($"There is no local image '{request.LocalImage}' to push as '{target}'. Build it first (the DockerBuild target).");
        var labels = await docker.InspectLabelsAsync(request.LocalImage, output, cancellationToken);
        if (labels.GetValueOrDefault(DockerBuildRequest.RevisionLabel) is var built && built != request.Revision)
            throw new InvalidOperationException(
                $"The local image '{request.LocalImage}' was built from commit {built ?? "(unknown: no org.opencontainers.image.revision label)"}, not {request.Revision}. " +
                $"Rebuild it (the DockerBuild target) before pushing it as '{target}'.");
        if (request.LocalImage != target.ToString())
            await docker.TagAsync(request.LocalImage, target, output, cancellationToken);

        string digest;
        try
        {
            digest = await docker.PushAsync(target, request.DockerConfigDirectory, output, cancellationToken);
        }
        catch (ToolFailedException)
        {
            // Another build may have pushed the tag between our check and our push, and the registry refused to move it.
            if (await FindAsync(request, cancellationToken) is { } raced)
                return await ExistingAsync(request, raced, output, cancellationToken);
            throw;
        }

        // Only what the registry holds counts as pushed.
        var stored = await FindAsync(request, cancellationToken);
        if (stored?.ManifestDigest != digest)
            throw new InvalidOperationException(
                $"'docker push {target}' reported {digest}, but the registry's tag names {stored?.ManifestDigest ?? "nothing"}. The push is not complete; run it again.");
        if (stored.Revision != request.Revision)
            throw new ImageTagConflictException(target, stored.ManifestDigest, stored.Revision, request.Revision);
        return new ImagePushResult(ImagePushOutcome.Pushed, target, digest);
    }

    Task<ImageConfig?> FindAsync(ImagePushRequest request, CancellationToken cancellationToken) =>
        registry.GetImageConfigAsync(request.Target.RepositoryPath, request.Target.Tag!, cancellationToken);

    async Task<ImagePushResult> ExistingAsync(ImagePushRequest request, ImageConfig existing, IToolOutput output, CancellationToken cancellationToken)
    {
        if (existing.Revision != request.Revision)
            throw new ImageTagConflictException(request.Target, existing.ManifestDigest, existing.Revision, request.Revision);
        var local = await docker.ImageExistsAsync(request.LocalImage, output, cancellationToken)
            ? await docker.RepoDigestsAsync(request.LocalImage, request.Target, output, cancellationToken)
            : [];
        var outcome = local.Contains(existing.ManifestDigest) ? ImagePushOutcome.AlreadyPushed : ImagePushOutcome.ReusedSameCommit;
        return new ImagePushResult(outcome, request.Target, existing.ManifestDigest);
    }
}
