using Slipway.Tooling;

namespace Slipway.LocalAws.Ecs;

/// <summary>How the local ECS runs services on the Docker engine: where it keeps state, which engine it drives, how fast it reconciles and when a rollout fails.</summary>
internal sealed class EcsOptions
{
    /// <summary>The platform's data folder; ECS keeps its state in its <c>ecs</c> subfolder.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>The Docker CLI to run.</summary>
    public string DockerExecutable { get; init; } = "docker";

    /// <summary>The engine address given to the CLI as <c>DOCKER_HOST</c>; null keeps the environment's (or Docker's default socket).</summary>
    public string? DockerHost { get; init; }

    /// <summary>Whether stopping the platform removes every container it started; when false they keep running and are adopted again on the next start.</summary>
    public bool RemoveContainersOnShutdown { get; init; } = true;

    /// <summary>How often the reconciler looks at the containers when nothing wakes it earlier.</summary>
    public TimeSpan ReconcileInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How many failed tasks make the deployment circuit breaker trip (AWS uses between 10 and 200, scaled by desiredCount; small here so broken revisions fail fast).</summary>
    public int CircuitBreakerThreshold { get; init; } = 2;

    /// <summary>How long a task without a container health check must stay running before it counts as healthy, so a container that exits at once never completes a rollout.</summary>
    public TimeSpan TaskStabilizationTime { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The clock for timestamps the API reports (registeredAt, createdAt, events); waiting uses real time.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Where the commands that change containers (<c>docker run</c>, <c>docker rm</c>) are shown; nowhere by default.</summary>
    public IToolOutput ToolOutput { get; init; } = Slipway.Tooling.ToolOutput.None;
}
