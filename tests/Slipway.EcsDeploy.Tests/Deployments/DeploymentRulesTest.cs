using Slipway.Aws.Ecs;
using Slipway.EcsDeploy.Deployments;

namespace Slipway.EcsDeploy.Tests.Deployments;

/// <summary>The decisions Deploy, Wait and Rollback make from one DescribeServices answer, on hand-made services (no engine).</summary>
public sealed class DeploymentRulesTest
{
    private const string Old = "arn:aws:ecs:us-east-1:111111111111:task-definition/web:1";
    private const string New = "arn:aws:ecs:us-east-1:111111111111:task-definition/web:2";

    private static ServiceDeployment Deployment(string id, string status, string taskDefinition, string rolloutState, int minutesAgo = 0) => new()
    {
        Id = id, Status = status, TaskDefinition = taskDefinition, RolloutState = rolloutState, DesiredCount = 1,
        RolloutStateReason = $"ECS deployment {id} {rolloutState.ToLowerInvariant()}.", CreatedAt = DateTimeOffset.UnixEpoch.AddMinutes(100 - minutesAgo),
    };

    private static (DeploymentOutcome, string)? Judge(ServiceDeployment? deployment, ServiceDeployment? primary, bool gone = false, bool timedOut = false) =>
        Deployer.Judge("ecs-svc/2", deployment, gone, primary, null, timedOut, TimeSpan.FromSeconds(5));

    [Fact]
    public void TestJudge_PrimaryInProgress_KeepsWaitingUntilTheTimeout()
    {
        var ours = Deployment("ecs-svc/2", "PRIMARY", New, "IN_PROGRESS");
        Assert.Null(Judge(ours, ours));
        // Every task running is "stable", not completed: a bake time keeps the deployment IN_PROGRESS.
        var stable = ours with { RunningCount = 1 };
        Assert.Null(Judge(stable, stable));
        var (outcome, reason) = Judge(ours, ours, timedOut: true)!.Value;
        Assert.Equal(DeploymentOutcome.TimedOut, outcome);
        Assert.Contains("ECS says: ECS deployment ecs-svc/2 in_progress.", reason);
    }

    [Fact]
    public void TestJudge_NoRolloutState_CompletesOnlyAsTheOnlyDeploymentRunningEveryTask()
    {
        // ECS leaves rolloutState out for services behind a Classic Load Balancer.
        var ours = Deployment("ecs-svc/2", "PRIMARY", New, "IN_PROGRESS") with { RolloutState = null, RolloutStateReason = null, RunningCount = 1 };
        Judge("ecs-svc/2", ours, alone: true, out var outcome);
        Assert.Equal(DeploymentOutcome.Completed, outcome);
        Judge("ecs-svc/2", ours, alone: false, out outcome);
        Assert.Null(outcome);
        Judge("ecs-svc/2", ours with { RunningCount = 0 }, alone: true, out outcome);
        Assert.Null(outcome);

        static void Judge(string id, ServiceDeployment deployment, bool alone, out DeploymentOutcome? outcome) =>
            outcome = Deployer.Judge(id, deployment, false, deployment, null, false, TimeSpan.FromMinutes(1), alone: alone)?.Outcome;
    }

    [Fact]
    public void TestJudge_RepeatedTaskFailures_FailAtTheLimitOnly()
    {
        var failing = Deployment("ecs-svc/2", "PRIMARY", New, "IN_PROGRESS") with { FailedTasks = 3 };
        Assert.Null(Deployer.Judge("ecs-svc/2", failing with { FailedTasks = 2 }, false, failing, null, false, TimeSpan.FromMinutes(10), failedTasksLimit: 3));
        Assert.Null(Deployer.Judge("ecs-svc/2", failing, false, failing, null, false, TimeSpan.FromMinutes(10), failedTasksLimit: null));
        var oneRuns = failing with { RunningCount = 1 }; // ECS stops counting once a task of the deployment runs
        Assert.Null(Deployer.Judge("ecs-svc/2", oneRuns, false, oneRuns, null, false, TimeSpan.FromMinutes(10), failedTasksLimit: 3));
        var (outcome, reason) = Deployer.Judge("ecs-svc/2", failing, false, failing, null, false, TimeSpan.FromMinutes(10), failedTasksLimit: 3)!.Value;
        Assert.Equal(DeploymentOutcome.Failed, outcome);
        Assert.Contains("3 of its tasks failed", reason);
    }

    [Fact]
    public void TestFailedTasksLimit_TheCircuitBreakersThresholdUnlessTheBreakerIsOnOrTheCallerSaid()
    {
        var breaker = new EcsService { DeploymentConfiguration = new DeploymentConfiguration { DeploymentCircuitBreaker = new DeploymentCircuitBreaker(true, true) } };
        var none = new EcsService();
        ServiceDeployment Desired(int count) => Deployment("ecs-svc/2", "PRIMARY", New, "IN_PROGRESS") with { DesiredCount = count };
        Assert.Null(Deployer.FailedTasksLimit(null, breaker, Desired(1)));
        Assert.Equal([3, 3, 5, 200], new[] { 1, 6, 9, 1000 }.Select(count => Deployer.FailedTasksLimit(null, none, Desired(count))));
        Assert.Null(Deployer.FailedTasksLimit(0, none, Desired(1)));
        Assert.Equal(7, Deployer.FailedTasksLimit(7, breaker, Desired(1)));
    }

    [Fact]
    public void TestMayDeregister_OnlyTheFailedRevisionNeverOneThatServes()
    {
        var primary = Deployment("ecs-svc/3", "PRIMARY", Old, "COMPLETED");
        Assert.Equal(New, Deployer.MayDeregister(New, Old, primary));
        Assert.Null(Deployer.MayDeregister(null, Old, primary));
        Assert.Null(Deployer.MayDeregister("web:1", Old, primary)); // the target
        Assert.Null(Deployer.MayDeregister(New, "web:3", Deployment("ecs-svc/4", "PRIMARY", New, "COMPLETED"))); // what the PRIMARY serves
    }

    [Fact]
    public void TestJudge_CompletedOrFailedWhilePrimary()
    {
        var completed = Deployment("ecs-svc/2", "PRIMARY", New, "COMPLETED");
        var failed = Deployment("ecs-svc/2", "PRIMARY", New, "FAILED");
        Assert.Equal(DeploymentOutcome.Completed, Judge(completed, completed)!.Value.Item1);
        var (outcome, reason) = Judge(failed, failed)!.Value;
        Assert.Equal(DeploymentOutcome.Failed, outcome);
        Assert.Contains("ECS deployment ecs-svc/2 failed.", reason);
    }

    [Fact]
    public void TestJudge_AnotherPrimary_IsSupersededEvenWhenThatOneCompleted()
    {
        // The circuit breaker's rollback: the old revision is PRIMARY and COMPLETED, the service is stable, ours FAILED.
        var ours = Deployment("ecs-svc/2", "ACTIVE", New, "FAILED");
        var rollback = Deployment("ecs-svc/3", "PRIMARY", Old, "COMPLETED");
        var (outcome, reason) = Judge(ours, rollback)!.Value;
        Assert.Equal(DeploymentOutcome.Superseded, outcome);
        Assert.Contains("ecs-svc/3 of web:1", reason);
        Assert.True(Deployer.CircuitBreakerTookOver(outcome, ours, null));
        // Someone else's deployment: superseded, but not by the circuit breaker.
        var theirs = Deployment("ecs-svc/4", "PRIMARY", New, "IN_PROGRESS");
        var stillOurs = Deployment("ecs-svc/2", "ACTIVE", New, "IN_PROGRESS");
        Assert.False(Deployer.CircuitBreakerTookOver(Judge(stillOurs, theirs)!.Value.Item1, stillOurs, null));
    }

    [Fact]
    public void TestJudge_Gone_IsDisappearedWithWhatWasLastSeen()
    {
        var lastSeen = Deployment("ecs-svc/2", "PRIMARY", New, "IN_PROGRESS");
        var primary = Deployment("ecs-svc/3", "PRIMARY", Old, "COMPLETED");
        var (outcome, reason) = Judge(lastSeen, primary, gone: true)!.Value;
        Assert.Equal(DeploymentOutcome.Disappeared, outcome);
        Assert.Contains("Last seen IN_PROGRESS", reason);
        var failedEvent = new ServiceEvent { Id = "1", Message = "(service web) (deployment ecs-svc/2) deployment failed: tasks failed to start." };
        Assert.True(Deployer.CircuitBreakerTookOver(outcome, lastSeen, failedEvent));
        Assert.False(Deployer.CircuitBreakerTookOver(outcome, lastSeen, null));
    }

    [Fact]
    public void TestRollbackTarget_IsTheLastCompletedDeploymentNotTheLatestRevision()
    {
        var service = new EcsService
        {
            Deployments = [Deployment("ecs-svc/2", "PRIMARY", New, "IN_PROGRESS"), Deployment("ecs-svc/1", "ACTIVE", Old, "COMPLETED", minutesAgo: 5)],
        };
        Assert.Equal(Old, Deployer.RollbackTarget(service));
        // The circuit breaker rolling back: ECS dropped the COMPLETED deployment and started one of its revision.
        var rollingBack = new EcsService
        {
            Deployments = [Deployment("ecs-svc/3", "PRIMARY", Old, "IN_PROGRESS"), Deployment("ecs-svc/2", "ACTIVE", New, "FAILED", minutesAgo: 1)],
        };
        Assert.Equal(Old, Deployer.RollbackTarget(rollingBack));
        Assert.Null(Deployer.RollbackTarget(new EcsService { Deployments = [Deployment("ecs-svc/2", "PRIMARY", New, "IN_PROGRESS")] }));
    }

    [Fact]
    public void TestChooseStrategy_SameRevisionIsUnchangedUnlessForcedOrScaled()
    {
        var service = new EcsService { TaskDefinition = Old, DesiredCount = 1, Deployments = [Deployment("ecs-svc/1", "PRIMARY", Old, "COMPLETED")] };
        Assert.Equal(Deployer.DeployStrategy.Unchanged, Deployer.ChooseStrategy(service, new DeployRequest { Service = "web", TaskDefinition = "web:1" }));
        Assert.Equal(Deployer.DeployStrategy.Unchanged, Deployer.ChooseStrategy(service, new DeployRequest { Service = "web", TaskDefinition = Old }));
        Assert.Equal(Deployer.DeployStrategy.Update, Deployer.ChooseStrategy(service, new DeployRequest { Service = "web", TaskDefinition = "web:2" }));
        Assert.Equal(Deployer.DeployStrategy.Update, Deployer.ChooseStrategy(service, new DeployRequest { Service = "web", TaskDefinition = "web:1", DesiredCount = 2 }));
        Assert.Equal(Deployer.DeployStrategy.ForceNewDeployment,
            Deployer.ChooseStrategy(service, new DeployRequest { Service = "web", TaskDefinition = "web:1", ForceNewDeployment = true }));
        Assert.False(Deployer.SameRevision(Old, "web:11"));
    }

    [Fact]
    public void TestShouldRollBack_NotAfterSomeoneElsesDeployment()
    {
        DeploymentWaitResult Wait(DeploymentOutcome outcome, bool circuitBreaker = false) =>
            new() { Outcome = outcome, DeploymentId = "ecs-svc/2", Reason = "", RolledBackByCircuitBreaker = circuitBreaker };
        Assert.True(Deployer.ShouldRollBack(Wait(DeploymentOutcome.Failed)));
        Assert.True(Deployer.ShouldRollBack(Wait(DeploymentOutcome.TimedOut)));
        Assert.True(Deployer.ShouldRollBack(Wait(DeploymentOutcome.Disappeared, circuitBreaker: true)));
        Assert.False(Deployer.ShouldRollBack(Wait(DeploymentOutcome.Superseded)));
        Assert.False(Deployer.ShouldRollBack(Wait(DeploymentOutcome.Disappeared)));
    }
}
