using Slipway.Aws.Ecs;

namespace Slipway.EcsDeploy.TaskDefinitions;

/// <summary>The task definition a service runs now: what a new one is compared and diffed against.</summary>
public static class RunningTaskDefinition
{
    /// <summary>The running definition with its tags; null when the service (or its cluster) does not exist (yet) or runs none.</summary>
    public static async Task<TaskDefinitionDescription?> DescribeAsync(EcsClient ecs, string? cluster, string service,
        CancellationToken cancellationToken = default)
    {
        DescribeServicesResult described;
        try
        {
            described = await ecs.DescribeServicesAsync(new DescribeServicesRequest { Cluster = cluster, Services = [service] },
                cancellationToken).ConfigureAwait(false);
        }
        catch (Slipway.Aws.ClusterNotFoundException)
        {
            return null; // a deploy with a service definition creates both
        }

        var arn = described.Services.FirstOrDefault(s => s.Status != "INACTIVE")?.TaskDefinition;
        return arn is null
            ? null
            : await ecs.DescribeTaskDefinitionAsync(new DescribeTaskDefinitionRequest { TaskDefinition = arn }, cancellationToken)
                .ConfigureAwait(false);
    }
}
