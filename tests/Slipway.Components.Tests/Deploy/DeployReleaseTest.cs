using Slipway.Components.Tests.Images;
using Slipway.Execution;

namespace Slipway.Components.Tests.Deploy;

/// <summary>Deploy on a release branch (candidate to staging) and on main (the promoted release to production, no image build).</summary>
public sealed class DeployReleaseTest
{
    [Fact]
    public async Task TestDeploy_ReleaseToStagingThenMainDeploysThePromotedImageWithoutBuilding()
    {
        await using var deploy = DeployRepository.Create();
        await deploy.CreateServiceAsync(account: "production");
        deploy.Repository.Git("checkout", "-q", "-b", "release/1.1.0");

        var staging = deploy.Run("Deploy", "--deploy-timeout", "2m");

        Assert.True(staging.Code == 0, staging.Output);
        Assert.Contains("Environment: staging", deploy.Run("Diff").Output);
        var candidate = ((IPushEcr)staging.Build).PushedImage!;
        Assert.StartsWith("1.1.0-candidate-", candidate.Target.Tag);
        File.Delete(Path.Combine(deploy.Root, "artifacts", "imagedefinitions.json"));
        Assert.Equal(0, deploy.Run("PromoteRelease", "--approve").Code); // the approval the pipeline gave (stdin is no terminal here)
        // The production pipeline's ECS action deploys the promoted digest to production's containers.
        Assert.Matches($@"^\[{{""name"":""app"",""imageUri"":""127\.0\.0\.1:\d+/svc:1\.1\.0@{candidate.Digest}""}}\]$",
            System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(deploy.Root, "artifacts", "imagedefinitions.json")))!.ToJsonString());
        deploy.Repository.Git("checkout", "-q", "main");
        deploy.Repository.Git("merge", "-q", "--no-ff", "release/1.1.0", "-m", "Merge branch 'release/1.1.0'");
        deploy.Repository.Git("tag", "1.1.0");

        // Production's tasks run on the same host as development's, which still hold the first port.
        var production = deploy.RunOnPort(DeployRepository.FreePort(), "Deploy", "--deploy-timeout", "2m");

        Assert.True(production.Code == 0, production.Output);
        Assert.Contains("Skipping 'PushEcr': 'DeployImageBuild' was skipped (WhenSkipped)", production.Output);
        Assert.Contains("Skipping 'DockerBuild': 'PushEcr' was skipped (WhenSkipped)", production.Output);
        Assert.Null(((IDockerBuild)production.Build).BuiltImage);
        Assert.Null(((IPushEcr)production.Build).PushedImage);
        var image = ((IRegisterTaskDef)production.Build).RegisteredTaskDefinition!.TaskDefinition.ContainerDefinitions.Single().Image!;
        Assert.EndsWith($"/svc:1.1.0@{candidate.Digest}", image);
        await using (var platform = await deploy.Repository.PlatformAsync())
            Assert.StartsWith(platform.RegistryEndpoint("production").Authority, image);
        Assert.Equal("1.1.0", production.Build.Served);
    }
}
