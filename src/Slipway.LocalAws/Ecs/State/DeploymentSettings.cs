using System.Text.Json.Nodes;
using Slipway.LocalAws.Server;

namespace Slipway.LocalAws.Ecs.State;

/// <summary>A service's <c>deploymentConfiguration</c>: the circuit breaker and the percentages (kept and reported; host networking decides the order of replacement).</summary>
internal sealed record DeploymentSettings(bool CircuitBreakerEnabled, bool Rollback, int MaximumPercent, int MinimumHealthyPercent)
{
    /// <summary>ECS's defaults: no circuit breaker, 200% maximum, 100% minimum healthy.</summary>
    public static DeploymentSettings Default { get; } = new(false, false, 200, 100);

    /// <summary>These settings changed by the members of <paramref name="input"/> that are present; null keeps them.</summary>
    public DeploymentSettings With(JsonObject? input)
    {
        if (input is null)
            return this;
        var breaker = input.ReadObject("deploymentCircuitBreaker");
        var settings = new DeploymentSettings(
            breaker?.OptionalBool("enable") ?? CircuitBreakerEnabled,
            breaker?.OptionalBool("rollback") ?? Rollback,
            input.ReadInt("maximumPercent") ?? MaximumPercent,
            input.ReadInt("minimumHealthyPercent") ?? MinimumHealthyPercent);
        if (settings.MinimumHealthyPercent is < 0 or > 100 || settings.MaximumPercent < Math.Max(100, settings.MinimumHealthyPercent))
        {
            throw new AwsErrorException("InvalidParameterException",
                $"deploymentConfiguration is not valid: minimumHealthyPercent must be 0-100 and maximumPercent at least 100 (got {settings.MinimumHealthyPercent} and {settings.MaximumPercent}).");
        }

        return settings;
    }

    /// <summary>The configuration as DescribeServices returns it.</summary>
    public JsonObject ToJson() => new()
    {
        ["deploymentCircuitBreaker"] = new JsonObject { ["enable"] = CircuitBreakerEnabled, ["rollback"] = Rollback },
        ["maximumPercent"] = MaximumPercent,
        ["minimumHealthyPercent"] = MinimumHealthyPercent,
    };
}
