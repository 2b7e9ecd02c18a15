using System.Text.Json.Nodes;
using Slipway.Components.Tests.Images;

namespace Slipway.Components.Tests.Deploy;

/// <summary>Deploy on a feature branch, end to end on the local platform: build, push, register, deploy, serve; a re-run changes nothing.</summary>
public sealed class DeployTargetTest
{
    [Fact]
    public async Task TestDeploy_FeatureBranch_RegistersDeploysServesAndReRunChangesNothing()
    {
        await using var deploy = DeployRepository.Create();

        var first = deploy.Run("Deploy");

        Assert.True(first.Code == 0, first.Output);
        var pushed = ((IPushEcr)first.Build).PushedImage!.Pinned.ToString();
        var registered = ((IRegisterTaskDef)first.Build).RegisteredTaskDefinition!;
        var version = registered.TaskDefinition.ContainerDefinitions.Single().Environment.Single(x => x.Key == "VERSION").Value;
        Assert.Contains("checkout", version);
        Assert.Equal(version, first.Build.Served);
        Assert.Equal(EcsDeploy.RegisterOutcome.Registered, registered.Outcome);
        Assert.Equal(pushed, registered.TaskDefinition.ContainerDefinitions.Single().Image);
        Assert.Equal(EcsDeploy.Deployments.DeployStatus.Deployed, ((IDeploy)first.Build).Deployed!.Status);
        Assert.Contains($"The service answers at http://127.0.0.1:{deploy.Port}/", first.Output);
        Assert.Equal($$"""[{"name":"app","imageUri":"{{pushed}}"}]""",
            JsonNode.Parse(File.ReadAllText(Path.Combine(deploy.Root, "artifacts", "imagedefinitions.json")))!.ToJsonString());
        Assert.Equal($$"""{"ImageURI":"{{pushed}}"}""",
            JsonNode.Parse(File.ReadAllText(Path.Combine(deploy.Root, "artifacts", "imageDetail.json")))!.ToJsonString());
        var exports = File.ReadAllText(Path.Combine(deploy.Root, ".nuke", "temp", "exported-variables.sh"));
        var digest = ((IPushEcr)first.Build).PushedImage!.Digest;
        Assert.Contains($"export SLIPWAY_IMAGE_URI='{pushed.Replace("@" + digest, "", StringComparison.Ordinal)}'\n", exports);
        Assert.Contains($"export SLIPWAY_IMAGE_DIGEST='{digest}'\n", exports);
        Assert.Contains("export SLIPWAY_ENVIRONMENT='development'\n", exports);
        Assert.Contains("export SLIPWAY_VERSION='", exports);
        var deployments = (await deploy.DescribeAsync()).Deployments.Select(x => x.Id).ToList();

        var again = deploy.Run("Deploy");

        Assert.True(again.Code == 0, again.Output);
        Assert.Equal(EcsDeploy.RegisterOutcome.Unchanged, ((IRegisterTaskDef)again.Build).RegisteredTaskDefinition!.Outcome);
        Assert.Equal(EcsDeploy.Deployments.DeployStatus.Unchanged, ((IDeploy)again.Build).Deployed!.Status);
        Assert.DoesNotContain("RegisterTaskDefinition", again.Build.Calls.Operations);
        Assert.DoesNotContain("UpdateService", again.Build.Calls.Operations);
        Assert.Equal(2, (await deploy.RevisionsAsync()).Count); // the placeholder and the one deploy
        Assert.Equal(deployments, (await deploy.DescribeAsync()).Deployments.Select(x => x.Id).ToList());
    }
}
