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

    internal static IReadOnlySet<string> EventIds(EcsService service) => service.Events.Select(e => e.Id).OfType<string>().ToHashSet();
}
