using Slipway.LocalAws.Server;
using System.Globalization;
using System.Text.Json.Nodes;

namespace Slipway.LocalAws.Ecs.Docker;

/// <summary>
/// The <c>docker run</c> arguments for one container definition. Every container uses host networking (the engine has no
/// bridge, and ports are then reachable on 127.0.0.1 as the container's own); port mappings only decide which tasks conflict.
/// </summary>
internal static class ContainerRunArguments
{
    /// <summary>The arguments after <c>docker run -d</c> for <paramref name="container"/>, named <paramref name="dockerName"/> and carrying <paramref name="labels"/>.</summary>
    public static IReadOnlyList<string> For(JsonObject container, string dockerName, IReadOnlyDictionary<string, string> labels)
    {
        var arguments = new List<string> { "--name", dockerName, "--network", "host" };
        foreach (var (name, value) in labels)
            arguments.AddRange(["--label", $"{name}={value}"]);
        foreach (var (name, value) in container.ReadObject("dockerLabels") ?? [])
            arguments.AddRange(["--label", $"{name}={value}"]);
        foreach (var variable in container.ReadObjects("environment") ?? [])
            arguments.AddRange(["--env", $"{variable.OptionalString("name")}={variable.OptionalString("value")}"]);
        if (container.OptionalString("workingDirectory") is { } workingDirectory)
            arguments.AddRange(["--workdir", workingDirectory]);
        if (container.OptionalString("user") is { } user)
            arguments.AddRange(["--user", user]);
        if (container.ReadInt("stopTimeout") is { } stopTimeout)
            arguments.AddRange(["--stop-timeout", stopTimeout.ToString(CultureInfo.InvariantCulture)]);
        if (ContainerHealthCheck.Read(container) is { } healthCheck)
            arguments.AddRange(healthCheck.DockerArguments());

        // ECS's entryPoint is an array, the CLI's --entrypoint one executable: the rest goes before the command, giving the same argv.
        var entryPoint = container.Strings("entryPoint") ?? [];
        if (entryPoint.Count > 0)
            arguments.AddRange(["--entrypoint", entryPoint[0]]);
        arguments.Add(container.OptionalString("image")!);
        arguments.AddRange(entryPoint.Skip(1));
        arguments.AddRange(container.Strings("command") ?? []);
        return arguments;
    }
}
