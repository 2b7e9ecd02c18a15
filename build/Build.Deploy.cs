using Slipway;
using Slipway.Components;
using Slipway.Containers.Building;
using Slipway.IO;

/// <summary>
/// This repository as the first user: its deploy targets deploy the sample service (sample/) to the local platform, so on a fresh clone
/// `./build.sh Deploy` tests, builds the sample image, pushes, registers, deploys to the branch's environment and prints the URL.
/// </summary>
partial class Build : IDeploy, IPromoteRelease, ITagRelease, IRollback, IDiff
{
    /// <summary>The sample's folder: the docker context; its deploy/ holds the environments file and the task definition template.</summary>
    AbsolutePath SampleDirectory => RootDirectory / "sample";

    AbsolutePath IDockerBuild.DockerContext => this.TryGetValue<AbsolutePath>(nameof(IDockerBuild.DockerContext)) ?? SampleDirectory;

    AbsolutePath IHazEnvironments.EnvironmentsPath => this.TryGetValue<AbsolutePath>(nameof(IHazEnvironments.EnvironmentsPath)) ?? SampleDirectory / "deploy" / "environments.json";

    string IHazEcr.ImageRepository => this.TryGetValue<string>(nameof(IHazEcr.ImageRepository)) ?? "slipway-sample";

    /// <summary>The image answers /image-version with the version it was built as (sample/README.md): labels are not visible inside a container.</summary>
    Configure<DockerBuildRequest> IDockerBuild.DockerBuildSettings => _ => _ with
    {
        BuildArgs = new Dictionary<string, string>(_.BuildArgs) { ["VERSION"] = _.Version ?? "unknown" },
    };

    /// <summary>The sample image is FROM scratch with a static busybox, which the build context needs as sample/busybox (git-ignored).</summary>
    Target SampleBusybox => _ => _
        .Unlisted()
        .DependsOn(TestTools)
        .DependentFor<IDockerBuild>(x => x.DockerBuild)
        .Executes(() =>
        {
            const string source = "/bin/busybox";
            if (!File.Exists(source))
                throw new InvalidOperationException(
                    $"'{source}' does not exist: the sample image needs a static busybox. Install it (Debian/Ubuntu: sudo apt-get install -y busybox-static) and run the build again.");
            var target = SampleDirectory / "busybox";
            if (File.Exists(target) && new FileInfo(target).Length == new FileInfo(source).Length && File.ReadAllBytes(target).AsSpan().SequenceEqual(File.ReadAllBytes(source)))
                return;
            File.Copy(source, target, overwrite: true);
        });
}
