using Slipway.LocalAws.Ecs.Docker;

namespace Slipway.LocalAws.Ecs;

/// <summary>How the local ECS runs services on the Docker engine: where it keeps state, which engine it drives, how fast it reconciles and when a rollout fails.</summary>
internal sealed class EcsOptions
{
    /// <summary>The platform's data folder; ECS keeps its state in its <c>ecs</c> subfolder.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>The engine address (<c>unix:///path</c> or <c>tcp://host:port</c>); null keeps the environment's DOCKER_HOST (or Docker's default socket).</summary>
    public string? DockerHost { get; init; }

    /// <summary>Whether stopping the platform removes every container it started; when false they keep running and are adopted again on the next start.</summary>
    public bool RemoveContainersOnShutdown { get; init; } = true;

    /// <summary>
    /// How often the reconciler looks at the containers when nothing wakes it earlier. The engine's events (a container exited,
    /// turned healthy) and API calls wake it at once, so this is only a safety net for anything an event could not say.
    /// </summary>
    public TimeSpan ReconcileInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The engine's bridge network that bridge and awsvpc tasks run on, shared by every platform on the engine; created when missing, never removed.</summary>
    public string BridgeNetwork { get; init; } = "slipway-ecs";

    /// <summary>How long the first relaunch after a failed task waits; each further consecutive failure doubles it, up to 10 s.</summary>
    public TimeSpan LaunchRetryDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How many failed tasks make the deployment circuit breaker trip (AWS uses between 10 and 200, scaled by desiredCount; small here so broken revisions fail fast).</summary>
    public int CircuitBreakerThreshold { get; init; } = 2;

    /// <summary>How long a task without a container health check must stay running before it counts as healthy, so a container that exits at once never completes a rollout.</summary>
    public TimeSpan TaskStabilizationTime { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The clock for timestamps the API reports (registeredAt, createdAt, events); waiting uses real time.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>
    /// The credential a task of an account (first argument) pulls from a registry host (second, <c>127.0.0.1:port</c>) with:
    /// the platform's own registries give one, so pulls need no <c>docker login</c>; null pulls anonymously.
    /// </summary>
    public Func<string, string, RegistryCredential?>? RegistryCredentials { get; init; }
}
