using Slipway.Aws.Ecr;
using Slipway.Containers.Building;
using Slipway.Containers.Publishing;
using Slipway.Containers.References;
using Slipway.Tooling;

namespace Slipway.Containers.Ecr;

/// <summary>What to push to ECR: the commit's image under its tag, into a repository ensured with settings.</summary>
/// <param name="Registry">The account's registry.</param>
/// <param name="Repository">The repository and the settings it is created with when missing.</param>
/// <param name="Tag">The tag the image gets, e.g. <c>1.4.0-snapshot-12</c>.</param>
/// <param name="Revision">The full commit sha the image is built from.</param>
public sealed record EcrImagePushRequest(EcrRegistry Registry, EcrRepositorySettings Repository, string Tag, string Revision)
{
    /// <summary>The local image built in this run (an image id); null when none was built, so the registry is looked at first and the tagged local image is pushed.</summary>
    public string? LocalImage { get; init; }

    /// <summary>The work tree's uncommitted changes (git status lines): with any, the image is not the commit's.</summary>
    public int UncommittedChanges { get; init; }

    /// <summary>Push even with uncommitted changes.</summary>
    public bool AllowUncommitted { get; init; }

    /// <summary>The <c>DOCKER_CONFIG</c> folder the registry login goes to, asked for only when something is pushed; the caller owns its lifetime.</summary>
    public required Func<DockerConfigFolder> LoginFolder { get; init; }

    /// <summary>The registry reference pushed to.</summary>
    public ImageReference Image => Registry.Image(Repository.Name, Tag);
}

/// <summary>What an ECR push did: the push and the repository it went to.</summary>
/// <param name="Push">The tag, digest and outcome.</param>
/// <param name="Repository">The repository, and whether this push created it.</param>
public sealed record EcrImagePushResult(ImagePushResult Push, EnsuredRepository Repository);

/// <summary>Pushes a commit's image to an ECR repository, creating the repository when missing; a tag is never overwritten (see <see cref="ImagePublisher"/>).</summary>
/// <param name="docker">The docker CLI (default: the one on PATH with the process environment).</param>
public sealed class EcrImagePush(DockerCli? docker = null)
{
    readonly DockerCli _docker = docker ?? new DockerCli();

    /// <summary>Refuses uncommitted changes unless allowed, ensures the repository, reuses an image of the commit already under the tag, else logs in and publishes.</summary>
    /// <exception cref="InvalidOperationException">The work tree has uncommitted changes and they were not allowed.</exception>
    /// <exception cref="EcrMutableTagsException">The repository exists with mutable tags where immutable ones were asked for.</exception>
    /// <exception cref="ImageTagConflictException">The tag names an image of another commit.</exception>
    public async Task<EcrImagePushResult> PushAsync(EcrImagePushRequest request, IToolOutput output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.UncommittedChanges > 0 && !request.AllowUncommitted)
            throw new InvalidOperationException(
                $"The work tree has {request.UncommittedChanges} uncommitted change(s) (git status): the image was built from them but would be pushed as '{request.Tag}' " +
                $"of commit {request.Revision}, and later builds of that commit would reuse it. Commit or stash the changes and run again, or pass --allow-uncommitted.");
        var registry = request.Registry;
        var repository = await registry.Ecr.EnsureAsync(request.Repository, registry.Name, cancellationToken);
        var image = request.Image;
        // Nothing built in this run (the build was skipped): one look at the registry, not the skip check's lookups again.
        var existing = request.LocalImage is null && request.UncommittedChanges == 0
            ? await registry.Registry.GetImageConfigAsync(image.RepositoryPath, image.Tag!, cancellationToken)
            : null;
        if (existing is not null && existing.Revision == request.Revision)
            return new EcrImagePushResult(new ImagePushResult(ImagePushOutcome.AlreadyPushed, image, existing.ManifestDigest), repository);

        var login = request.LoginFolder();
        await _docker.LoginAsync(registry.Host, registry.Credentials.Username, registry.Credentials.Password, login.Path, output, cancellationToken);
        var publisher = new ImagePublisher(_docker, registry.Registry);
        var pushed = await publisher.PushAsync(new ImagePushRequest(request.LocalImage ?? image.ToString(), image, request.Revision, login.Path), output, cancellationToken);
        return new EcrImagePushResult(pushed, repository);
    }
}
