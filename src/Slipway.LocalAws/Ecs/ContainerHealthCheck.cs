using System.Globalization;
using System.Text.Json.Nodes;
using Slipway.LocalAws.Server;

namespace Slipway.LocalAws.Ecs;

/// <summary>A container definition's <c>healthCheck</c>, validated with ECS's limits and translated to <c>docker run --health-*</c> options.</summary>
internal sealed record ContainerHealthCheck(IReadOnlyList<string> Command, int Interval, int Timeout, int Retries, int? StartPeriod)
{
    /// <summary>The health check of <paramref name="container"/>, or null; a <c>ClientException</c> when it breaks ECS's rules.</summary>
    public static ContainerHealthCheck? Read(JsonObject container)
    {
        if (container.ReadObject("healthCheck") is not { } check)
            return null;
        var command = check.Strings("command") ?? [];
        if (command is not [("CMD" or "CMD-SHELL"), _, ..])
            throw Invalid("command must start with \"CMD\" or \"CMD-SHELL\" followed by the command");
        return new ContainerHealthCheck(
            command,
            InRange(check, "interval", 30, 5, 300, "seconds"),
            InRange(check, "timeout", 5, 2, 60, "seconds"),
            InRange(check, "retries", 3, 1, 10, "retries"),
            check["startPeriod"] is null ? null : InRange(check, "startPeriod", 0, 0, 300, "seconds"));
    }

    /// <summary>The <c>docker run</c> options; a <c>CMD</c> command is quoted into a shell command, as the CLI only takes shell commands (the image needs <c>/bin/sh</c> either way).</summary>
    public IEnumerable<string> DockerArguments()
    {
        var shellCommand = Command[0] == "CMD-SHELL" ? string.Join(' ', Command.Skip(1)) : string.Join(' ', Command.Skip(1).Select(Quote));
        yield return "--health-cmd";
        yield return shellCommand;
        yield return "--health-interval";
        yield return Seconds(Interval);
        yield return "--health-timeout";
        yield return Seconds(Timeout);
        yield return "--health-retries";
        yield return Retries.ToString(CultureInfo.InvariantCulture);
        if (StartPeriod is { } startPeriod)
        {
            yield return "--health-start-period";
            yield return Seconds(startPeriod);
        }
    }

    private static string Seconds(int seconds) => seconds.ToString(CultureInfo.InvariantCulture) + "s";

    private static string Quote(string argument) => "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static int InRange(JsonObject check, string name, int defaultValue, int minimum, int maximum, string unit)
    {
        var value = check.ReadInt(name) ?? defaultValue;
        return value >= minimum && value <= maximum ? value : throw Invalid($"{name} must be {minimum} to {maximum} {unit} (got {value})");
    }

    private static AwsErrorException Invalid(string detail) => new("ClientException", $"Invalid healthCheck: {detail}.");
}
