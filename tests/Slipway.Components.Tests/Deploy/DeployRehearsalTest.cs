using System.Text.RegularExpressions;
using Slipway.Components.Tests.Images;

namespace Slipway.Components.Tests.Deploy;

/// <summary>
/// Deploy on main when production is on the local platform and no release was promoted there: it rehearses the release, building HEAD's
/// image under the release tag in the release registry, and deploys it; once the tag is there, main deploys it without a build, looking
/// the tag up once per run.
/// </summary>
public sealed class DeployRehearsalTest
{
    [Fact]
    public async Task TestDeploy_MainWithoutPromotedReleaseOnLocalPlatform_BuildsTheReleaseTagOnceAndDeploysIt()
    {
        await using var deploy = await MainAtReleaseAsync();
        string registry;
        await using (var platform = await deploy.Repository.PlatformAsync())
            registry = platform.RegistryEndpoint("production").Authority;
        // The plan shows the release tag the rehearsal will push, not "run PromoteRelease first".
        var plan = deploy.Run("Deploy", "--plan");
        Assert.True(plan.Code == 0, plan.Output);
        Assert.Matches(new Regex($@"Image: {Regex.Escape(registry)}/svc:1\.2\.0\r?$", RegexOptions.Multiline), plan.Output);
        Assert.DoesNotContain("could not tell", plan.Output);

        var first = deploy.Run("Deploy", "--deploy-timeout", "2m");

        Assert.True(first.Code == 0, first.Output);
        Assert.Contains("Rehearsing a release on the local platform: no ", first.Output);
        var pushed = ((IPushEcr)first.Build).PushedImage!;
        Assert.Equal("1.2.0", pushed.Target.Tag);
        Assert.StartsWith(registry, pushed.Target.ToString());
        var image = ((IRegisterTaskDef)first.Build).RegisteredTaskDefinition!.TaskDefinition.ContainerDefinitions.Single().Image!;
        Assert.EndsWith($"/svc:1.2.0@{pushed.Digest}", image);
        Assert.Equal("1.2.0", first.Build.Served);

        var second = deploy.Run("Deploy", "--deploy-timeout", "2m");

        Assert.True(second.Code == 0, second.Output);
        Assert.Contains("is already in its release registry, so main deploys it without a build", second.Output);
        Assert.Null(((IDockerBuild)second.Build).BuiltImage);
        Assert.Null(((IPushEcr)second.Build).PushedImage);
        Assert.Equal(image, ((IRegisterTaskDef)second.Build).RegisteredTaskDefinition!.TaskDefinition.ContainerDefinitions.Single().Image);
    }

    [Fact]
    public async Task TestDeploy_MainWithTheReleaseInItsRegistry_LooksTheReleaseTagUpOncePerRun()
    {
        await using var deploy = await MainAtReleaseAsync();
        // Main rehearsing a release pushes the release tag: the release is then in its registry.
        var push = deploy.Run("PushEcr");
        Assert.True(push.Code == 0, push.Output);
        string registry;
        await using (var platform = await deploy.Repository.PlatformAsync())
            registry = platform.RegistryEndpoint("production").Authority;

        // The plan asks whether main builds, then its details show the image: one lookup.
        using (var requests = new RegistryRequests(registry))
        {
            var plan = deploy.Run("Deploy", "--plan");

            Assert.True(plan.Code == 0, plan.Output);
            Assert.Contains("is already in its release registry, so main deploys it without a build", plan.Output);
            Assert.Contains($"Image: {registry}/svc:1.2.0@{((IPushEcr)push.Build).PushedImage!.Digest}", plan.Output);
            Assert.Equal(1, requests.ManifestLookups("svc", "1.2.0"));
        }

        // The plan, RegisterTaskDef and Deploy: one lookup.
        using (var requests = new RegistryRequests(registry))
        {
            var run = deploy.Run("Deploy", "--deploy-timeout", "2m");

            Assert.True(run.Code == 0, run.Output);
            Assert.Equal("1.2.0", run.Build.Served);
            Assert.Equal(1, requests.ManifestLookups("svc", "1.2.0"));
        }
    }

    [Fact]
    public async Task TestDeployPlan_MainWithProductionOnAws_PlansNoImageBuild()
    {
        await using var deploy = DeployRepository.CreateWith(service => $$"""
            {
              "defaults": { "platform": "local", "account": "development", "cluster": "default", "service": "{{service}}", "repository": "svc",
                            "containers": ["app"], "taskDefinitionTemplate": "taskdef.json" },
              "environments": { "development": {}, "staging": {},
                                "production": { "platform": "aws", "account": "123456789012", "region": "eu-west-1" } }
            }
            """);
        deploy.Repository.Git("checkout", "-q", "main");
        deploy.Repository.Git("merge", "-q", "--no-ff", "feature/checkout", "-m", "Merge branch 'feature/checkout'");

        var plan = deploy.Run("Deploy", "--plan");

        Assert.True(plan.Code == 0, plan.Output);
        Assert.Matches(@"DeployImageBuild\s+skip", plan.Output);
        Assert.Contains("skipped: OnlyWhenStatic: BuildsImageAsync()", plan.Output);
        Assert.DoesNotContain("Rehearsing a release", plan.Output);
    }

    /// <summary>A deploy repository on main at 1.2.0 (feature/checkout merged), with the service created in production.</summary>
    private static async Task<DeployRepository> MainAtReleaseAsync()
    {
        var deploy = DeployRepository.Create(createService: false);
        await deploy.CreateServiceAsync(account: "production");
        deploy.Repository.Git("checkout", "-q", "main");
        deploy.Repository.Git("merge", "-q", "--no-ff", "feature/checkout", "-m", "Merge branch 'feature/checkout'");
        deploy.Repository.Git("tag", "1.2.0");
        return deploy;
    }
}
