namespace Slipway.Components.Tests.Deploy;

/// <summary>Diff and Deploy --plan: what a deploy would change, with no mutating call.</summary>
public sealed class DiffTargetTest
{
    private static readonly string[] Mutating = ["RegisterTaskDefinition", "UpdateService", "CreateService", "DeregisterTaskDefinition", "DeleteService"];

    [Fact]
    public async Task TestDiff_NoDiffWhenUnchanged_DiffAfterTemplateChange()
    {
        await using var deploy = DeployRepository.Create();
        Assert.Equal(0, deploy.Run("Deploy").Code);

        var unchanged = deploy.Run("Diff");

        Assert.True(unchanged.Code == 0, unchanged.Output);
        Assert.Contains("Task definition: no change", unchanged.Output);
        Assert.Contains("Nothing deployed:", unchanged.Output);
        Assert.DoesNotContain("+++ new", unchanged.Output);
        Assert.Empty(unchanged.Build.Calls.Operations.Intersect(Mutating));

        File.WriteAllText(Path.Combine(deploy.Root, "deploy", "taskdef.json"), DeployRepository.Template.Replace("\"STAGE\"", "\"STAGE_NAME\""));
        deploy.Repository.Git("commit", "-q", "-am", "rename STAGE");
        var changed = deploy.Run("Diff");

        Assert.True(changed.Code == 0, changed.Output);
        Assert.Contains("+++ new", changed.Output);
        Assert.Contains("+          \"name\": \"STAGE_NAME\",", changed.Output);
        Assert.Contains("Service: would register a new revision", changed.Output);
        Assert.Empty(changed.Build.Calls.Operations.Intersect(Mutating));
    }

    [Fact]
    public async Task TestDeployPlan_ShowsTheDiffAndMakesNoMutatingCall()
    {
        await using var deploy = DeployRepository.Create();

        var plan = deploy.Run("Deploy", "--plan");

        Assert.True(plan.Code == 0, plan.Output);
        Assert.Contains("Nothing was run (--plan).", plan.Output);
        Assert.Contains("Environment: development (service", plan.Output);
        Assert.Contains("+++ new", plan.Output);
        Assert.Contains("DescribeServices", plan.Build.Calls.Operations);
        Assert.Empty(plan.Build.Calls.Operations.Intersect(Mutating));
        Assert.Null(((IDockerBuild)plan.Build).BuiltImage);
    }
}
