using Slipway.Aws.Ecs;
using Slipway.EcsDeploy.Deployments;
using Slipway.EcsDeploy.Tests.Deployments.Infrastructure;
using Slipway.LocalAws.Tests.Ecs.Infrastructure;
using Xunit.Abstractions;

namespace Slipway.EcsDeploy.Tests.Deployments;

/// <summary>Deploy, Wait and Rollback against the local platform's ECS on the real Docker engine, checked over HTTP.</summary>
public sealed class DeployTest(LocalEcsFixture local, ITestOutputHelper output) : IClassFixture<LocalEcsFixture>
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(500);

    /// <summary>A service serving v1 (with or without the circuit breaker) and a registered v2 whose container exits at once.</summary>
    private async Task<(string Name, int Port, string V1, string Broken)> ServingV1WithBrokenV2Async(EcsClient ecs, string prefix, bool circuitBreaker)
    {
        var (name, port) = (LocalEcsFixture.UniqueName(prefix), HttpdImage.FreePort());
        var v1 = await local.RegisterAsync(ecs, name, "v1", port);
        await local.CreateServiceAsync(ecs, name, v1, circuitBreaker);
        return (name, port, v1, await local.RegisterAsync(ecs, name, "v2", port, broken: true));
    }

    [Fact]
    public async Task TestDeploy_GoodRevision_CompletesServesAndReportsEachEventOnce()
    {
        using var ecs = local.Client();
        var (name, port) = (LocalEcsFixture.UniqueName("good"), HttpdImage.FreePort());
        await local.CreateServiceAsync(ecs, name, await local.RegisterAsync(ecs, name, "v1", port));
        var eventsBefore = (await LocalEcsFixture.DescribeAsync(ecs, name)).Events.Select(e => e.Id).ToHashSet();
        var v2 = await local.RegisterAsync(ecs, name, "v2", port);
        var progress = new RecordingProgress();

        var result = await new Deployer(ecs).DeployAsync(new DeployRequest { Service = name, TaskDefinition = v2, Progress = progress });
        output.WriteLine(result.Describe());

        Assert.True(result.Status == DeployStatus.Deployed, result.Describe());
        Assert.Equal(v2, result.TaskDefinition);
        Assert.Equal(DeploymentOutcome.Completed, result.Wait!.Outcome);
        Assert.Null(result.Rollback);
        Assert.Equal("v2", await HttpdImage.GetVersionAsync(port));
        var reports = progress.Reports;
        Assert.All(reports, report => Assert.Equal(result.DeploymentId, report.DeploymentId));
        Assert.Equal("COMPLETED", reports[^1].RolloutState);
        Assert.Equal((1, 1), (reports[^1].Running, reports[^1].Desired));
        var reported = reports.SelectMany(report => report.NewEvents).Select(e => e.Id!).ToList();
        Assert.Equal(reported.Distinct().Count(), reported.Count);
        Assert.DoesNotContain(reported, eventsBefore.Contains);
        Assert.Contains(reports.SelectMany(report => report.NewEvents), e => e.Message!.Contains("has reached a steady state"));

        var again = await new Deployer(ecs).DeployAsync(new DeployRequest { Service = name, TaskDefinition = v2 });
        Assert.Equal(DeployStatus.Unchanged, again.Status);
        Assert.Contains("already runs", again.Message);
    }

    [Fact]
    public async Task TestDeploy_BrokenRevisionWithCircuitBreaker_FailsAlthoughTheServiceIsStableAgain()
    {
        using var ecs = local.Client();
        var (name, port, v1, broken) = await ServingV1WithBrokenV2Async(ecs, "breaker", circuitBreaker: true);

        var result = await new Deployer(ecs).DeployAsync(new DeployRequest { Service = name, TaskDefinition = broken, PollInterval = Poll });
        output.WriteLine(result.Describe());

        Assert.Equal(DeployStatus.Failed, result.Status);
        Assert.True(result.Wait!.Outcome is DeploymentOutcome.Superseded or DeploymentOutcome.Failed or DeploymentOutcome.Disappeared, result.Describe());
        Assert.True(result.Wait.RolledBackByCircuitBreaker, result.Describe());
        Assert.Contains("failed", result.Wait.Reason, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(result.Wait.LastEvents, e => e.Message!.Contains("Essential container in task exited"));
        Assert.True(result.Rollback is { Status: RollbackStatus.AlreadyOnTarget }, result.Describe());
        Assert.Equal(v1, result.Rollback!.TaskDefinition);
        Assert.Equal("v1", await HttpdImage.GetVersionAsync(port));
        var service = await LocalEcsFixture.DescribeAsync(ecs, name);
        Assert.Equal((v1, "COMPLETED"), (service.PrimaryDeployment!.TaskDefinition, service.PrimaryDeployment.RolloutState));
        Assert.Throws<DeploymentFailedException>(() => result.EnsureSucceeded());
    }

    [Fact]
    public async Task TestDeploy_BrokenRevisionWithoutCircuitBreaker_TimesOutAndRollsBackToTheLastCompletedRevision()
    {
        using var ecs = local.Client();
        var (name, port, v1, broken) = await ServingV1WithBrokenV2Async(ecs, "nobreaker", circuitBreaker: false);
        // A later revision registered but never deployed: "the previously registered revision" would be wrong.
        await local.RegisterAsync(ecs, name, "v3", port, broken: true);

        var result = await new Deployer(ecs).DeployAsync(new DeployRequest
        {
            Service = name, TaskDefinition = broken, Timeout = TimeSpan.FromSeconds(4), PollInterval = Poll, MaxFailedTasks = 0, // the timeout, not failing fast
        });
        output.WriteLine(result.Describe());

        Assert.Equal(DeployStatus.Failed, result.Status);
        Assert.True(result.Wait!.Outcome == DeploymentOutcome.TimedOut, result.Describe());
        Assert.Contains("did not complete within", result.Wait.Reason);
        Assert.True(result.Rollback is { Status: RollbackStatus.RolledBack }, result.Describe());
        Assert.Equal(v1, result.Rollback!.TaskDefinition);
        Assert.Equal("v1", await HttpdImage.GetVersionAsync(port));
        Assert.Equal(v1, (await LocalEcsFixture.DescribeAsync(ecs, name)).PrimaryDeployment!.TaskDefinition);
        Assert.Contains(broken.Split('/')[^1], result.Describe());
    }

    [Fact]
    public async Task TestDeploy_BrokenRevisionWithoutCircuitBreaker_FailsFastOnRepeatedTaskFailuresAndRollsBack()
    {
        using var ecs = local.Client();
        var (name, port, v1, broken) = await ServingV1WithBrokenV2Async(ecs, "failfast", circuitBreaker: false);

        // Without a circuit breaker ECS would start new tasks until the timeout; the breaker's threshold (3 for one task) ends the wait.
        var result = await new Deployer(ecs).DeployAsync(new DeployRequest
        {
            Service = name, TaskDefinition = broken, Timeout = TimeSpan.FromMinutes(10), PollInterval = Poll, DeregisterFailedRevision = true,
        });
        output.WriteLine(result.Describe());

        Assert.True(result.Wait!.Outcome == DeploymentOutcome.Failed, result.Describe());
        Assert.Contains("tasks failed to start or stopped (limit 3)", result.Wait.Reason);
        Assert.True(result.Rollback is { Status: RollbackStatus.RolledBack }, result.Describe());
        Assert.Equal("v1", await HttpdImage.GetVersionAsync(port));
        Assert.Equal(broken, result.Rollback!.Deregistered);
        Assert.Equal([v1], (await ecs.ListTaskDefinitionsAsync(new ListTaskDefinitionsRequest { FamilyPrefix = name, Status = "ACTIVE" })).TaskDefinitionArns);
    }

    [Fact]
    public async Task TestRollback_ByAPerson_GoesToTheGivenRevisionAndWithoutOneStaysOnTheCompletedPrimary()
    {
        using var ecs = local.Client();
        var (name, port) = (LocalEcsFixture.UniqueName("rollback"), HttpdImage.FreePort());
        var v1 = await local.RegisterAsync(ecs, name, "v1", port);
        await local.CreateServiceAsync(ecs, name, v1);
        var v2 = await local.RegisterAsync(ecs, name, "v2", port);
        Assert.True((await new Deployer(ecs).DeployAsync(new DeployRequest { Service = name, TaskDefinition = v2, PollInterval = Poll })).Succeeded);

        // Once a deployment completed, ECS lists only it: the last COMPLETED revision is the one serving, so nothing changes.
        var stay = await new Deployer(ecs).RollbackAsync(new RollbackRequest { Service = name, PollInterval = Poll });
        var back = await new Deployer(ecs).RollbackAsync(new RollbackRequest { Service = name, TaskDefinition = v1, PollInterval = Poll });

        Assert.True(stay.Status == RollbackStatus.AlreadyOnTarget, stay.Message);
        Assert.Equal(v2, stay.TaskDefinition);
        Assert.True(back.Status == RollbackStatus.RolledBack, back.Message);
        Assert.Equal("v1", await HttpdImage.GetVersionAsync(port));
        Assert.Equal(2, (await ecs.ListTaskDefinitionsAsync(new ListTaskDefinitionsRequest { FamilyPrefix = name, Status = "ACTIVE" })).TaskDefinitionArns.Count);
    }

    [Fact]
    public async Task TestDeploy_ConcurrentDeploymentBySomeoneElse_IsReportedSupersededAndNotFollowed()
    {
        using var ecs = local.Client();
        using var other = local.Client();
        var (name, port) = (LocalEcsFixture.UniqueName("concurrent"), HttpdImage.FreePort());
        await local.CreateServiceAsync(ecs, name, await local.RegisterAsync(ecs, name, "v1", port));
        var v2 = await local.RegisterAsync(ecs, name, "v2", port);
        var v3 = await local.RegisterAsync(ecs, name, "v3", port);
        string? theirs = null;
        var progress = new RecordingProgress(_ => theirs = other.UpdateServiceAsync(new UpdateServiceRequest { Service = name, TaskDefinition = v3 })
            .GetAwaiter().GetResult().Service!.PrimaryDeployment!.Id);

        var result = await new Deployer(ecs).DeployAsync(new DeployRequest { Service = name, TaskDefinition = v2, PollInterval = Poll, Progress = progress });
        output.WriteLine(result.Describe());

        Assert.Equal(DeployStatus.Failed, result.Status);
        Assert.True(result.Wait!.Outcome == DeploymentOutcome.Superseded, result.Describe());
        Assert.False(result.Wait.RolledBackByCircuitBreaker);
        Assert.Equal(theirs, result.Wait.Primary!.Id);
        Assert.Null(result.Rollback);
        Assert.All(progress.Reports, report => Assert.Equal(result.DeploymentId, report.DeploymentId));
        var wait = await new Deployer(ecs).WaitAsync(new WaitRequest { Service = name, DeploymentId = theirs!, Timeout = TimeSpan.FromSeconds(60), PollInterval = Poll });
        Assert.True(wait.Succeeded, wait.Reason);
        Assert.Equal("v3", await HttpdImage.GetVersionAsync(port));
    }

    [Fact]
    public async Task TestDeploy_DryRun_MakesNoMutatingCall()
    {
        using var ecs = local.Client();
        var (name, port) = (LocalEcsFixture.UniqueName("dryrun"), HttpdImage.FreePort());
        await local.CreateServiceAsync(ecs, name, await local.RegisterAsync(ecs, name, "v1", port));
        var v2 = await local.RegisterAsync(ecs, name, "v2", port);
        var before = (await LocalEcsFixture.DescribeAsync(ecs, name)).PrimaryDeployment!.Id;
        var handler = new RecordingHandler();
        using var recorded = local.Client(handler);

        var result = await new Deployer(recorded).DeployAsync(new DeployRequest { Service = name, TaskDefinition = v2, DryRun = true });
        output.WriteLine(result.Describe());
        var rollback = await new Deployer(recorded).RollbackAsync(new RollbackRequest { Service = name, TaskDefinition = v2, DryRun = true });

        Assert.Equal(DeployStatus.DryRun, result.Status);
        Assert.Contains(v2.Split('/')[^1], result.Message);
        Assert.Equal(RollbackStatus.DryRun, rollback.Status);
        Assert.Equal(["DescribeServices", "DescribeServices", "DescribeTaskDefinition"], handler.Operations); // a named rollback target is described first: reads only
        Assert.Equal(before, (await LocalEcsFixture.DescribeAsync(ecs, name)).PrimaryDeployment!.Id);
        Assert.Equal("v1", await HttpdImage.GetVersionAsync(port));
    }

    [Fact]
    public async Task TestDeploy_CodeDeployService_FailsNamingTheControllerBeforeAnyChange()
    {
        var handler = new RecordingHandler();
        using var ecs = local.Client(handler);
        var (name, port) = (LocalEcsFixture.UniqueName("codedeploy"), HttpdImage.FreePort());
        var v1 = await local.RegisterAsync(ecs, name, "v1", port);
        await local.CreateServiceAsync(ecs, name, v1, controller: "CODE_DEPLOY");
        var v2 = await local.RegisterAsync(ecs, name, "v2", port);

        var deploy = await Assert.ThrowsAsync<EcsDeployException>(() => new Deployer(ecs).DeployAsync(new DeployRequest { Service = name, TaskDefinition = v2 }));
        var rollback = await Assert.ThrowsAsync<EcsDeployException>(() => new Deployer(ecs).RollbackAsync(new RollbackRequest { Service = name, TaskDefinition = v1 }));

        foreach (var error in new[] { deploy, rollback })
        {
            Assert.Contains($"'{name}'", error.Message);
            Assert.Contains("CODE_DEPLOY deployment controller", error.Message);
        }

        Assert.DoesNotContain("UpdateService", handler.Operations);
    }

    [Fact]
    public async Task TestDeploy_MissingClusterOrService_FailsNamingItAndWhatExists()
    {
        using var ecs = local.Client();
        var cluster = LocalEcsFixture.UniqueName("cluster");
        await ecs.Transport.InvokeAsync("CreateCluster", new() { ["clusterName"] = cluster });

        var noCluster = await Assert.ThrowsAsync<EcsDeployException>(() =>
            new Deployer(ecs).DeployAsync(new DeployRequest { Cluster = "no-such-cluster", Service = "web", TaskDefinition = "web:1" }));
        var noService = await Assert.ThrowsAsync<EcsDeployException>(() =>
            new Deployer(ecs).WaitAsync(new WaitRequest { Cluster = cluster, Service = "no-such-service", DeploymentId = "ecs-svc/1" }));

        Assert.Contains("Cluster 'no-such-cluster' does not exist", noCluster.Message);
        Assert.Contains($"'{cluster}'", noCluster.Message);
        Assert.Contains("'default'", noCluster.Message);
        Assert.Contains($"Service 'no-such-service' does not exist in cluster '{cluster}'", noService.Message);
        Assert.Contains("Services there: none", noService.Message);
    }
}
