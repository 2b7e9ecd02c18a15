using Slipway.Aws.Ecs;
using Slipway.EcsDeploy.Deployments;

namespace Slipway.EcsDeploy;

public sealed partial class Deployer
{
    /// <summary>
    /// Returns the service to the revision of its last COMPLETED deployment (or the one given): describe, choose (follow a PRIMARY
    /// that already runs it, or update), stop for a dry run, UpdateService, wait by the same rules as a deploy, and only then (when asked) deregister the revision that failed, never one that serves.
    /// </summary>
    public async Task<RollbackResult> RollbackAsync(RollbackRequest request, CancellationToken cancellationToken = default)
    {
        var service = await ServiceLookup.DescribeAsync(_ecs, request.Cluster, request.Service, cancellationToken).ConfigureAwait(false);
        RequireEcsController(service);
        var name = $"service '{service.ServiceName}'";
        // A revision one of the service's deployments runs is known to ECS; any other named one is described first.
        var target = request.TaskDefinition is { } named
            ? service.Deployments.Any(x => SameRevision(x.TaskDefinition, named)) ? named : await RegisteredTargetAsync(named, service, cancellationToken).ConfigureAwait(false)
            : RollbackTarget(service);
        if (target is null)
        {
            return new RollbackResult
            {
                Status = RollbackStatus.NoTarget,
                Message = $"No rollback: {name} has no COMPLETED deployment to go back to ({Deployments(service)}); nothing was changed.",
            };
        }

        var primary = service.PrimaryDeployment;
        var follow = primary?.Id is not null && SameRevision(primary.TaskDefinition, target);
        if (request.DryRun)
        {
            var action = follow ? $"follow deployment {primary!.Id}, which already runs {Revision(target)}" : $"update {name} back to {Revision(target)}";
            return new RollbackResult { Status = RollbackStatus.DryRun, TaskDefinition = target, Message = $"Dry run: would {action}." };
        }

        var deploymentId = follow
            ? primary!.Id!
            : (await _ecs.UpdateServiceAsync(new UpdateServiceRequest { Cluster = request.Cluster, Service = request.Service, TaskDefinition = target }, cancellationToken)
                .ConfigureAwait(false)).Service?.PrimaryDeployment?.Id ?? throw new EcsDeployException($"UpdateService returned no PRIMARY deployment for {name}.");
        var wait = await WaitAsync(WaitRequest.Following(request, deploymentId, request.KnownEventIds), cancellationToken).ConfigureAwait(false);
        var how = follow ? $"{name} was already going back to {Revision(target)} (deployment {deploymentId}, e.g. the circuit breaker's rollback)" : $"rolled {name} back to {Revision(target)} (deployment {deploymentId})";
        if (!wait.Succeeded)
            return new RollbackResult { Status = RollbackStatus.Failed, TaskDefinition = target, Wait = wait, Message = $"Rollback FAILED: {how}; {wait.Reason}" };

        var deregistered = MayDeregister(request.DeregisterRevision, target, wait.Primary) is { } revision
            ? (await _ecs.DeregisterTaskDefinitionAsync(new DeregisterTaskDefinitionRequest { TaskDefinition = revision }, cancellationToken).ConfigureAwait(false))
                .TaskDefinitionArn ?? revision
            : null;
        return new RollbackResult
        {
            Status = follow ? RollbackStatus.AlreadyOnTarget : RollbackStatus.RolledBack,
            TaskDefinition = target,
            Wait = wait,
            Deregistered = deregistered,
            Message = $"Rollback: {how}; it completed." + (deregistered is null ? "" : $" Deregistered the failed {Revision(deregistered)}."),
        };
    }

    /// <summary>The failed revision to deregister after a confirmed rollback, unless it is the target or the revision the PRIMARY serves.</summary>
    internal static string? MayDeregister(string? failed, string target, ServiceDeployment? primary) =>
        failed is null || SameRevision(failed, target) || SameRevision(failed, primary?.TaskDefinition) ? null : failed;

    /// <summary>
    /// The last COMPLETED deployment's revision; without one, when a FAILED deployment was superseded by a PRIMARY still in
    /// progress, that PRIMARY is the circuit breaker's rollback (ECS drops the old COMPLETED deployment when it starts one) and its revision is the target.
    /// </summary>
    internal static string? RollbackTarget(EcsService service)
    {
        if (LastCompleted(service) is { } completed)
            return completed.TaskDefinition;
        var primary = service.PrimaryDeployment;
        var circuitBreakerRollingBack = primary?.RolloutState == "IN_PROGRESS"
            && service.Deployments.Any(deployment => deployment != primary && deployment.RolloutState == "FAILED");
        return circuitBreakerRollingBack ? primary!.TaskDefinition : null;
    }

    private static string Deployments(EcsService service) =>
        service.Deployments.Count == 0 ? "no deployments" : string.Join("; ", service.Deployments.Select(deployment =>
            $"{deployment.Id} {deployment.Status} {Revision(deployment.TaskDefinition)} {deployment.RolloutState}"));

    /// <summary>The ARN of <paramref name="named"/> (family:revision or an ARN), checked before the service is touched: it must exist and be ACTIVE.</summary>
    private async Task<string> RegisteredTargetAsync(string named, EcsService service, CancellationToken cancellationToken)
    {
        var running = service.TaskDefinition is { } current ? $" (service '{service.ServiceName}' runs {Revision(current)} now)" : "";
        TaskDefinition definition;
        try
        {
            definition = (await _ecs.DescribeTaskDefinitionAsync(new DescribeTaskDefinitionRequest { TaskDefinition = named }, cancellationToken).ConfigureAwait(false)).TaskDefinition;
        }
        catch (Slipway.Aws.ClientException error)
        {
            throw new EcsDeployException($"The rollback target '{named}' is not a registered task definition: ECS says \"{error.ServiceMessage}\". " +
                $"Give family:revision (or the ARN) of a registered revision{running}; nothing was changed.");
        }

        return definition.Status == "INACTIVE"
            ? throw new EcsDeployException($"The rollback target '{named}' is deregistered (INACTIVE), so ECS does not start new tasks of it. Give an ACTIVE revision{running}; nothing was changed.")
            : definition.TaskDefinitionArn ?? named;
    }
}
