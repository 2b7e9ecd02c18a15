using System.Globalization;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using Slipway.LocalAws.Tests.Ecs.Infrastructure;
using Slipway.LocalAws.Tests.Infrastructure;
using Slipway.Tooling;

namespace Slipway.LocalAws.Tests;

/// <summary>A platform in a process of its own: started detached, attached to again, and stopped with its containers even after its host was killed.</summary>
public sealed class DetachedPlatformTest(HttpdImage image) : IClassFixture<HttpdImage>, IAsyncLifetime
{
    private readonly string _data = Directory.CreateTempSubdirectory("slipway-local-aws-detached-").FullName;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        // Never leave a host, a registry or a container behind, whatever the test did.
        await LocalAwsPlatform.StopDetachedAsync(_data);
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task TestDetached_AttachesAgainAndStopRemovesWhatAKilledHostLeft()
    {
        LocalAwsAccount development;
        int host;
        await using (var platform = await LocalAwsPlatform.StartDetachedAsync(new LocalAwsOptions { DataDirectory = _data }))
        {
            Assert.True(platform.IsAttached);
            Assert.NotEqual(Environment.ProcessId, platform.HostProcessId);
            host = platform.HostProcessId;
            development = platform.Account("development");
            await using var again = await LocalAwsPlatform.StartDetachedAsync(new LocalAwsOptions { DataDirectory = _data });
            Assert.Equal((platform.Endpoint, host, platform.RegistryEndpoint("production")), (again.Endpoint, again.HostProcessId, again.RegistryEndpoint("production")));

            var ecs = new AwsJsonClient(platform.Endpoint, platform.Region, new ImmutableCredentials(development.AccessKeyId, development.SecretAccessKey, null))
            {
                Service = "ecs", TargetPrefix = "AmazonEC2ContainerServiceV20141113",
            };
            await ecs.InvokeAsync("RegisterTaskDefinition", new JsonObject
            {
                ["family"] = "kept",
                ["containerDefinitions"] = new JsonArray(new JsonObject { ["name"] = "web", ["image"] = image.Name, ["command"] = new JsonArray("/busybox", "sleep", "600") }),
            });
            await ecs.InvokeAsync("CreateService", new JsonObject { ["serviceName"] = "kept", ["taskDefinition"] = "kept:1", ["desiredCount"] = 1 });
        }

        // Disposing the attached object left the host running.
        Assert.True(ProcessProbe.IsRunning(host, "slipway-local-aws"));
        var label = $"slipway.ecs.platform={(await File.ReadAllTextAsync(Path.Combine(_data, "ecs", "platform-id"))).Trim()}";
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await TestDocker.ContainersAsync(label)).Count == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the detached platform started no task container");
            await Task.Delay(100);
        }

        await ToolRunner.RunAsync(new ToolInvocation("kill", "-KILL", host.ToString(CultureInfo.InvariantCulture)));
        var said = await LocalAwsPlatform.StopDetachedAsync(_data);

        Assert.StartsWith("Stopped the local AWS platform at ", said, StringComparison.Ordinal);
        Assert.Empty(await TestDocker.ContainersAsync(label));
        Assert.False(File.Exists(Path.Combine(_data, "runtime.json")));
        Assert.Null(await LocalAwsPlatform.AttachAsync(_data));
    }
}
