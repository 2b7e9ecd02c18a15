using System.Text.Json;
using Slipway.Containers.References;
using Slipway.Tooling;

namespace Slipway.Containers.Building;

/// <summary>The docker CLI operations builds and pushes need: engine check, inspect, tag, remove, login and push.</summary>
/// <param name="environment">Environment overrides for every docker run, such as <c>DOCKER_HOST</c>; null values remove a variable.</param>
public sealed partial class DockerCli(IReadOnlyDictionary<string, string?>? environment = null)
{
    /// <summary>The engine address the docker CLI uses when <c>DOCKER_HOST</c> is not set.</summary>
    public const string DefaultDockerHost = "unix:///var/run/docker.sock";

    const string DockerConfigVariable = "DOCKER_CONFIG";

    readonly IReadOnlyDictionary<string, string?> _environment = environment ?? new Dictionary<string, string?>();

    /// <summary>The engine address this CLI talks to: the <c>DOCKER_HOST</c> override, the process's <c>DOCKER_HOST</c>, or the default socket.</summary>
    public string DockerHost => ConfiguredDockerHost ?? DefaultDockerHost;

    string? ConfiguredDockerHost => Variable("DOCKER_HOST");

    string? Variable(string name) =>
        (_environment.TryGetValue(name, out var value) ? value : Environment.GetEnvironmentVariable(name)) is { Length: > 0 } set ? set : null;

    // CodeBuild starts a Docker engine only in a privileged project; elsewhere the engine is the user's to start.
    string HowToGetAnEngine() => Variable("CODEBUILD_BUILD_ID") is { } build
        ? $"CodeBuild project '{build.Split(':')[0]}' runs without privileged mode, which Docker builds need: enable it (console: Edit > Environment > " +
          "Privileged; CloudFormation: Environment.PrivilegedMode: true, as the generated pipeline template sets; CLI: aws codebuild update-project " +
          "--name PROJECT --environment type=...,image=...,computeType=...,privilegedMode=true) and start the build again."
        : "Start one (Docker Desktop, 'sudo systemctl start docker', or as root 'dockerd &'), or set DOCKER_HOST to the address of a running engine.";

    /// <summary>Returns the engine's version, or throws <see cref="DockerEngineUnavailableException"/> naming <c>DOCKER_HOST</c> when no engine answers.</summary>
    public async Task<string> RequireEngineAsync(IToolOutput output, CancellationToken cancellationToken = default)
    {
        var result = await RunAsync(Invocation("version", "--format", "{{.Server.Version}}") with { CheckExitCode = false, Timeout = TimeSpan.FromSeconds(30) },
            output, cancellationToken).ConfigureAwait(false);
        if (result.ExitCode == 0 && result.Text.Length > 0)
            return result.Text;
        var reason = result.Lines.LastOrDefault(line => line.Text.Trim().Length > 0)?.Text.Trim() ?? $"exit code {result.ExitCode}";
        var where = ConfiguredDockerHost is { } configured
            ? $"DOCKER_HOST '{configured}'"
            : $"the default socket '{DefaultDockerHost}' (DOCKER_HOST is not set)";
        throw new DockerEngineUnavailableException(
            $"No Docker engine answers at {where}: 'docker version' said: {reason}. {HowToGetAnEngine()}",
            DockerHost);
    }

    /// <summary>Whether the engine has the image <paramref name="reference"/> (an id or a reference) locally.</summary>
    public async Task<bool> ImageExistsAsync(string reference, IToolOutput output, CancellationToken cancellationToken = default)
    {
        var result = await RunAsync(Invocation("image", "inspect", "--format", "{{.Id}}", reference) with { CheckExitCode = false }, output, cancellationToken)
            .ConfigureAwait(false);
        if (result.ExitCode == 0)
            return true;
        if (result.StandardError.Contains("No such image", StringComparison.OrdinalIgnoreCase))
            return false;
        throw Failed(result);
    }

    /// <summary>The labels of the local image <paramref name="imageIdOrReference"/>; empty when it has none.</summary>
    public async Task<IReadOnlyDictionary<string, string>> InspectLabelsAsync(string imageIdOrReference, IToolOutput output, CancellationToken cancellationToken = default)
    {
        var result = await RunAsync(Invocation("image", "inspect", "--format", "{{json .Config.Labels}}", imageIdOrReference), output, cancellationToken)
            .ConfigureAwait(false);
        return JsonSerializer.Deserialize<Dictionary<string, string>>(result.Text) ?? new Dictionary<string, string>();
    }

    /// <summary>Gives the local image <paramref name="source"/> (an id or a reference) the tag <paramref name="target"/>.</summary>
    public Task TagAsync(string source, ImageReference target, IToolOutput output, CancellationToken cancellationToken = default) =>
        RunAsync(Invocation("image", "tag", source, target.ToString()), output, cancellationToken);

    /// <summary>Removes the local image or tag <paramref name="imageIdOrReference"/>; with <paramref name="force"/>, also an image with several tags.</summary>
    public Task RemoveImageAsync(string imageIdOrReference, IToolOutput output, bool force = false, CancellationToken cancellationToken = default) =>
        RunAsync(Invocation(["image", "rm", .. force ? new[] { "--force" } : [], imageIdOrReference]), output, cancellationToken);

    /// <summary>Logs in to <paramref name="registry"/>, storing the auth in <paramref name="dockerConfigDirectory"/>; the password goes through standard input, never the command line.</summary>
    public Task LoginAsync(string registry, string user, string password, string dockerConfigDirectory, IToolOutput output, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(password);
        Directory.CreateDirectory(dockerConfigDirectory);
        var invocation = Invocation("login", "--username", user, "--password-stdin", registry)
            .SetEnvironment(DockerConfigVariable, Path.GetFullPath(dockerConfigDirectory))
            .AddSecrets(password) with
        {
            StandardInput = password,
        };
        return RunAsync(invocation, output, cancellationToken);
    }

    /// <summary>Whether the CLI has the buildx plugin, and so can build with BuildKit.</summary>
    internal async Task<bool> HasBuildxAsync(IToolOutput output, CancellationToken cancellationToken)
    {
        var result = await RunAsync(Invocation("buildx", "version") with { CheckExitCode = false, StreamOutput = false }, output, cancellationToken)
            .ConfigureAwait(false);
        return result.ExitCode == 0;
    }

    /// <summary>Runs a docker invocation with this CLI's environment overrides underneath the invocation's own.</summary>
    internal Task<ToolResult> RunAsync(ToolInvocation invocation, IToolOutput output, CancellationToken cancellationToken)
    {
        var merged = new Dictionary<string, string?>(_environment);
        foreach (var (name, value) in invocation.Environment)
            merged[name] = value;
        return ToolRunner.RunAsync(invocation with { Environment = merged }, output, cancellationToken);
    }

    static ToolInvocation Invocation(params IEnumerable<string> arguments) => new("docker", arguments);

    static ToolFailedException Failed(ToolResult result) =>
        new("docker", result.ExitCode, result.CommandLine, result.Lines.TakeLast(20).Select(line => line.Text).ToArray());
}
