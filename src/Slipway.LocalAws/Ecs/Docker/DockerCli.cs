using Slipway.Tooling;

namespace Slipway.LocalAws.Ecs.Docker;

/// <summary>The few Docker CLI commands the local ECS needs: run, list by label, inspect state, remove.</summary>
internal sealed class DockerCli(string executable, string? dockerHost, IToolOutput output)
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(30);

    // A run may pull the image first.
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(5);

    private static readonly string[] UnreachableMarkers =
    [
        "Cannot connect to the Docker daemon", "Is the docker daemon running", "error during connect", "permission denied while trying to connect",
    ];

    /// <summary>Checks that the engine answers; a <see cref="DockerEngineException"/> saying how to start one otherwise.</summary>
    public async Task EnsureEngineAsync(CancellationToken cancellationToken)
    {
        var result = await InvokeAsync(["version", "--format", "{{.Server.Version}}"], quiet: true, CommandTimeout, cancellationToken);
        if (result.ExitCode != 0)
            throw DockerEngineException.Unreachable(dockerHost, result.StandardError);
    }

    /// <summary>Runs <c>docker run -d {arguments}</c>; the new container's id, or the engine's error when the container did not start.</summary>
    public async Task<(string? ContainerId, string? Error)> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var result = await InvokeAsync(["run", "-d", .. arguments], quiet: false, RunTimeout, cancellationToken);
        if (result.ExitCode == 0)
            return (result.Text, null);
        var error = result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => !line.StartsWith("Run 'docker run --help'", StringComparison.Ordinal));
        return (null, string.Join(' ', error));
    }

    /// <summary>Every container labelled with <paramref name="platformId"/>, running or not, with its state.</summary>
    public async Task<IReadOnlyList<ContainerObservation>> ObserveAsync(string platformId, CancellationToken cancellationToken)
    {
        var ids = await ListAsync(platformId, cancellationToken);
        if (ids.Count == 0)
            return [];
        // A container removed between the two commands makes inspect fail for it alone; the others are still printed.
        var result = await InvokeAsync(["inspect", "--format", ContainerObservation.InspectFormat, .. ids], quiet: true, CommandTimeout, cancellationToken);
        return result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(ContainerObservation.Parse).OfType<ContainerObservation>().ToList();
    }

    /// <summary>The ids of every container labelled with <paramref name="platformId"/>, running or not.</summary>
    public async Task<IReadOnlyList<string>> ListAsync(string platformId, CancellationToken cancellationToken)
    {
        var result = await InvokeAsync(
            ["ps", "--all", "--quiet", "--no-trunc", "--filter", $"label={ContainerLabels.Platform}={platformId}"], quiet: true, CommandTimeout, cancellationToken);
        if (result.ExitCode != 0)
            throw new InvalidOperationException($"'docker ps' failed: {result.StandardError.Trim()}");
        return result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    /// <summary>Removes <paramref name="containers"/> whether they run or not (<c>docker rm -f -v</c>); ones already gone are ignored.</summary>
    public async Task RemoveAsync(IReadOnlyCollection<string> containers, CancellationToken cancellationToken)
    {
        if (containers.Count == 0)
            return;
        var result = await InvokeAsync(["rm", "--force", "--volumes", .. containers], quiet: false, CommandTimeout, cancellationToken);
        var errors = result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => !line.Contains("No such container", StringComparison.Ordinal))
            .ToList();
        if (result.ExitCode != 0 && errors.Count > 0)
            throw new InvalidOperationException($"'docker rm' failed: {string.Join(' ', errors)}");
    }

    private async Task<ToolResult> InvokeAsync(IReadOnlyList<string> arguments, bool quiet, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var invocation = new ToolInvocation(executable, arguments) { CheckExitCode = false, Timeout = timeout, EchoCommand = !quiet, StreamOutput = !quiet };
        if (dockerHost is not null)
            invocation = invocation.SetEnvironment("DOCKER_HOST", dockerHost);
        ToolResult result;
        try
        {
            result = await ToolRunner.RunAsync(invocation, output, cancellationToken);
        }
        catch (ToolNotFoundException exception)
        {
            throw DockerEngineException.CliMissing(executable, exception);
        }

        if (result.ExitCode != 0 && UnreachableMarkers.Any(marker => result.StandardError.Contains(marker, StringComparison.OrdinalIgnoreCase)))
            throw DockerEngineException.Unreachable(dockerHost, result.StandardError);
        return result;
    }
}
