using System.Net;
using Slipway.Containers.Copying;
using Slipway.Containers.Manifests;
using Slipway.Containers.References;
using Slipway.Containers.Registry;

namespace Slipway.Containers.Promotion;

/// <summary>
/// Promotes a release candidate to its release tag (usually in another registry): the candidate's manifest is copied byte for byte,
/// so the release has the candidate's digest, and a release tag that already names another image is never moved.
/// </summary>
/// <remarks>
/// Promotions in one process take turns per release tag. Across processes the tag is checked just before it is written; only a
/// registry with immutable tags (ECR's IMMUTABLE) closes that last gap, refusing the loser's write, which then reports the winner's result.
/// </remarks>
/// <param name="clientFor">The client for a registry host ("host:port"); the promoter does not dispose it.</param>
public sealed class ImagePromoter(Func<string, RegistryClient> clientFor)
{
    // Process-wide, so promotions of one release tag take turns whichever promoter instance they go through.
    static readonly KeyedAsyncLock ReleaseTags = new();

    /// <summary>Copies the candidate to the release tag, reports it already promoted, or throws <see cref="ImagePromotionConflictException"/>.</summary>
    public async Task<ImagePromotionResult> PromoteAsync(ImagePromotionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var turn = await ReleaseTags.AcquireAsync(LockKey(request.Release), cancellationToken);
        var candidate = new Side(clientFor(request.Candidate.Registry), request.Candidate);
        var release = new Side(clientFor(request.Release.Registry), request.Release);

        var manifest = await CandidateManifestAsync(request, candidate, cancellationToken);
        var config = await candidate.Client.ReadImageConfigAsync(candidate.Repository, manifest, cancellationToken);
        ImagePromotionResult Result(ImagePromotionOutcome outcome, ImageCopyResult? copy) => new(outcome, manifest.Digest, config.Revision, copy);

        var existing = await TagDigestAsync(release, cancellationToken);
        if (existing == manifest.Digest)
            return Result(ImagePromotionOutcome.AlreadyPromoted, null);
        if (existing is not null)
            throw await ConflictAsync(request, release, existing, config, cancellationToken);

        // Blobs, children and the manifest go in by digest first; the release tag appears last, in one small request.
        var copy = await new ImageCopier(clientFor).CopyAsync(
            Pinned(request.Candidate, manifest.Digest), Pinned(request.Release, manifest.Digest), cancellationToken);
        // Another process may have tagged the release while the blobs were copied: look again just before tagging.
        existing = await TagDigestAsync(release, cancellationToken);
        if (existing is null)
        {
            try
            {
                await release.Client.PutManifestAsync(release.Repository, release.Tag, manifest, cancellationToken);
                return Result(ImagePromotionOutcome.Copied, copy);
            }
            catch (RegistryException)
            {
                // A registry with immutable tags (ECR) refuses the tag when another promoter created it first: see who won.
                existing = await TagDigestAsync(release, cancellationToken);
                if (existing is null)
                    throw;
            }
        }
        return existing == manifest.Digest
            ? Result(ImagePromotionOutcome.AlreadyPromoted, copy)
            : throw await ConflictAsync(request, release, existing, config, cancellationToken);
    }

    /// <summary>
    /// Reads what <see cref="PromoteAsync"/> would do, writing nothing: the candidate's digest and commit, and whether the
    /// release tag already names it. Throws as <see cref="PromoteAsync"/> would for a missing candidate or a release tag naming another image.
    /// </summary>
    /// <exception cref="ImagePromotionConflictException">The release tag already names another image.</exception>
    public async Task<ImagePromotionPlan> DescribeAsync(ImagePromotionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var candidate = new Side(clientFor(request.Candidate.Registry), request.Candidate);
        var release = new Side(clientFor(request.Release.Registry), request.Release);
        var manifest = await CandidateManifestAsync(request, candidate, cancellationToken);
        var config = await candidate.Client.ReadImageConfigAsync(candidate.Repository, manifest, cancellationToken);
        var existing = await TagDigestAsync(release, cancellationToken);
        return existing is null || existing == manifest.Digest
            ? new ImagePromotionPlan(manifest.Digest, config.Revision, AlreadyPromoted: existing is not null)
            : throw await ConflictAsync(request, release, existing, config, cancellationToken);
    }

    static async Task<Manifest> CandidateManifestAsync(ImagePromotionRequest request, Side candidate, CancellationToken cancellationToken) =>
        await candidate.Client.FindManifestAsync(candidate.Repository, candidate.Tag, cancellationToken)
        ?? throw new RegistryException(
            $"Release candidate '{request.Candidate}' was not found: there is no tag '{candidate.Tag}' in repository '{candidate.Repository}' " +
            $"of registry '{request.Candidate.Registry}'. A release is promoted from its candidate: push it first (the build of this commit " +
            "on its release or hotfix branch), then promote it.",
            HttpStatusCode.NotFound, "MANIFEST_UNKNOWN");

    /// <summary>The digest the side's tag names, or null when the tag does not exist.</summary>
    static async Task<string?> TagDigestAsync(Side side, CancellationToken cancellationToken)
    {
        var head = await side.Client.HeadManifestAsync(side.Repository, side.Tag, cancellationToken);
        if (head is null || head.Digest.Length > 0)
            return head?.Digest;
        // The registry sent no Docker-Content-Digest: hash the manifest itself.
        return (await side.Client.FindManifestAsync(side.Repository, side.Tag, cancellationToken))?.Digest;
    }

    static async Task<ImagePromotionConflictException> ConflictAsync(ImagePromotionRequest request, Side release, string releaseDigest,
        ImageConfig candidate, CancellationToken cancellationToken)
    {
        string? releaseRevision = null;
        try
        {
            releaseRevision = (await release.Client.GetImageConfigAsync(release.Repository, releaseDigest, cancellationToken))?.Revision;
        }
        catch (RegistryException)
        {
            // The conflict is what matters; an unreadable release config only leaves its commit unknown.
        }
        return new ImagePromotionConflictException(request.Release, releaseDigest, releaseRevision, request.Candidate, candidate.ManifestDigest, candidate.Revision);
    }

    static ImageReference Pinned(ImageReference reference, string digest) =>
        ImageReference.Parse($"{reference.Registry}/{reference.Repository}@{digest}");

    static string LockKey(ImageReference release) => $"{release.Registry.ToLowerInvariant()}/{release.RepositoryPath}:{release.Tag}";

    sealed record Side(RegistryClient Client, string Repository, string Tag)
    {
        public Side(RegistryClient client, ImageReference reference) : this(client, reference.RepositoryPath, reference.Tag!)
        {
        }
    }
}
