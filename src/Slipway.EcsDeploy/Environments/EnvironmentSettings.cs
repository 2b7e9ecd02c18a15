using System.Collections.Immutable;

namespace Slipway.EcsDeploy.Environments;

/// <summary>One section of the environments file as written (<c>defaults</c> or one environment): a value not written is null.</summary>
public sealed record EnvironmentSettings
{
    /// <summary><c>platform</c>.</summary>
    public DeploymentPlatform? Platform { get; init; }

    /// <summary><c>account</c>.</summary>
    public string? Account { get; init; }

    /// <summary><c>roleArn</c>.</summary>
    public string? RoleArn { get; init; }

    /// <summary><c>region</c>.</summary>
    public string? Region { get; init; }

    /// <summary><c>registry</c>.</summary>
    public string? Registry { get; init; }

    /// <summary><c>repository</c>.</summary>
    public string? Repository { get; init; }

    /// <summary><c>cluster</c>.</summary>
    public string? Cluster { get; init; }

    /// <summary><c>service</c>.</summary>
    public string? Service { get; init; }

    /// <summary><c>containers</c>.</summary>
    public IReadOnlyList<string>? Containers { get; init; }

    /// <summary><c>taskDefinitionTemplate</c>, as written (relative to the environments file).</summary>
    public string? TaskDefinitionTemplate { get; init; }

    /// <summary><c>serviceDefinition</c>, as written (relative to the environments file).</summary>
    public string? ServiceDefinition { get; init; }

    /// <summary>Where each written key came from, e.g. <c>deploy/environments.json(12,5)</c> or <c>parameter 'staging.cluster'</c>: errors about a value name it.</summary>
    internal ImmutableDictionary<string, string> Origins { get; init; } = ImmutableDictionary<string, string>.Empty;
}
