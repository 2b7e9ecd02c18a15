using Slipway.Components;
using Slipway.Containers.Building;
using Slipway.EcsDeploy.Deployments;
using Slipway.LocalAws;

namespace Slipway.Pipeline.Tests.Pipeline;

/// <summary>
/// The build a team would write for the sample: Deploy (with the image targets and RegisterTaskDef), PromoteRelease and TagRelease,
/// with the version also passed as the VERSION build arg (DockerBuild labels the image with it, but a label is not visible inside
/// the container; the sample answers it at /image-version). Its deploys ask for one task (the test creates the services with none)
/// and poll often, so the test notices completion quickly.
/// </summary>
public class SampleBuild : SlipwayBuild, IDeploy, IPromoteRelease, ITagRelease
{
    Configure<DockerBuildRequest> IDockerBuild.DockerBuildSettings => _ => _ with
    {
        BuildArgs = new Dictionary<string, string>(_.BuildArgs) { ["VERSION"] = _.Version ?? "unknown" },
    };

    Configure<DeployRequest> IDeploy.DeploySettings => _ => _ with { DesiredCount = 1, PollInterval = TimeSpan.FromMilliseconds(200) };

    // The test runs the platform and every build attaches to it (--local-aws-data). IHazAws's own attach reports a summary line,
    // which throws when the platform is first asked for while planning (outside a target): reported to the lead; until it is
    // fixed, this build attaches without the summary, and nothing else about the platform differs.
    Task<LocalAwsPlatform> IHazAws.GetLocalPlatformAsync() => this.State().GetOrAddAsync($"{nameof(SampleBuild)}.LocalPlatform", async ct =>
        await LocalAwsPlatform.AttachAsync(((IHazAws)this).LocalAwsData, ct)
            ?? throw new InvalidOperationException($"No local platform runs from '{((IHazAws)this).LocalAwsData}': the test starts it before the builds."));
}
