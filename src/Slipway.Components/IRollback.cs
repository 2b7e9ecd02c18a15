using Slipway.EcsDeploy;
using Slipway.EcsDeploy.Deployments;
using Slipway.Logging;

namespace Slipway.Components;

/// <summary>The Rollback target, for a person: the environment's service back to its last COMPLETED revision (or a named one); nothing is deregistered.</summary>
public interface IRollback : IHazDeployWait
{
    /// <summary>The revision to go back to.</summary>
    [Parameter("The task definition Rollback goes back to, e.g. orders:41 (default: the one of the service's last COMPLETED deployment).")]
    string? RollbackTo => this.TryGetValue<string>();

    /// <summary>Changes the rollback request before it runs.</summary>
    Configure<RollbackRequest> RollbackSettings => _ => _;

    /// <summary>Rolls back.</summary>
    Target Rollback => _ => _
        .Description("Rolls the environment's service back to the revision of its last COMPLETED deployment (or --rollback-to) and waits for it; deregisters nothing.")
        .Preflight(_ => CheckEnvironmentAsync())
        .Executes(async ct =>
        {
            var environment = await GetDeployEnvironmentAsync();
            RollbackResult result;
            using (var progress = DeployProgressView.For(this))
            {
                result = await new Deployer(await GetEcsAsync(environment)).RollbackAsync(RollbackSettings(new RollbackRequest
                {
                    Cluster = environment.Cluster,
                    Service = environment.Service!,
                    TaskDefinition = RollbackTo,
                    Timeout = DeployTimeout,
                    PollInterval = DeployPollInterval,
                    Progress = progress,
                }), ct);
            }

            this.ReportSummary("Rollback", $"{environment.Name}: {result.Status} {Deployer.Revision(result.TaskDefinition)}");
            if (!result.Succeeded)
                throw new EcsDeployException(result.Message + (result.Wait is { } wait ? Environment.NewLine + wait.Reason : ""));
            Log.Information(result.Message);
        });
}
