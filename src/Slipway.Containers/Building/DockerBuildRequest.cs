using System.Globalization;
using Slipway.Containers.Manifests;
using Slipway.Containers.References;

namespace Slipway.Containers.Building;

/// <summary>What to build with docker: the context, the Dockerfile and stage, arguments, labels, caches and tags.</summary>
/// <remarks>
/// Build args end up in the command line and in the image history (<c>docker history</c>), so they must never
/// carry secrets: pass those as <see cref="Secrets"/>, which only BuildKit supports.
/// </remarks>
public sealed record DockerBuildRequest
{
    /// <summary>The OCI label for the version.</summary>
    public const string VersionLabel = OciLabels.Version;

    /// <summary>The OCI label for the full commit sha.</summary>
    public const string RevisionLabel = OciLabels.Revision;

    /// <summary>The OCI label for the source repository address.</summary>
    public const string SourceLabel = OciLabels.Source;

    /// <summary>The OCI label for the creation time (RFC 3339).</summary>
    public const string CreatedLabel = OciLabels.Created;

    /// <summary>Describes a build of the context folder <paramref name="contextDirectory"/>.</summary>
    public DockerBuildRequest(string contextDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contextDirectory);
        ContextDirectory = contextDirectory;
    }

    /// <summary>The build context folder.</summary>
    public string ContextDirectory { get; init; }

    /// <summary>The Dockerfile; null for <c>Dockerfile</c> in the context folder.</summary>
    public string? Dockerfile { get; init; }

    /// <summary>The stage to build (<c>--target</c>); null for the last stage.</summary>
    public string? Target { get; init; }

    /// <summary>Build args (<c>--build-arg</c>): visible in the command line and the image history, so never secrets.</summary>
    public IReadOnlyDictionary<string, string> BuildArgs { get; init; } = new Dictionary<string, string>();

    /// <summary>Secrets for <c>RUN --mount=type=secret</c>; only BuildKit supports them.</summary>
    public IReadOnlyList<DockerBuildSecret> Secrets { get; init; } = [];

    /// <summary>The target platform, such as <c>linux/amd64</c>; null for the engine's own.</summary>
    public string? Platform { get; init; }

    /// <summary>Extra image labels; the OCI labels from the typed properties win over these.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>Images to use as layer cache sources (<c>--cache-from</c>).</summary>
    public IReadOnlyList<ImageReference> CacheFrom { get; init; } = [];

    /// <summary>The tags to give the image.</summary>
    public IReadOnlyList<ImageReference> Tags { get; init; } = [];

    /// <summary>The version, set as <c>org.opencontainers.image.version</c>.</summary>
    public string? Version { get; init; }

    /// <summary>The full commit sha, set as <c>org.opencontainers.image.revision</c>.</summary>
    public string? Revision { get; init; }

    /// <summary>The source repository address, set as <c>org.opencontainers.image.source</c>.</summary>
    public Uri? Source { get; init; }

    /// <summary>The creation time, set as <c>org.opencontainers.image.created</c> in RFC 3339 (UTC).</summary>
    public DateTimeOffset? Created { get; init; }

    /// <summary>The Dockerfile path the build uses.</summary>
    public string DockerfilePath => Path.GetFullPath(Dockerfile ?? Path.Combine(ContextDirectory, "Dockerfile"));

    /// <summary>The labels the image gets: <see cref="Labels"/> plus the OCI labels that are set.</summary>
    public IReadOnlyDictionary<string, string> EffectiveLabels()
    {
        var labels = new Dictionary<string, string>(Labels, StringComparer.Ordinal);
        if (Version is not null)
            labels[VersionLabel] = Version;
        if (Revision is not null)
            labels[RevisionLabel] = Revision;
        if (Source is not null)
            labels[SourceLabel] = Source.AbsoluteUri;
        if (Created is { } created)
            labels[CreatedLabel] = created.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        return labels;
    }

    /// <summary>Throws naming the wrong part when the request cannot be built as given; checks the file system too.</summary>
    internal void Validate()
    {
        if (!Directory.Exists(ContextDirectory))
            throw new DirectoryNotFoundException($"The docker build context '{Path.GetFullPath(ContextDirectory)}' does not exist. Pass the folder that holds the files the Dockerfile copies.");
        if (!File.Exists(DockerfilePath))
            throw new FileNotFoundException($"The Dockerfile '{DockerfilePath}' does not exist. Create it or set {nameof(Dockerfile)} to its path.", DockerfilePath);
        if (Revision is not null && !IsFullCommitSha(Revision))
            throw new ArgumentException($"The revision '{Revision}' is not a full commit sha (40 or 64 lowercase hex digits); pass the output of 'git rev-parse HEAD'.", nameof(Revision));
        if (Tags.FirstOrDefault(tag => tag.Digest is not null) is { } pinned)
            throw new ArgumentException($"The tag '{pinned}' has a digest; an image can only be tagged with a name and a tag.", nameof(Tags));
        if (BuildArgs.Keys.FirstOrDefault(IsInvalidName) is { } arg)
            throw new ArgumentException($"'{arg}' is not a valid build arg name: it must be non-empty without '='.", nameof(BuildArgs));
        if (Labels.Keys.FirstOrDefault(IsInvalidName) is { } label)
            throw new ArgumentException($"'{label}' is not a valid label name: it must be non-empty without '='.", nameof(Labels));
    }

    static bool IsInvalidName(string name) => string.IsNullOrWhiteSpace(name) || name.Contains('=');

    static bool IsFullCommitSha(string value) =>
        value.Length is 40 or 64 && value.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');
}
