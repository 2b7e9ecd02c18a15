using Slipway.Aws.Ecs;

namespace Slipway.EcsDeploy.Deployments;

/// <summary>Which deployment to follow, how long and how often to look, and where progress goes.</summary>
public sealed record WaitRequest
{
    /// <summary>Cluster name or ARN; null is "default".</summary>
    public string? Cluster { get; init; }

    /// <summary>Service name or ARN.</summary>
    public required string Service { get; init; }

    /// <summary>The deployment id UpdateService returned ("ecs-svc/…"): the one followed, never "the service is stable".</summary>
    public required string DeploymentId { get; init; }

    /// <summary>How long to wait before giving up with <see cref="DeploymentOutcome.TimedOut"/>; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> waits for ever.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Time between two DescribeServices calls.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Receives each look at the deployment and the service events new since the last one.</summary>
    public IProgress<DeploymentProgress>? Progress { get; init; }

    /// <summary>Event ids already reported (e.g. those present before the deploy): not reported again.</summary>
    public IReadOnlyCollection<string> KnownEventIds { get; init; } = [];

    /// <summary>How many of the latest service events a result carries.</summary>
    public int EventsInResult { get; init; } = 10;

    /// <summary>
    /// Fail once this many of the deployment's tasks failed to start, instead of waiting out the timeout while ECS keeps
    /// starting new ones; 0 never fails early. Null (the default) leaves it to the service's circuit breaker when it has one
    /// enabled (its rollback is then followed), and otherwise uses the breaker's own threshold: half the desired count, clamped to 3..200.
    /// </summary>
    public int? MaxFailedTasks { get; init; }

    /// <summary>The wait for <paramref name="deploymentId"/> with a deploy's or rollback's options, so both follow their deployment alike.</summary>
    internal static WaitRequest Following(IDeploymentWaitOptions options, string deploymentId, IReadOnlyCollection<string> knownEventIds) => new()
    {
        Cluster = options.Cluster,
        Service = options.Service,
        DeploymentId = deploymentId,
        Timeout = options.Timeout,
        PollInterval = options.PollInterval,
        Progress = options.Progress,
        KnownEventIds = knownEventIds,
        MaxFailedTasks = options.MaxFailedTasks,
    };

    internal static IReadOnlySet<string> EventIds(EcsService service) => service.Events.Select(e => e.Id).OfType<string>().ToHashSet();
}
