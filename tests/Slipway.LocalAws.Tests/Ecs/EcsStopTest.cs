using System.Text.Json.Nodes;
using Slipway.LocalAws.Tests.Ecs.Infrastructure;

namespace Slipway.LocalAws.Tests.Ecs;

/// <summary>
/// Stopping the platform while a task launch is in flight: the engine answers a create late (held by a proxy in front of the real
/// engine), and it carries the create out whether or not the platform still waits. Nothing the platform created may outlive its stop.
/// </summary>
public sealed class EcsStopTest(HttpdImage image) : IClassFixture<HttpdImage>
{
    private static readonly TimeSpan HoldLimit = TimeSpan.FromSeconds(60);

    // How long the engine keeps the create once the stop began: a platform that gave up on it has finished stopping by then.
    private static readonly TimeSpan EngineLag = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task TestStop_WhileTheEngineCreatesATaskContainer_LeavesNoLabelledContainer()
    {
        await using var engine = HoldingEngineProxy.Start(hold: "-web-");
        var ecs = new EcsHarness(dockerHost: engine.DockerHost);
        try
        {
            await ecs.RegisterHttpdAsync("stopped", image, "v1", HttpdImage.FreePort(), portMapping: false, command: ["/busybox", "sleep", "600"]);
            await ecs.CreateServiceAsync("stopped", "stopped:1");
            await engine.Held.WaitAsync(HoldLimit);

            await StopWhileHeldAsync(ecs, engine);
        }
        finally
        {
            await ecs.DisposeAsync();
        }

        await AssertNoContainerLeftAsync(ecs);
    }

    [Fact]
    public async Task TestStop_KeepingContainers_RemovesATaskHalfStarted()
    {
        // The second container's create is held: the first runs already, and no task record will own either.
        await using var engine = HoldingEngineProxy.Start(hold: "-sidecar-");
        var ecs = new EcsHarness(removeContainersOnShutdown: false, dockerHost: engine.DockerHost);
        try
        {
            await ecs.CallAsync("RegisterTaskDefinition", new JsonObject
            {
                ["family"] = "half",
                ["networkMode"] = "host",
                ["containerDefinitions"] = new JsonArray(Sleeper("web"), Sleeper("sidecar")),
            });
            await ecs.CreateServiceAsync("half", "half:1");
            await engine.Held.WaitAsync(HoldLimit);
            Assert.Single(await TestDocker.ContainersAsync($"slipway.ecs.platform={ecs.Service.PlatformId}"));

            await StopWhileHeldAsync(ecs, engine);
        }
        finally
        {
            await ecs.DisposeAsync();
        }

        await AssertNoContainerLeftAsync(ecs);
    }

    // Stops the platform, lets the engine carry out the held create a moment later, and returns once both are done.
    private static async Task StopWhileHeldAsync(EcsHarness ecs, HoldingEngineProxy engine)
    {
        var stopping = ecs.Service.StopAsync();
        await Task.WhenAny(stopping, Task.Delay(EngineLag));
        engine.Release();
        await stopping.WaitAsync(HoldLimit);
        await engine.Answered.WaitAsync(HoldLimit);
    }

    // Removes what a failing run left, so it does not linger on the shared engine.
    private static async Task AssertNoContainerLeftAsync(EcsHarness ecs)
    {
        var left = await TestDocker.ContainersAsync($"slipway.ecs.platform={ecs.Service.PlatformId}");
        if (left.Count > 0)
            await TestDocker.RunAsync(["rm", "--force", .. left]);
        Assert.Empty(left);
    }

    private JsonObject Sleeper(string name) => new()
    {
        ["name"] = name,
        ["image"] = image.Name,
        ["command"] = new JsonArray("/busybox", "sleep", "600"),
    };
}
