using Slipway.Components;
using Slipway.Containers.Building;

namespace Slipway.Pipeline.Tests.Pipeline;

/// <summary>
/// The build a team would write for the sample: the image targets, with the version also passed as the VERSION build arg
/// (DockerBuild labels the image with it, but a label is not visible inside the container; the sample answers it at /image-version).
/// </summary>
public class SampleBuild : SlipwayBuild, IPushEcr, IPromoteRelease
{
    Configure<DockerBuildRequest> IDockerBuild.DockerBuildSettings => _ => _ with
    {
        BuildArgs = new Dictionary<string, string>(_.BuildArgs) { ["VERSION"] = _.Version ?? "unknown" },
    };
}
