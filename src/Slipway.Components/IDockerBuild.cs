using System.Runtime.CompilerServices;
using Slipway.Containers.Building;
using Slipway.Containers.References;
using Slipway.Containers.Registry;
using Slipway.IO;
using Slipway.Logging;
using Slipway.Versioning.Git;
using Slipway.Versioning.GitFlow;

namespace Slipway.Components;

/// <summary>The DockerBuild target: builds the service image with the git-flow tag of the commit, once per commit.</summary>
public interface IDockerBuild : IHazEcr
{
    private static readonly ConditionalWeakTable<ISlipwayBuild, DockerBuildResult> Built = new();

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

    /// <summary>The tag this commit's image gets in the candidate registry (feature-…, …-snapshot-…, …-candidate-…, …-hotfix-…).</summary>
    string CandidateTag => Versioning switch
    {
        { Branch.Kind: BranchKind.Main } => throw new InvalidOperationException(
            $"Branch '{Versioning.Branch.Name}' is the main branch: its images are release candidates promoted to production (PromoteRelease), not built. Build on develop, a feature, release or hotfix branch."),
        { ImageTags.Candidate: { } tag } => tag,
        var result => throw new InvalidOperationException(
            $"Branch '{result.Branch.Name}' is a {result.Branch.Kind} branch, which has no image tag template, so no image is built for it. Use a git-flow branch (feature/, develop, release/, hotfix/) or pass --branch."),
    };

    /// <summary>Changed, staged and untracked paths in the work tree (GitVersion's UncommittedChanges): an image built from them is not the commit's.</summary>
    int UncommittedChanges => int.TryParse(Versioning.Variables["UncommittedChanges"], out var count) ? count : 0;

    /// <summary>This commit's image in the candidate registry.</summary>
    ImageReference CandidateImage => Ecr(CandidateAccount).Image(ImageRepository, CandidateTag);

    /// <summary>The image DockerBuild built in this run; null when it did not run or was skipped.</summary>
    DockerBuildResult? BuiltImage => Built.TryGetValue(this, out var result) ? result : null;

    /// <summary>Builds the image.</summary>
    Target DockerBuild => _ => _
        .Description("Builds the service image tagged for the candidate registry with the git-flow tag; skipped when the registry already holds this commit's image.")
        .TryDependsOn<ITest>(x => x.Test)
        .SkipWhenDynamic(() => AlreadyInRegistry())
        .Executes(async ct =>
        {
            var versioning = Versioning;
            var request = new DockerBuildRequest(DockerContext)
            {
                Dockerfile = Dockerfile?.ToString(),
                Target = DockerTarget,
                BuildArgs = BuildArguments(DockerBuildArgs),
                Platform = DockerPlatform,
                CacheFrom = [.. DockerCacheFrom.Select(CacheImage)],
                Tags = [CandidateImage],
                Version = versioning.FullSemVer,
                Revision = versioning.Variables.Sha,
                Source = await ImageSourceAsync(ct),
                Created = await CommitTimeAsync(ct),
            };
            var result = await new DockerBuilder().BuildAsync(request, LogToolOutput.Current, ct);
            Built.AddOrUpdate(this, result);
            this.ReportSummary("Image", $"{CandidateImage} ({result.ImageId}, {result.Builder})");
        });

    /// <summary>Why DockerBuild need not run: the candidate registry already holds this commit's tag built from this commit; null otherwise.</summary>
    string? AlreadyInRegistry()
    {
        // The registry's image is the commit's; a work tree with changes asks for a build of those changes.
        if (UncommittedChanges > 0)
            return null;
        var image = CandidateImage;
        try
        {
            var existing = Ecr(CandidateAccount).Registry.GetImageConfigAsync(image.RepositoryPath, image.Tag!, CancellationToken).GetAwaiter().GetResult();
            if (existing is null)
                return null;
            if (existing.Revision == Versioning.Variables.Sha)
                return $"'{image}' is already in the registry, built from this commit ({Versioning.Variables["ShortSha"]}) as {existing.ManifestDigest}: built once, not rebuilt";
            Log.Warning($"'{image}' is already in the registry but was built from commit {existing.Revision ?? "(no revision label)"}, not {Versioning.Variables.Sha}; building anyway, PushEcr will refuse to overwrite it.");
            return null;
        }
        catch (RegistryException error) when (error.Code == "NAME_UNKNOWN")
        {
            return null;
        }
        // Whether to skip is an optimisation: a registry that cannot answer now means building, and PushEcr reports the registry's error.
        catch (Exception error) when (error is RegistryException or Aws.AwsException or HttpRequestException)
        {
            Log.Warning($"Could not look for '{image}' in the registry ({error.Message}); building.");
            return null;
        }
    }

    /// <summary>The <c>org.opencontainers.image.source</c> address: <see cref="ImageSource"/>, else the origin remote as https without credentials, else none.</summary>
    async Task<Uri?> ImageSourceAsync(CancellationToken cancellationToken)
    {
        if (ImageSource is { Length: > 0 } configured)
        {
            return Uri.TryCreate(configured, UriKind.Absolute, out var address) && address.Scheme is "https" or "http"
                ? address
                : throw new ArgumentException($"--image-source '{configured}' is not an absolute http(s) address; pass the repository's web address, e.g. https://github.com/acme/orders.");
        }
        var remote = await Git(["config", "--get", "remote.origin.url"], cancellationToken);
        return remote is null ? null : SourceAddress.FromRemote(remote);
    }

    /// <summary>The commit's committer time, for the <c>org.opencontainers.image.created</c> label: the same for every build of the commit.</summary>
    async Task<DateTimeOffset> CommitTimeAsync(CancellationToken cancellationToken) =>
        await Git(["show", "-s", "--format=%cI", "HEAD"], cancellationToken) is { } text
            && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var time)
            ? time
            : DateTimeOffset.UtcNow;

    private async Task<string?> Git(string[] arguments, CancellationToken cancellationToken)
    {
        var result = await Tooling.ToolRunner.RunAsync(
            new Tooling.ToolInvocation("git", arguments) { WorkingDirectory = RootDirectory, CheckExitCode = false, StreamOutput = false },
            LogToolOutput.Current, cancellationToken);
        return result.ExitCode == 0 ? result.Text.Trim() : null;
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
