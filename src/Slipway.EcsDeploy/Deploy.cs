using Slipway.Aws.Ecs;
using Slipway.EcsDeploy.Deployments;

namespace Slipway.EcsDeploy;

/// <summary>Deploy, wait and rollback for services ECS deploys (rolling updates), one verb per file.</summary>
public sealed partial class Deployer(EcsClient ecs)
{
    private readonly EcsClient _ecs = ecs;

    /// <summary>How a deploy changes the service.</summary>
    internal enum DeployStrategy
    {
        /// <summary>UpdateService to another revision (or count).</summary>
        Update,

        /// <summary>UpdateService with forceNewDeployment: new tasks of the same revision.</summary>
        ForceNewDeployment,

        /// <summary>The service already runs the revision at the count asked for.</summary>
        Unchanged,
    }

    /// <summary>
    /// Rolls the service to a revision (creating it first when it is missing and the request has a service definition): describe, check the deployment controller, choose the strategy, stop for a dry run,
    /// UpdateService, follow the deployment it returned, and roll back on failure unless the circuit breaker already did.
    /// </summary>
    public async Task<DeployResult> DeployAsync(DeployRequest request, CancellationToken cancellationToken = default)
    {
        if (await MustCreateAsync(request, cancellationToken).ConfigureAwait(false))
            return await CreateAsync(request, cancellationToken).ConfigureAwait(false);
        var service = await ServiceLookup.DescribeAsync(_ecs, request.Cluster, request.Service, cancellationToken).ConfigureAwait(false);
        RequireEcsController(service);
        var before = service.PrimaryDeployment;
        var result = new DeployResult
        {
            Status = DeployStatus.Unchanged,
            Service = service.ServiceName ?? request.Service,
            Cluster = NameOf(service.ClusterArn) ?? request.Cluster ?? "default",
            TaskDefinition = request.TaskDefinition,
            PreviousTaskDefinition = before?.TaskDefinition ?? service.TaskDefinition,
            Message = "",
        };
        var target = $"service '{result.Service}' in cluster '{result.Cluster}'";

        var strategy = ChooseStrategy(service, request);
        if (strategy == DeployStrategy.Unchanged)
            return result with { Message = $"Nothing deployed: {target} already runs {Revision(result.PreviousTaskDefinition)}. Set ForceNewDeployment to start new tasks of it." };
        if (request.DryRun)
        {
            var action = strategy == DeployStrategy.ForceNewDeployment ? "start a new deployment (forced) of" : "update";
            return result with { Status = DeployStatus.DryRun, Message = $"Dry run: would {action} {target} from {Revision(result.PreviousTaskDefinition)} to {Revision(request.TaskDefinition)}." };
        }

        var updated = await _ecs.UpdateServiceAsync(new UpdateServiceRequest
        {
            Cluster = request.Cluster,
            Service = request.Service,
            TaskDefinition = request.TaskDefinition,
            DesiredCount = request.DesiredCount,
            ForceNewDeployment = strategy == DeployStrategy.ForceNewDeployment ? true : null,
        }, cancellationToken).ConfigureAwait(false);
        // Ours only if ECS did not list it before our call: never follow a deployment someone else started (ecspresso #929).
        var deployment = updated.Service?.PrimaryDeployment;
        if (deployment?.Id is not { } deploymentId || service.Deployments.Any(existing => existing.Id == deploymentId))
            return result with { Message = $"UpdateService created no new deployment for {target}: it still runs {Revision(result.PreviousTaskDefinition)} (deployment {deployment?.Id ?? before?.Id})." };

        result = result with { TaskDefinition = deployment.TaskDefinition ?? request.TaskDefinition, DeploymentId = deploymentId };
        var wait = await WaitAsync(WaitRequest.Following(request, deploymentId, WaitRequest.EventIds(service)), cancellationToken).ConfigureAwait(false);
        if (wait.Succeeded)
            return result with { Status = DeployStatus.Deployed, Wait = wait, Message = $"Deployed {Revision(result.TaskDefinition)} to {target} (deployment {deploymentId})." };

        var failed = result with { Status = DeployStatus.Failed, Wait = wait, Message = $"Deploy of {Revision(result.TaskDefinition)} to {target} failed: deployment {deploymentId} {Verb(wait.Outcome)}." };
        if (!request.RollbackOnFailure || !ShouldRollBack(wait))
            return failed;
        var rollback = await RollbackAsync(new RollbackRequest
        {
            Cluster = request.Cluster,
            Service = request.Service,
            TaskDefinition = LastCompleted(service)?.TaskDefinition,
            Timeout = request.Timeout,
            PollInterval = request.PollInterval,
            Progress = request.Progress,
            MaxFailedTasks = request.MaxFailedTasks,
            KnownEventIds = wait.ReportedEventIds,
            DeregisterRevision = request.DeregisterFailedRevision ? result.TaskDefinition : null,
        }, cancellationToken).ConfigureAwait(false);
        return failed with { Rollback = rollback };
    }

    /// <summary>Update, force a new deployment, or nothing to do: the revision (ARN or family:revision) is compared with the one the service runs.</summary>
    internal static DeployStrategy ChooseStrategy(EcsService service, DeployRequest request)
    {
        if (request.ForceNewDeployment)
            return DeployStrategy.ForceNewDeployment;
        var running = service.PrimaryDeployment?.TaskDefinition ?? service.TaskDefinition;
        var sameCount = request.DesiredCount is null || request.DesiredCount == service.DesiredCount;
        return SameRevision(running, request.TaskDefinition) && sameCount ? DeployStrategy.Unchanged : DeployStrategy.Update;
    }

    /// <summary>
    /// Rolling back after a deployment that someone else superseded (or whose completion removed ours) would undo their deploy, so
    /// only failures and timeouts roll back, and a circuit breaker's rollback, which the rollback then follows to its end.
    /// </summary>
    internal static bool ShouldRollBack(DeploymentWaitResult wait) =>
        wait.Outcome is DeploymentOutcome.Failed or DeploymentOutcome.TimedOut || wait.RolledBackByCircuitBreaker;

    /// <summary>Deploy and rollback update only services ECS itself deploys; the others fail before any change, naming the controller.</summary>
    internal static void RequireEcsController(EcsService service)
    {
        var type = service.DeploymentController?.Type ?? "ECS";
        if (type != "ECS")
        {
            throw new EcsDeployException(
                $"Service '{service.ServiceName}' in cluster '{NameOf(service.ClusterArn)}' uses the {type} deployment controller: Slipway deploys services with the ECS "
                + $"(rolling update) controller only, and ECS refuses new revisions through UpdateService for {type}. "
                + (type == "CODE_DEPLOY" ? "Deploy it with a CodeDeploy blue/green deployment, or recreate the service with deploymentController ECS." : "Deploy it with its external controller."));
        }
    }

    /// <summary>The newest deployment whose rollout COMPLETED: what the service last ran successfully.</summary>
    internal static ServiceDeployment? LastCompleted(EcsService service) =>
        service.Deployments.Where(deployment => deployment.RolloutState == "COMPLETED").MaxBy(deployment => deployment.CreatedAt);

    /// <summary>Whether two task definition identifiers (ARN or family:revision) name the same revision.</summary>
    internal static bool SameRevision(string? first, string? second) =>
        first is not null && second is not null && (first == second || first.EndsWith("/" + second, StringComparison.Ordinal) || second.EndsWith("/" + first, StringComparison.Ordinal));

    private static string? NameOf(string? arn) => arn?[(arn.LastIndexOf('/') + 1)..];

    private static string Verb(DeploymentOutcome outcome) => outcome switch
    {
        DeploymentOutcome.Failed => "FAILED",
        DeploymentOutcome.Disappeared => "disappeared",
        DeploymentOutcome.Superseded => "was superseded",
        DeploymentOutcome.TimedOut => "timed out",
        _ => "completed",
    };
}
