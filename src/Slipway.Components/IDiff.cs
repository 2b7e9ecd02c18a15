using System.Text;
using Slipway.EcsDeploy;
using Slipway.EcsDeploy.Deployments;
using Slipway.Logging;

namespace Slipway.Components;

/// <summary>The Diff target: what a deploy would change in the environment, read-only (only Describe calls).</summary>
public interface IDiff : IRegisterTaskDef
{
    /// <summary>Shows the change.</summary>
    Target Diff => _ => _
        .Description("Shows what Deploy would change in the environment: the image, the unified diff of the task definition against the running one (none when unchanged) and the service change; changes nothing.")
        .Preflight(_ => CheckEnvironmentAsync())
        .Executes(async ct =>
        {
            var text = await DescribeDeployAsync(ct);
            Log.Information(text);
            this.ReportSummary("Diff", text.Split('\n')[^1]);
        });

    /// <summary>
    /// The environment, the image (by digest, or the tag PushEcr would push), the unified diff of the normalised task definition against
    /// the running one, and the service change, as text; Deploy's --plan shows the same. Makes no mutating call.
    /// </summary>
    async Task<string> DescribeDeployAsync(CancellationToken cancellationToken)
    {
        var environment = await GetDeployEnvironmentAsync();
        var image = await GetDeployImageAsync(preview: true);
        var ecs = await GetEcsAsync(environment);
        var request = RegisterTaskDefSettings(await RegisterRequestAsync(environment, image, dryRun: true));
        var diff = await TaskDefinitionDiff.DiffAsync(ecs, request, cancellationToken);
        var text = new StringBuilder()
            .AppendLine($"Environment: {environment.Name} (service '{environment.Service}' in cluster '{environment.Cluster}', {environment.Platform.ToString().ToLowerInvariant()})")
            .AppendLine($"Image: {image}");
        if (diff.HasChanges)
        {
            text.Append(diff.Text.TrimEnd()).AppendLine();
            text.Append($"Service: would register a new revision and update service '{environment.Service}' from {Deployer.Revision(diff.RunningArn)} to it.");
            return text.ToString();
        }

        // Unchanged definition: the deployer's own dry run says whether the service already runs it.
        var dryRun = await new Deployer(ecs).DeployAsync(new DeployRequest
        {
            Cluster = environment.Cluster, Service = environment.Service!, TaskDefinition = diff.RunningArn!, DryRun = true,
        }, cancellationToken);
        text.AppendLine("Task definition: no change (the running revision equals what would be registered).");
        text.Append($"Service: {dryRun.Message}");
        return text.ToString();
    }
}
