using System.Diagnostics;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using Slipway.LocalAws.Ecs.Docker;
using Slipway.LocalAws.Tests.Ecs.Infrastructure;
using Slipway.LocalAws.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Slipway.LocalAws.Tests.Ecs;

/// <summary>What the engine API gives the local ECS: events that wake the scheduler, CMD health checks in images without a shell, pulls from the platform's own ECR without a login.</summary>
public sealed class EcsEngineTest(HttpdImage image, ITestOutputHelper output) : IClassFixture<HttpdImage>
{
    // Far longer than any wait here: only an engine event can make the scheduler notice a container that exited.
    private static readonly TimeSpan NoSafetyNet = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task TestKilledContainer_ServiceNoticesAndReplacesIt()
    {
        await using var ecs = new EcsHarness(reconcileInterval: NoSafetyNet);
        var port = HttpdImage.FreePort();
        await ecs.RegisterHttpdAsync("killed", image, "v1", port);
        await ecs.WaitForCompletedAsync("killed", await ecs.CreateServiceAsync("killed", "killed:1"));
        var killed = Assert.Single(await TestDocker.ContainersAsync($"slipway.ecs.platform={ecs.Service.PlatformId}"));

        var kill = await TestDocker.RunAsync("kill", killed);
        Assert.True(kill.ExitCode == 0, $"docker kill failed: {kill.StandardError}");
        var clock = Stopwatch.StartNew();
        var (noticed, _) = await ecs.WaitForServiceAsync("killed", "the task stopped", service => EcsHarness.Events(service).Any(message => message.Contains("stopped: Essential container", StringComparison.Ordinal)));
        output.WriteLine($"The exit showed in DescribeServices {clock.ElapsedMilliseconds} ms after 'docker kill' returned.");
        var (replaced, _) = await ecs.WaitForServiceAsync("killed", "a replacement running", service => (int)service["runningCount"]! == 1
            && EcsHarness.Events(service).Count(message => message.Contains("has started 1 tasks", StringComparison.Ordinal)) == 2);

        Assert.Contains(EcsHarness.Events(noticed), message => message.Contains("(container 'web' exited with code 137)", StringComparison.Ordinal));
        var replacement = Assert.Single(await TestDocker.ContainersAsync($"slipway.ecs.platform={ecs.Service.PlatformId}"));
        Assert.NotEqual(killed, replacement);
        Assert.True(await TestDocker.IsRunningAsync(replacement));
        Assert.Equal("v1", await HttpdImage.GetVersionAsync(port));
        Assert.Equal(1, (int)replaced["runningCount"]!);
    }

    [Fact]
    public async Task TestCmdHealthCheck_PassesInImageWithoutShell()
    {
        var shellless = $"slipway-ecs-test/shellless:{Guid.NewGuid():N}";
        await BuildShelllessImageAsync(shellless);
        try
        {
            var noShell = await TestDocker.RunAsync("run", "--rm", "--network", "none", "--label", $"slipway-test={Guid.NewGuid():N}", "--entrypoint", "/bin/sh", shellless, "-c", "true");
            Assert.True(noShell.ExitCode != 0, "The test image must not have /bin/sh, or it proves nothing.");

            await using var ecs = new EcsHarness();
            var port = HttpdImage.FreePort();
            var container = WebContainer(shellless, ["/busybox", "httpd", "-f", "-p", $"127.0.0.1:{port}", "-h", "/www"]);
            container["healthCheck"] = new JsonObject
            {
                ["command"] = new JsonArray("CMD", "/busybox", "wget", "-q", "-O", "/dev/null", $"http://127.0.0.1:{port}/"),
                ["interval"] = 5,
                ["retries"] = 2,
            };
            await ecs.CallAsync("RegisterTaskDefinition", TaskDefinition("shellless", container));

            // Completing needs the container healthy: Docker ran the check without a shell.
            await ecs.WaitForCompletedAsync("shellless", await ecs.CreateServiceAsync("shellless", "shellless:1"));
            var started = Assert.Single(await TestDocker.ContainersAsync($"slipway.ecs.platform={ecs.Service.PlatformId}"));
            var health = await TestDocker.RunAsync("inspect", "--format", "{{json .Config.Healthcheck.Test}} {{.State.Health.Status}}", started);

            Assert.Equal($"[\"CMD\",\"/busybox\",\"wget\",\"-q\",\"-O\",\"/dev/null\",\"http://127.0.0.1:{port}/\"] healthy", health.Text);
        }
        finally
        {
            await TestDocker.RunAsync("rmi", "--force", shellless);
        }
    }

    [Fact]
    public async Task TestImageInPlatformEcr_IsPulledWithoutDockerLogin()
    {
        var platform = new TestPlatform();
        await platform.InitializeAsync();
        var dockerConfig = Directory.CreateTempSubdirectory("slipway-docker-config-").FullName;
        string? pushed = null;
        try
        {
            var account = platform.Development;
            var credentials = new ImmutableCredentials(account.AccessKeyId, account.SecretAccessKey, null);
            var ecr = platform.Ecr(account);
            await ecr.InvokeAsync("CreateRepository", new JsonObject { ["repositoryName"] = "pulled" });
            var registry = platform.Platform.RegistryEndpoint(account.Id).Authority;
            pushed = $"{registry}/pulled:{Guid.NewGuid():N}";
            using (var pusher = await RegistryPusher.SignInAsync(ecr))
            {
                // The test's own login, in a throwaway CLI config: the engine keeps no credentials, so its pull must bring its own.
                await DockerAsync("--config", dockerConfig, "login", "--username", "AWS", "--password", pusher.Password, registry);
            }

            await DockerAsync("tag", image.Name, pushed);
            await DockerAsync("--config", dockerConfig, "push", pushed);
            await DockerAsync("rmi", pushed);
            var ecs = new AwsJsonClient(platform.Platform.Endpoint, platform.Platform.Region, credentials) { Service = "ecs", TargetPrefix = "AmazonEC2ContainerServiceV20141113" };
            var port = HttpdImage.FreePort();
            var container = WebContainer(pushed, HttpdImage.ServeCommand);
            container["environment"] = new JsonArray(new JsonObject { ["name"] = "VERSION", ["value"] = "pulled" }, new JsonObject { ["name"] = "PORT", ["value"] = port.ToString() });
            await ecs.InvokeAsync("RegisterTaskDefinition", TaskDefinition("pulled", container));
            await ecs.InvokeAsync("CreateService", new JsonObject { ["serviceName"] = "pulled", ["taskDefinition"] = "pulled:1", ["desiredCount"] = 1 });

            var service = await WaitForRunningAsync(ecs, "pulled");

            Assert.Equal(1, (int)service["runningCount"]!);
            Assert.Equal("pulled", await HttpdImage.GetVersionAsync(port));
        }
        finally
        {
            await platform.DisposeAsync();
            if (pushed is not null)
                await TestDocker.RunAsync("rmi", "--force", pushed);
            Directory.Delete(dockerConfig, recursive: true);
        }
    }

    [Fact]
    public async Task TestStreamEvents_SinceReplaysEventsFromBeforeTheStream()
    {
        var platformId = $"test-{Guid.NewGuid():N}";
        using var engine = new DockerEngine(null);
        var before = ContainerEventTime.Of(DateTimeOffset.UtcNow - TimeSpan.FromSeconds(1));
        var request = new ContainerCreateRequest($"slipway-events-{platformId}", image.Name, null, ["/busybox", "false"], [],
            new Dictionary<string, string> { [ContainerLabels.Platform] = platformId }, null, null, null, null);
        var id = await engine.RunAsync(request, null, CancellationToken.None);
        try
        {
            while ((await engine.InspectAsync(id, CancellationToken.None)).IsRunning)
                await Task.Delay(50);

            // The container died before the stream opened: only "since" can bring its event back, as after a reconnect.
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            var seen = new List<ContainerEvent>();
            var stream = engine.StreamEventsAsync(platformId, before, containerEvent =>
            {
                seen.Add(containerEvent);
                if (containerEvent.Action == "die")
                    stop.Cancel();
            }, stop.Token);
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => stream);

            var died = Assert.Single(seen, containerEvent => containerEvent.Action == "die");
            Assert.Equal((id, 1), (died.ContainerId, died.ExitCode));
        }
        finally
        {
            await engine.RemoveAsync(id, CancellationToken.None);
        }

        await Assert.ThrowsAsync<ContainerNotFoundException>(() => engine.RemoveAsync(id, CancellationToken.None));
    }

    private static JsonObject WebContainer(string image, IEnumerable<string> command) =>
        new() { ["name"] = "web", ["image"] = image, ["command"] = new JsonArray([.. command.Select(part => (JsonNode)part)]) };

    private static JsonObject TaskDefinition(string family, JsonObject container) =>
        new() { ["family"] = family, ["networkMode"] = "host", ["containerDefinitions"] = new JsonArray(container) };

    private static async Task<JsonObject> WaitForRunningAsync(AwsJsonClient ecs, string name)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var service = (await ecs.InvokeAsync("DescribeServices", new JsonObject { ["services"] = new JsonArray(name) }))["services"]![0]!.AsObject();
            var events = service["events"]!.AsArray().Select(serviceEvent => (string)serviceEvent!["message"]!).ToList();
            Assert.DoesNotContain(events, message => message.Contains("CannotPullContainerError", StringComparison.Ordinal));
            if ((int)service["runningCount"]! == 1)
                return service;
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"Service '{name}' did not run within 60 s: {service.ToJsonString()}");
            await Task.Delay(100);
        }
    }

    private static async Task BuildShelllessImageAsync(string name)
    {
        await TestDocker.RequireEngineAsync();
        var context = Directory.CreateTempSubdirectory("slipway-ecs-shellless-").FullName;
        try
        {
            File.Copy(HttpdImage.Busybox, Path.Combine(context, "busybox"));
            Directory.CreateDirectory(Path.Combine(context, "www"));
            await File.WriteAllTextAsync(Path.Combine(context, "www", "index.html"), "no shell here\n");
            await File.WriteAllTextAsync(Path.Combine(context, "Dockerfile"), "FROM scratch\nCOPY busybox /busybox\nCOPY www /www\n");
            await DockerAsync("build", "--quiet", "--no-cache", "--tag", name, context); // --no-cache: see HttpdImage
        }
        finally
        {
            Directory.Delete(context, recursive: true);
        }
    }

    private static async Task DockerAsync(params string[] arguments)
    {
        var result = await TestDocker.RunAsync(arguments);
        Assert.True(result.ExitCode == 0, $"docker {arguments[0]} failed: {result.StandardError}");
    }
}
