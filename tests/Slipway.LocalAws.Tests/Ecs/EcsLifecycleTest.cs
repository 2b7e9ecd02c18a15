using System.Text.Json.Nodes;
using Slipway.LocalAws.Tests.Ecs.Infrastructure;

namespace Slipway.LocalAws.Tests.Ecs;

/// <summary>What outlives a call: state and containers across a restart, deleting a service, shutting the platform down, and a missing engine.</summary>
public sealed class EcsLifecycleTest(HttpdImage image) : IClassFixture<HttpdImage>
{
    [Fact]
    public async Task TestRestart_AdoptsContainersKeptRunning()
    {
        var directory = Directory.CreateTempSubdirectory("slipway-ecs-restart-").FullName;
        var port = HttpdImage.FreePort();
        try
        {
            string platform;
            int eventsBefore;
            await using (var before = new EcsHarness(directory, removeContainersOnShutdown: false))
            {
                platform = before.Service.PlatformId;
                await before.RegisterHttpdAsync("kept", image, "v1", port);
                var completed = await before.WaitForCompletedAsync("kept", await before.CreateServiceAsync("kept", "kept:1"));
                eventsBefore = EcsHarness.Events(completed).Count;
            }

            var running = Assert.Single(await TestDocker.ContainersAsync($"slipway.ecs.platform={platform}"));
            Assert.True(await TestDocker.IsRunningAsync(running));
            await using (var after = new EcsHarness(directory))
            {
                // A new steady-state event says the reconciler has watched the adopted task run; nothing was started for it.
                var (service, _) = await after.WaitForServiceAsync("kept", "steady again", service => EcsHarness.Events(service).Count > eventsBefore
                    && EcsHarness.Events(service)[0] == "(service kept) has reached a steady state.");

                Assert.DoesNotContain(EcsHarness.Events(service).Take(EcsHarness.Events(service).Count - eventsBefore), message => message.Contains("has started", StringComparison.Ordinal));
                Assert.Equal(1, (int)service["runningCount"]!);
                Assert.Equal(platform, after.Service.PlatformId);
                Assert.Equal([running], await TestDocker.ContainersAsync($"slipway.ecs.platform={platform}"));
                Assert.Equal("v1", await HttpdImage.GetVersionAsync(port));
                Assert.Equal(EcsHarness.TaskDefinitionArn("kept", 1), (string?)service["taskDefinition"]);
            }

            Assert.Empty(await TestDocker.ContainersAsync($"slipway.ecs.platform={platform}"));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task TestRestart_StartsTasksRemovedAtShutdown()
    {
        var directory = Directory.CreateTempSubdirectory("slipway-ecs-restart-").FullName;
        var port = HttpdImage.FreePort();
        try
        {
            string platform;
            await using (var before = new EcsHarness(directory))
            {
                platform = before.Service.PlatformId;
                await before.RegisterHttpdAsync("restarted", image, "v1", port);
                await before.WaitForCompletedAsync("restarted", await before.CreateServiceAsync("restarted", "restarted:1"));
            }

            Assert.Empty(await TestDocker.ContainersAsync($"slipway.ecs.platform={platform}"));
            Assert.Null(await HttpdImage.GetVersionAsync(port, patience: TimeSpan.Zero));
            await using var after = new EcsHarness(directory);
            await after.WaitForServiceAsync("restarted", "running again", service => (int)service["runningCount"]! == 1);

            Assert.Equal("v1", await HttpdImage.GetVersionAsync(port));
            Assert.Single(await TestDocker.ContainersAsync($"slipway.ecs.platform={platform}"));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task TestDeleteService_StopsItsContainers()
    {
        await using var ecs = new EcsHarness();
        var port = HttpdImage.FreePort();
        await ecs.RegisterHttpdAsync("deleted", image, "v1", port);
        await ecs.WaitForCompletedAsync("deleted", await ecs.CreateServiceAsync("deleted", "deleted:1"));

        await ecs.CallAsync("DeleteService", new JsonObject { ["service"] = "deleted", ["force"] = true });
        await ecs.WaitForServiceAsync("deleted", "INACTIVE", service => (string?)service["status"] == "INACTIVE");
        var listed = await ecs.CallAsync("ListServices", []);

        Assert.Empty(await TestDocker.ContainersAsync($"slipway.ecs.platform={ecs.Service.PlatformId}"));
        Assert.Empty(listed["serviceArns"]!.AsArray());
        Assert.Null(await HttpdImage.GetVersionAsync(port, patience: TimeSpan.Zero));
    }

    [Fact]
    public async Task TestDispose_LeavesNoLabelledContainers()
    {
        var ecs = new EcsHarness();
        try
        {
            await ecs.RegisterHttpdAsync("disposed", image, "v1", HttpdImage.FreePort(), portMapping: false, command: ["/busybox", "sleep", "600"]);
            await ecs.CallAsync("CreateService", new JsonObject { ["serviceName"] = "disposed", ["taskDefinition"] = "disposed:1", ["desiredCount"] = 2 });
            await ecs.WaitForServiceAsync("disposed", "two running", service => (int)service["runningCount"]! == 2);
            Assert.Equal(2, (await TestDocker.ContainersAsync($"slipway.ecs.platform={ecs.Service.PlatformId}")).Count);
        }
        finally
        {
            await ecs.DisposeAsync();
        }

        Assert.Empty(await TestDocker.ContainersAsync($"slipway.ecs.platform={ecs.Service.PlatformId}"));
    }

    [Fact]
    public async Task TestMissingEngine_ErrorNamesDockerHostAndDockerd()
    {
        await using var ecs = new EcsHarness(dockerHost: "unix:///nonexistent/docker.sock");
        await ecs.RegisterHttpdAsync("no-engine", image, "v1", HttpdImage.FreePort());

        var error = await ecs.FailAsync("CreateService", new JsonObject { ["serviceName"] = "s", ["taskDefinition"] = "no-engine:1", ["desiredCount"] = 1 }, "ServerException");
        var check = await Assert.ThrowsAsync<InvalidOperationException>(() => ecs.Service.EnsureDockerEngineAsync());

        Assert.Equal(500, error.StatusCode);
        Assert.Contains("DOCKER_HOST is 'unix:///nonexistent/docker.sock'", error.Message);
        Assert.Contains("dockerd --storage-driver=vfs", error.Message);
        Assert.Equal(error.Message, check.Message);
    }
}
