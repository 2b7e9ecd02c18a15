namespace Slipway.Components.Tests.Deploy;

/// <summary>Rollback on the local platform: the service goes back to a named revision and serves it; a bad --rollback-to is named.</summary>
public sealed class RollbackTargetTest
{
    [Fact]
    public async Task TestRollback_AfterTwoDeploys_ServiceBackOnTheFirstRevision()
    {
        await using var deploy = DeployRepository.Create();
        var first = deploy.Run("Deploy");
        Assert.True(first.Code == 0, first.Output);
        var firstRevision = ((IRegisterTaskDef)first.Build).RegisteredTaskDefinition!.TaskDefinition.Revision;
        deploy.Repository.Commit("a change"); // a new version, so a new revision
        // The first revision's task may be running again when the next build starts the platform: the second serves on another port.
        var second = deploy.RunOnPort(DeployRepository.FreePort(), "Deploy");
        Assert.True(second.Code == 0, second.Output);
        var secondRevision = ((IRegisterTaskDef)second.Build).RegisteredTaskDefinition!.TaskDefinition.Revision;
        Assert.NotEqual(firstRevision, secondRevision);
        Assert.EndsWith($"/{deploy.Service}:{secondRevision}", (await deploy.DescribeAsync()).TaskDefinition);

        var rollback = deploy.Run("Rollback", "--rollback-to", $"{deploy.Service}:{firstRevision}");

        Assert.True(rollback.Code == 0, rollback.Output);
        Assert.Contains($"rolled service '{deploy.Service}' back to {deploy.Service}:{firstRevision}", rollback.Output);
        Assert.Contains("UpdateService", rollback.Build.Calls.Operations);
        var service = await deploy.DescribeAsync();
        Assert.EndsWith($"/{deploy.Service}:{firstRevision}", service.TaskDefinition);
        Assert.EndsWith($"/{deploy.Service}:{firstRevision}", service.PrimaryDeployment!.TaskDefinition);
        Assert.Equal(3, (await deploy.RevisionsAsync()).Count); // the placeholder and both deploys: nothing deregistered
    }

    [Fact]
    public async Task TestRollback_UnknownRevision_NamesItAndChangesNothing()
    {
        await using var deploy = DeployRepository.Create();
        var before = await deploy.DescribeAsync();

        var rollback = deploy.Run("Rollback", "--rollback-to", $"{deploy.Service}:99");

        Assert.True(rollback.Code != 0, rollback.Output);
        Assert.Contains($"The rollback target '{deploy.Service}:99' is not a registered task definition", rollback.Output);
        Assert.Contains("Give family:revision (or the ARN) of a registered revision", rollback.Output);
        Assert.DoesNotContain("UpdateService", rollback.Build.Calls.Operations);
        Assert.Equal(before.TaskDefinition, (await deploy.DescribeAsync()).TaskDefinition);
    }
}
