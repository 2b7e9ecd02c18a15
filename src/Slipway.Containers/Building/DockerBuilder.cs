using System.Diagnostics;
using Slipway.Tooling;

namespace Slipway.Containers.Building;

/// <summary>Builds images with the docker CLI: BuildKit through buildx when the CLI has it, the classic builder otherwise.</summary>
/// <param name="cli">The docker CLI to use; null for one with the process's environment.</param>
/// <param name="kind">The builder to use whatever the CLI has (e.g. the classic one, for output that must not depend on the machine); null to detect it.</param>
public sealed class DockerBuilder(DockerCli? cli = null, DockerBuilderKind? kind = null)
{
    readonly SemaphoreSlim _detectGate = new(1, 1);
    DockerBuilderKind? _kind = kind;

    /// <summary>The docker CLI this builder runs.</summary>
    public DockerCli Cli { get; } = cli ?? new DockerCli();

    /// <summary>Builds the image the request describes and returns its id, read from the id file docker writes.</summary>
    /// <exception cref="DirectoryNotFoundException">The context folder does not exist.</exception>
    /// <exception cref="FileNotFoundException">The Dockerfile does not exist.</exception>
    /// <exception cref="DockerEngineUnavailableException">No engine answers at <c>DOCKER_HOST</c>.</exception>
    /// <exception cref="NotSupportedException">The request has secrets but only the classic builder is available.</exception>
    /// <exception cref="ToolFailedException">The build failed; the message quotes docker's last lines.</exception>
    public async Task<DockerBuildResult> BuildAsync(DockerBuildRequest request, IToolOutput output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(output);
        request.Validate();
        var stopwatch = Stopwatch.StartNew();
        await Cli.RequireEngineAsync(output, cancellationToken).ConfigureAwait(false);
        var kind = await DetectAsync(output, cancellationToken).ConfigureAwait(false);
        if (kind == DockerBuilderKind.Classic && request.Secrets.Count > 0)
            throw new NotSupportedException(
                $"The build has secrets ({string.Join(", ", request.Secrets.Select(secret => $"'{secret.Id}'"))}) but this docker CLI has no buildx, and the classic builder cannot mount secrets. " +
                "Install the buildx plugin, or pass the values another way; never as build args, which the image history keeps.");

        var idFolder = Directory.CreateTempSubdirectory("slipway-build-");
        try
        {
            var idFile = Path.Combine(idFolder.FullName, "image-id");
            await Cli.RunAsync(DockerBuildCommand.Create(request, kind, idFile), output, cancellationToken).ConfigureAwait(false);
            var imageId = (await File.ReadAllTextAsync(idFile, cancellationToken).ConfigureAwait(false)).Trim();
            if (imageId.Length == 0)
                throw new InvalidOperationException($"docker build succeeded but wrote no image id to '{idFile}'.");
            return new DockerBuildResult(imageId, request.Tags, kind, stopwatch.Elapsed);
        }
        finally
        {
            idFolder.Delete(recursive: true);
        }
    }

    /// <summary>Which builder this instance uses: the one it was given, else asks the CLI once, on first use.</summary>
    public async Task<DockerBuilderKind> DetectAsync(IToolOutput output, CancellationToken cancellationToken = default)
    {
        await _detectGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _kind ??= await Cli.HasBuildxAsync(output, cancellationToken).ConfigureAwait(false) ? DockerBuilderKind.BuildKit : DockerBuilderKind.Classic;
            return _kind.Value;
        }
        finally
        {
            _detectGate.Release();
        }
    }
}
