using Slipway.Containers.Building;
using Slipway.Containers.Publishing;
using Slipway.Containers.References;
using Slipway.EcsDeploy.Environments;
using Slipway.IO;
using Slipway.Logging;
using Slipway.Versioning.Git;
using Slipway.Versioning.GitFlow;

namespace Slipway.Components;

/// <summary>The DockerBuild target: builds the service image with the git-flow tag of the commit, once per commit.</summary>
public interface IDockerBuild : IHazEcr
{
    private const string BuiltKey = $"{nameof(IDockerBuild)}.Built";

    /// <summary>The build context folder.</summary>
    [Parameter("The docker build context folder (default: the root folder).")]
    AbsolutePath DockerContext => this.TryGetValue<AbsolutePath>() ?? RootDirectory;

    /// <summary>The Dockerfile; null for the context's Dockerfile.</summary>
    [Parameter("The Dockerfile (default: Dockerfile in the context folder).")]
    AbsolutePath? Dockerfile => this.TryGetValue<AbsolutePath>();

    /// <summary>The Dockerfile stage to build.</summary>
    [Parameter("The Dockerfile stage to build (default: the last stage).")]
    string? DockerTarget => this.TryGetValue<string>();

    /// <summary>Build args as NAME=VALUE.</summary>
    [Parameter("Build args as NAME=VALUE; never secrets, which the image history keeps.")]
    string[] DockerBuildArgs => this.TryGetValue<string[]>() ?? [];

    /// <summary>The platform to build for.</summary>
    [Parameter("The platform to build for, e.g. linux/amd64 (default: the engine's own).")]
    string? DockerPlatform => this.TryGetValue<string>();

    /// <summary>Images whose layers the build may reuse.</summary>
    [Parameter("Images whose layers the build may reuse (--cache-from), e.g. the develop branch's last snapshot.")]
    string[] DockerCacheFrom => this.TryGetValue<string[]>() ?? [];

    /// <summary>The image's source address for the org.opencontainers.image.source label.</summary>
    [Parameter("The source address for the org.opencontainers.image.source label (default: the origin remote, without credentials).")]
    string? ImageSource => this.TryGetValue<string>();

    /// <summary>Changes the docker build request before it runs, e.g. <c>Configure&lt;DockerBuildRequest&gt; IDockerBuild.DockerBuildSettings => _ => _ with { Secrets = [...] };</c>.</summary>
    Configure<DockerBuildRequest> DockerBuildSettings => _ => _;

    /// <summary>
    /// This commit's image: in the candidate registry tagged with <see cref="GitFlowImageTags.CandidateTag"/>; when the build
    /// <see cref="RehearsesReleaseAsync">rehearses a release</see>, in the release registry with the release tag.
    /// </summary>
    async Task<ImageReference> GetCandidateImageAsync()
    {
        var rehearse = await RehearsesReleaseAsync();
        return (await GetEcrAsync(rehearse ? ReleaseAccount : CandidateAccount)).Image(ImageRepository, (await GetVersioningAsync()).BuildTag(rehearse));
    }

    /// <summary>The account whose registry this commit's image is pushed to: <see cref="IHazEcr.CandidateAccount"/>, or the release account when the build rehearses a release.</summary>
    async Task<string> GetImageAccountAsync() => await RehearsesReleaseAsync() ? ReleaseAccount : CandidateAccount;

    /// <summary>
    /// Whether this build rehearses a release: on main when the environments file puts production on the local platform, whose registries
    /// start empty (<see cref="DeploymentEnvironment.RehearsesReleases"/>). Without an environments file there is no production to rehearse.
    /// </summary>
    async Task<bool> RehearsesReleaseAsync() =>
        ProductionEnvironment is { RehearsesReleases: true } && (await GetVersioningAsync()).Branch.Kind == BranchKind.Main;

    /// <summary>The image DockerBuild built in this run; null when it did not run or was skipped.</summary>
    DockerBuildResult? BuiltImage => this.State().TryGet<DockerBuildResult>(BuiltKey, out var result) ? result : null;

    /// <summary>Builds the image.</summary>
    Target DockerBuild => _ => _
        .Description("Builds the service image tagged for the candidate registry with the git-flow tag; skipped when the registry already holds this commit's image.")
        .TryDependsOn<ITest>(x => x.Test)
        .SkipWhenDynamic(_ => AlreadyInRegistry())
        .Executes(async ct =>
        {
            var versioning = await GetVersioningAsync();
            var image = await GetCandidateImageAsync();
            var origin = await CommitOrigin.ReadAsync(RootDirectory, ct);
            var request = DockerBuildSettings(new DockerBuildRequest(DockerContext)
            {
                Dockerfile = Dockerfile?.ToString(),
                Target = DockerTarget,
                BuildArgs = BuildArguments(DockerBuildArgs),
                Platform = DockerPlatform,
                CacheFrom = [.. DockerCacheFrom.Select(CacheImage)],
                Tags = [image],
                Version = versioning.FullSemVer,
                Revision = versioning.Variables.Sha,
                Source = ImageSourceAddress(origin),
                // The commit's time, the same for every build of it; the build's own time only when git cannot tell.
                Created = origin.CommitTime ?? DateTimeOffset.UtcNow,
            });
            var result = await new DockerBuilder().BuildAsync(request, LogToolOutput.Current, ct);
            this.State().Set(BuiltKey, result);
            this.ReportSummary("Image", $"{string.Join(", ", request.Tags)} ({result.ImageId}, {result.Builder})");
        });

    /// <summary>Why DockerBuild need not run: the candidate registry already holds this commit's tag built from this commit; null otherwise.</summary>
    async Task<string?> AlreadyInRegistry()
    {
        var versioning = await GetVersioningAsync();
        var image = await GetCandidateImageAsync();
        var found = await CommitImageLookup.FindAsync((await GetEcrAsync(await GetImageAccountAsync())).Registry, image, versioning.Variables.Sha,
            versioning.Variables.UncommittedChanges, CancellationToken);
        switch (found.Status)
        {
            case CommitImageStatus.BuiltFromCommit:
                return $"'{image}' is already in the registry, built from this commit ({versioning.Variables["ShortSha"]}) as {found.Existing!.ManifestDigest}: built once, not rebuilt";
            case CommitImageStatus.BuiltFromOtherCommit:
                Log.Warning($"'{image}' is already in the registry but was built from commit {found.Existing!.Revision ?? "(no revision label)"}, not {versioning.Variables.Sha}; building anyway, PushEcr will refuse to overwrite it.");
                return null;
            // Whether to skip is an optimisation: a registry that cannot answer now means building, and PushEcr reports the registry's error.
            case CommitImageStatus.Unreadable:
                Log.Warning($"Could not look for '{image}' in the registry ({found.Error}); building.");
                return null;
            default:
                return null;
        }
    }

    /// <summary>The <c>org.opencontainers.image.source</c> address: <see cref="ImageSource"/>, else the origin remote as https without credentials, else none.</summary>
    private Uri? ImageSourceAddress(CommitOrigin origin)
    {
        if (ImageSource is not { Length: > 0 } configured)
            return origin.SourceAddress;
        return Uri.TryCreate(configured, UriKind.Absolute, out var address) && address.Scheme is "https" or "http"
            ? address
            : throw new ArgumentException($"--image-source '{configured}' is not an absolute http(s) address; pass the repository's web address, e.g. https://github.com/acme/orders.");
    }

    private static ImageReference CacheImage(string reference) =>
        ImageReference.TryParse(reference, out var parsed) ? parsed! : throw new ArgumentException(
            $"--docker-cache-from '{reference}' is not an image reference; pass e.g. 123456789012.dkr.ecr.eu-west-1.amazonaws.com/orders:1.4.0-snapshot-12.");

    private static Dictionary<string, string> BuildArguments(string[] pairs)
    {
        var arguments = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            if (pair.Split('=', 2) is not [var name, var value] || name.Length == 0)
                throw new ArgumentException($"--docker-build-args '{pair}' is not NAME=VALUE. Pass e.g. --docker-build-args CONFIGURATION=Release.");
            if (!arguments.TryAdd(name, value))
                throw new ArgumentException($"--docker-build-args names '{name}' twice; pass each build arg once.");
        }
        return arguments;
    }
}
