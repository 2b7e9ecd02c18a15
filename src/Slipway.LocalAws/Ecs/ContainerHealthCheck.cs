using System.Text.Json.Nodes;
using Slipway.LocalAws.Server;

namespace Slipway.LocalAws.Ecs;

/// <summary>
/// A container definition's <c>healthCheck</c>, validated with ECS's limits. The command stays as ECS defines it, <c>["CMD", ...]</c>
/// or <c>["CMD-SHELL", "..."]</c>, which is also Docker's <c>Healthcheck.Test</c>: a <c>CMD</c> check runs without a shell in the image.
/// </summary>
internal sealed record ContainerHealthCheck(IReadOnlyList<string> Command, TimeSpan Interval, TimeSpan Timeout, int Retries, TimeSpan? StartPeriod)
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
            TimeSpan.FromSeconds(InRange(check, "interval", 30, 5, 300, "seconds")),
            TimeSpan.FromSeconds(InRange(check, "timeout", 5, 2, 60, "seconds")),
            InRange(check, "retries", 3, 1, 10, "retries"),
            check["startPeriod"] is null ? null : TimeSpan.FromSeconds(InRange(check, "startPeriod", 0, 0, 300, "seconds")));
    }

    private static int InRange(JsonObject check, string name, int defaultValue, int minimum, int maximum, string unit)
    {
        var value = check.ReadInt(name) ?? defaultValue;
        return value >= minimum && value <= maximum ? value : throw Invalid($"{name} must be {minimum} to {maximum} {unit} (got {value})");
    }

    private static AwsErrorException Invalid(string detail) => new("ClientException", $"Invalid healthCheck: {detail}.");
}
