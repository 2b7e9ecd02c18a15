using Slipway.EcsDeploy.Deployments;
using Slipway.EcsDeploy.Tests.Deployments.Infrastructure;
using static Slipway.EcsDeploy.Tests.Deployments.Infrastructure.ScriptedEcs;

namespace Slipway.EcsDeploy.Tests.Deployments;

/// <summary>Deploy, Wait and Rollback against ECS's documented answers for states the local platform does not reach (no engine).</summary>
public sealed class ScriptedDeployTest
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(1);
    private static readonly string V1 = Arn("web:1");
    private static readonly string V2 = Arn("web:2");

    private static DeployRequest Deploy(bool deregister = false) =>
        new() { Service = "web", TaskDefinition = V2, PollInterval = Poll, DeregisterFailedRevision = deregister };

    [Fact]
    public async Task TestDeploy_AllTasksRunningButInProgress_WaitsForCompleted()
    {
        // With alarms ECS keeps the deployment IN_PROGRESS through a bake time after every task runs: stable is not completed.
        var completedBefore = Deployment("ecs-svc/1", "PRIMARY", "web:1", "COMPLETED", running: 1);
        var started = Deployment("ecs-svc/2", "PRIMARY", "web:2", "IN_PROGRESS");
        var baking = Deployment("ecs-svc/2", "PRIMARY", "web:2", "IN_PROGRESS", running: 1);
        var steady = Event("e1", "(service web) has reached a steady state.");
        using var script = new ScriptedEcs
        {
            Describes =
            [
                Service([completedBefore]),
                Service([baking], [steady]), Service([baking], [steady]), Service([baking], [steady]),
                Service([Deployment("ecs-svc/2", "PRIMARY", "web:2", "COMPLETED", running: 1, reason: "ECS deployment ecs-svc/2 completed.")], [steady]),
            ],
            Updates = [Service([started, completedBefore])],
        };
        var progress = new RecordingProgress();
        using var ecs = script.Client();

        var result = await new Deployer(ecs).DeployAsync(Deploy() with { Progress = progress });

        Assert.True(result.Status == DeployStatus.Deployed, result.Describe());
        Assert.Equal(["IN_PROGRESS", "IN_PROGRESS", "IN_PROGRESS", "COMPLETED"], progress.Reports.Select(report => report.RolloutState));
        Assert.All(progress.Reports, report => Assert.Equal((1, 1), (report.Running, report.Desired)));
        Assert.Contains("ECS deployment ecs-svc/2 completed.", result.Wait!.Reason);
    }

    [Fact]
    public async Task TestDeploy_CircuitBreakerRollsBack_FailsWithEcsReasonsFollowsTheRollbackAndDeregistersTheFailedRevision()
    {
        var completedBefore = Deployment("ecs-svc/1", "PRIMARY", "web:1", "COMPLETED", running: 1);
        var failed = Deployment("ecs-svc/2", "ACTIVE", "web:2", "FAILED", failed: 3, reason: "ECS deployment circuit breaker: tasks failed to start.");
        var rollingBack = Deployment("ecs-svc/3", "PRIMARY", "web:1", "IN_PROGRESS", running: 1,
            reason: "ECS deployment circuit breaker: rolling back to deploymentId ecs-svc/1.", minute: 1);
        using var script = new ScriptedEcs
        {
            Describes =
            [
                Service([completedBefore]),
                Service([Deployment("ecs-svc/2", "PRIMARY", "web:2", "IN_PROGRESS", failed: 2), completedBefore]),
                Service([rollingBack, failed], [Event("e2", "(service web) (deployment ecs-svc/2) deployment failed: tasks failed to start.")]),
                Service([rollingBack, failed]),
                Service([Deployment("ecs-svc/3", "PRIMARY", "web:1", "COMPLETED", running: 1, reason: "ECS deployment ecs-svc/3 completed.", minute: 1)]),
            ],
            Updates = [Service([Deployment("ecs-svc/2", "PRIMARY", "web:2", "IN_PROGRESS"), completedBefore])],
        };
        using var ecs = script.Client();

        var result = await new Deployer(ecs).DeployAsync(Deploy(deregister: true));

        Assert.Equal(DeployStatus.Failed, result.Status);
        Assert.True(result.Wait!.RolledBackByCircuitBreaker, result.Describe());
        Assert.Contains("ECS deployment circuit breaker: tasks failed to start.", result.Describe());
        Assert.True(result.Rollback is { Status: RollbackStatus.AlreadyOnTarget }, result.Describe());
        Assert.Equal(V1, result.Rollback!.TaskDefinition);
        Assert.Single(script.Bodies("UpdateService")); // the breaker's rollback is followed, not repeated
        Assert.Equal(V2, result.Rollback.Deregistered);
        Assert.Equal([V2], script.Bodies("DeregisterTaskDefinition").Select(body => (string)body["taskDefinition"]!));
        Assert.Contains("Deregistered the failed web:2", result.Describe());
    }

    [Fact]
    public async Task TestDeploy_RepeatedTaskFailuresWithoutCircuitBreaker_FailsFastAndKeepsTheRevisionWhenTheRollbackFails()
    {
        var completedBefore = Deployment("ecs-svc/1", "PRIMARY", "web:1", "COMPLETED", running: 1);
        var failing = Service([Deployment("ecs-svc/2", "PRIMARY", "web:2", "IN_PROGRESS", failed: 3), completedBefore], circuitBreaker: false);
        using var script = new ScriptedEcs
        {
            Describes =
            [
                Service([completedBefore], circuitBreaker: false),
                Service([Deployment("ecs-svc/2", "PRIMARY", "web:2", "IN_PROGRESS", failed: 1), completedBefore], circuitBreaker: false),
                failing,
                failing,
                Service([Deployment("ecs-svc/4", "PRIMARY", "web:1", "FAILED", reason: "ECS deployment ecs-svc/4 failed.", minute: 2)], circuitBreaker: false),
            ],
            Updates =
            [
                Service([Deployment("ecs-svc/2", "PRIMARY", "web:2", "IN_PROGRESS"), completedBefore], circuitBreaker: false),
                Service([Deployment("ecs-svc/4", "PRIMARY", "web:1", "IN_PROGRESS", minute: 2)], circuitBreaker: false),
            ],
        };
        using var ecs = script.Client();

        var result = await new Deployer(ecs).DeployAsync(Deploy(deregister: true) with { Timeout = TimeSpan.FromHours(1) });

        Assert.True(result.Wait!.Outcome == DeploymentOutcome.Failed, result.Describe());
        Assert.Contains("3 of its tasks failed to start or stopped (limit 3)", result.Wait.Reason);
        Assert.Equal([V2, V1], script.Bodies("UpdateService").Select(body => (string)body["taskDefinition"]!));
        Assert.True(result.Rollback is { Status: RollbackStatus.Failed, Deregistered: null }, result.Describe());
        Assert.DoesNotContain("DeregisterTaskDefinition", script.Operations);
    }

    [Fact]
    public async Task TestDeploy_ExternalController_FailsNamingItBeforeAnyChange()
    {
        using var script = new ScriptedEcs { Describes = [Service([Deployment("ecs-svc/1", "PRIMARY", "web:1", "COMPLETED", running: 1)], controller: "EXTERNAL")] };
        using var ecs = script.Client();

        var error = await Assert.ThrowsAsync<EcsDeployException>(() => new Deployer(ecs).DeployAsync(Deploy()));

        Assert.Contains("'web' in cluster 'default' uses the EXTERNAL deployment controller", error.Message);
        Assert.Contains("Deploy it with its external controller", error.Message);
        Assert.Equal(["DescribeServices"], script.Operations);
    }

    [Fact]
    public async Task TestDeploy_UpdateReturnsADeploymentListedBefore_FollowsNothing()
    {
        // Someone else's deployment already under way: ours is only one ECS did not list before our UpdateService.
        var theirs = Deployment("ecs-svc/9", "PRIMARY", "web:2", "IN_PROGRESS");
        var completed = Deployment("ecs-svc/1", "ACTIVE", "web:1", "COMPLETED", running: 1);
        using var script = new ScriptedEcs { Describes = [Service([theirs, completed])], Updates = [Service([theirs, completed])] };
        using var ecs = script.Client();

        var result = await new Deployer(ecs).DeployAsync(Deploy() with { DesiredCount = 2, Timeout = TimeSpan.FromSeconds(2) });

        Assert.True(result is { Status: DeployStatus.Unchanged, DeploymentId: null }, result.Describe());
        Assert.Contains("created no new deployment", result.Message);
        Assert.Equal(["DescribeServices", "UpdateService"], script.Operations);
    }
}
