using Slipway.LocalAws.Ecs.Docker;

namespace Slipway.LocalAws.Ecs.Deployments;

/// <summary>What one reconciliation pass gives each service's rollout: the launcher, the settings, the containers as observed at the start of the pass, and the host ports tasks hold.</summary>
/// <param name="Launcher">Starts and stops tasks.</param>
/// <param name="Options">The platform's ECS settings (circuit breaker threshold, stabilization time, clock).</param>
/// <param name="Containers">This platform's containers by id, as observed at the start of the pass.</param>
/// <param name="PortsInUse">The host ports the live tasks of every service hold now.</param>
/// <param name="AfterRestart">Whether this is the first pass since the platform started: tasks whose containers are gone were removed at shutdown, not failed.</param>
/// <param name="WakeAt">Asks for a pass at a <see cref="System.Diagnostics.Stopwatch"/> timestamp, for what no engine event announces (a launch backoff ending, a task stabilizing).</param>
internal sealed record RolloutEnvironment(
    TaskLauncher Launcher,
    EcsOptions Options,
    IReadOnlyDictionary<string, ContainerObservation> Containers,
    Func<IReadOnlySet<int>> PortsInUse,
    bool AfterRestart,
    Action<long> WakeAt);
