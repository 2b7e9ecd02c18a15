using Slipway.Aws.Ecs;
using Slipway.EcsDeploy;
using Slipway.EcsDeploy.CodePipeline;
using Slipway.EcsDeploy.Deployments;
using Slipway.EcsDeploy.Environments;
using Slipway.Logging;

namespace Slipway.Components;

/// <summary>
/// The Deploy target, the aggregate per branch: feature, bugfix and develop build, push, register and deploy to development; release
/// and hotfix the same with candidate tags to staging; main deploys the promoted image of HEAD's version to production without a build
/// (on the local platform, where no release was promoted yet, main rehearses one: it builds HEAD's image under the release tag).
/// </summary>
public interface IDeploy : IDiff, IHazDeployWait
{
    private const string DeployedKey = $"{nameof(IDeploy)}.Deployed";

    /// <summary>Changes the deploy request before it runs (desired count, force a new deployment, rollback on failure, ...).</summary>
    Configure<DeployRequest> DeploySettings => _ => _;

    /// <summary>What Deploy did in this build; null before.</summary>
    DeployResult? Deployed => this.State().TryGet<DeployResult>(DeployedKey, out var result) ? result : null;

    /// <summary>
    /// The image build before a deploy (Test, DockerBuild, PushEcr): planned only when the environment builds images, so on production
    /// (main) the plan skips them and everything they depend on, before anything runs.
    /// </summary>
    Target DeployImageBuild => _ => _
        .Unlisted()
        .DependsOn(PushEcr)
        .OnlyWhenStatic(_ => BuildsImageAsync())
        .WhenSkipped(DependencyBehavior.Skip);

    /// <summary>Deploys.</summary>
    Target Deploy => _ => _
        .Description("Deploys this branch's image to its environment (feature, bugfix, develop: development; release, hotfix: staging; main: the promoted release to production, on the local platform built once when none was promoted), waits for the deployment and rolls back on failure.")
        .DependsOn(DeployImageBuild, RegisterTaskDef)
        .Preflight(_ => CheckEnvironmentAsync())
        .PlanDetails(async ct => await DescribeDeployAsync(ct))
        .Produces("artifacts/imagedefinitions.json", "artifacts/imageDetail.json")
        .Executes(async ct =>
        {
            var environment = await GetDeployEnvironmentAsync();
            var registered = RegisteredTaskDefinition ?? throw new InvalidOperationException("RegisterTaskDef did not run in this build; Deploy deploys the revision it registers.");
            DeployResult result;
            using (var progress = DeployProgressView.For(this))
            {
                result = await new Deployer(await GetEcsAsync(environment)).DeployAsync(DeploySettings(new DeployRequest
                {
                    Cluster = environment.Cluster,
                    Service = environment.Service!,
                    TaskDefinition = registered.TaskDefinitionArn!,
                    ServiceDefinition = environment.ServiceDefinition is { } definition ? await ServiceDefinitionFile.LoadAsync(definition, ct) : null,
                    CreateCluster = environment.Platform == DeploymentPlatform.Local,
                    Timeout = DeployTimeout,
                    PollInterval = DeployPollInterval,
                    Progress = progress,
                }), ct);
            }

            this.State().Set(DeployedKey, result);
            this.ReportSummary("Deploy", $"{environment.Name}: {result.Status} {Deployer.Revision(result.TaskDefinition)}");
            result.EnsureSucceeded();
            Log.Information(result.Message);

            var image = await GetDeployImageAsync(preview: false);
            this.ExportImage(image);
            this.ExportVariable(ExportedVariables.Environment, environment.Name);
            await CodePipelineImageFiles.WriteAsync(ArtifactsDirectory, [.. environment.Containers.Select(x => new KeyValuePair<string, string>(x, image.ToString()))], ct);
            if (environment.Platform == DeploymentPlatform.Local && await FindEndpointAsync(environment, registered.TaskDefinition, ct) is { } endpoint)
            {
                Log.Information($"The service answers at {endpoint.Url}");
                this.ReportSummary("URL", endpoint.Url.ToString());
            }
        });

    /// <summary>
    /// Where the deployed service answers on the local platform, in the platform's own word: the host port a RUNNING task of the deployed
    /// revision was given (dynamic host ports). Null when its first container publishes no port: a worker has no URL.
    /// </summary>
    private async Task<EcsServiceEndpoint?> FindEndpointAsync(DeploymentEnvironment environment, Slipway.Aws.Ecs.TaskDefinition definition, CancellationToken ct)
    {
        if ((environment.Containers.FirstOrDefault() ?? definition.ContainerDefinitions.FirstOrDefault()?.Name) is not { } container)
            return null;
        try
        {
            return await EcsServiceEndpoint.FindAsync(await GetEcsAsync(environment), environment.Cluster, environment.Service!, container, cancellationToken: ct);
        }
        catch (InvalidOperationException exception)
        {
            Log.Debug($"No URL to print: {exception.Message}");
            return null;
        }
    }

    /// <summary>
    /// Whether this run builds and pushes an image before deploying: everywhere but production, whose image is the promoted release; on
    /// production only when main rehearses a release on the local platform and the release tag is not in its registry yet.
    /// </summary>
    async Task<bool> BuildsImageAsync()
    {
        if ((await GetDeployEnvironmentAsync()).Name != EnvironmentNames.Production)
            return true;
        if (!await RehearsesReleaseAsync())
            return false;
        var image = await GetCandidateImageAsync();
        if (await FindReleasedImageAsync(image) is { } released)
        {
            Log.Information($"Rehearsing a release on the local platform: '{released}' is already in its release registry, so main deploys it without a build.");
            return false;
        }

        Log.Information($"Rehearsing a release on the local platform: no '{image}' in its release registry yet, so main builds HEAD's image under the release tag " +
            "(on AWS main only deploys a release candidate promoted with PromoteRelease).");
        return true;
    }
}
