using System.Text.Json.Nodes;
using Slipway.Aws;
using Slipway.Aws.Ecs;
using Slipway.EcsDeploy.Deployments;

namespace Slipway.EcsDeploy;

public sealed partial class Deployer
{
    /// <summary>
    /// Whether Deploy creates the service: it has a service definition and the service (or its cluster) does not exist, or is INACTIVE.
    /// Without a definition the lookup's error about the missing service stands.
    /// </summary>
    private async Task<bool> MustCreateAsync(DeployRequest request, CancellationToken cancellationToken)
    {
        if (request.ServiceDefinition is null)
            return false;
        try
        {
            var described = await _ecs.DescribeServicesAsync(new DescribeServicesRequest { Cluster = request.Cluster, Services = [request.Service] }, cancellationToken)
                .ConfigureAwait(false);
            return described.Services.FirstOrDefault() is not { Status: not "INACTIVE" };
        }
        catch (ClusterNotFoundException) when (request.CreateCluster)
        {
            return true;
        }
    }

    /// <summary>
    /// Creates the service from its definition with the revision to deploy (and the cluster first when <see cref="DeployRequest.CreateCluster"/>),
    /// then follows its first deployment like any other. A failed first deployment has nothing to roll back to.
    /// </summary>
    private async Task<DeployResult> CreateAsync(DeployRequest request, CancellationToken cancellationToken)
    {
        var cluster = request.Cluster ?? "default";
        var target = $"service '{request.Service}' in cluster '{cluster}'";
        var result = new DeployResult
        {
            Status = DeployStatus.DryRun,
            Service = request.Service,
            Cluster = cluster,
            TaskDefinition = request.TaskDefinition,
            Message = $"Dry run: would create {target} with {Revision(request.TaskDefinition)}.",
        };
        if (request.DryRun)
            return result;

        if (request.CreateCluster)
            await _ecs.CreateClusterAsync(cluster, cancellationToken).ConfigureAwait(false);
        var create = (JsonObject)request.ServiceDefinition!.DeepClone();
        create["cluster"] = cluster;
        create["serviceName"] = request.Service;
        create["taskDefinition"] = request.TaskDefinition;
        if (request.DesiredCount is { } count)
            create["desiredCount"] = count;
        var service = await _ecs.CreateServiceAsync(create, cancellationToken).ConfigureAwait(false);
        var deployment = service.PrimaryDeployment?.Id
            ?? throw new EcsDeployException($"CreateService created {target} without a PRIMARY deployment to follow.");

        result = result with { TaskDefinition = service.PrimaryDeployment.TaskDefinition ?? request.TaskDefinition, DeploymentId = deployment };
        var wait = await WaitAsync(WaitRequest.Following(request, deployment, []), cancellationToken).ConfigureAwait(false);
        return wait.Succeeded
            ? result with { Status = DeployStatus.Deployed, Created = true, Wait = wait, Message = $"Created {target} and deployed {Revision(result.TaskDefinition)} (deployment {deployment})." }
            : result with { Status = DeployStatus.Failed, Created = true, Wait = wait, Message = $"Created {target}, but its first deployment {deployment} of {Revision(result.TaskDefinition)} {Verb(wait.Outcome)}." };
    }
}
