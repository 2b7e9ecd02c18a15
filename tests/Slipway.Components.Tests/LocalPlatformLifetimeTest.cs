using System.Text.Json.Nodes;
using Slipway.Aws.Ecs;
using Slipway.Components.Tests.Images;
using Slipway.LocalAws;

namespace Slipway.Components.Tests;

/// <summary>A build that deploys a web service to the local platform and says where it answers, and one that only looks at the platform.</summary>
public class LifetimeBuild : ServiceBuild
{
    public string Image { get; init; } = "";

    public Uri? Url { get; private set; }

    public Uri? Endpoint { get; private set; }

    public int HostProcessId { get; private set; }

    public Target RunWeb => _ => _.Executes(async ct =>
    {
        using var ecs = new EcsClient(await ((IHazAws)this).GetAwsOptionsAsync());
        await ecs.RegisterTaskDefinitionAsync(TaskDefinitionTemplate.Parse($$"""
            {
              "family": "web",
              "containerDefinitions": [{
                "name": "web", "image": "{{Image}}", "portMappings": [{ "containerPort": 8080 }],
                "command": ["/bin/busybox", "sh", "-c", "/bin/busybox mkdir -p /www && echo up > /www/index.html && exec /bin/busybox httpd -f -p 8080 -h /www"]
              }]
            }
            """, "web.json").ToRegisterRequest(), ct);
        await ecs.Transport.InvokeAsync("CreateService", new JsonObject { ["serviceName"] = "web", ["taskDefinition"] = "web:1", ["desiredCount"] = 1 }, ct);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((Url = (await EcsServiceEndpoint.FindAsync(ecs, null, "web", "web", 8080, ct))?.Url) is null && DateTime.UtcNow < deadline)
            await Task.Delay(100, ct);
    });

    public Target WherePlatform => _ => _.Executes(async ct =>
    {
        var platform = await ((IHazAws)this).GetLocalPlatformAsync();
        (Endpoint, HostProcessId) = (platform.Endpoint, platform.HostProcessId);
    });
}

/// <summary>--local-aws-keep: the platform outlives the build that started it, the next build attaches to it, StopLocalAws stops it and its containers.</summary>
public sealed class LocalPlatformLifetimeTest
{
    [Fact]
    public async Task TestKeptPlatform_ServiceAnswersAfterTheBuildAndStopLeavesNothing()
    {
        await using var repository = new ServiceRepository();
        var image = $"slipway-lifetime-test:{Guid.NewGuid():N}";
        var built = await repository.RunAsync("docker", ["build", "--quiet", "--tag", image, repository.Root]);
        Assert.True(built.Code == 0, built.Output);
        repository.Images.Add(image);
        repository.NewBuild = () => new LifetimeBuild { Image = image };
        try
        {
            var (code, output, build) = repository.Run("RunWeb", "--local-aws-keep", "true");
            Assert.True(code == 0, output);
            var url = ((LifetimeBuild)build).Url;
            Assert.NotNull(url);

            // The build is over and disposed of what it used; the service still answers.
            Assert.Equal("up", await GetAsync(url, TimeSpan.FromSeconds(10)));
            var runtime = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(repository.PlatformData, "runtime.json")))!;
            var host = (int)runtime["hostProcessId"]!;
            Assert.NotEqual(Environment.ProcessId, host);
            Assert.True(IsRunning(host), "the platform's host process is not running");
            Assert.Contains("keeps running after the build", output, StringComparison.Ordinal);

            var second = repository.Run("WherePlatform");
            Assert.True(second.Code == 0, second.Output);
            Assert.Equal(((string)runtime["endpoint"]!, host), (((LifetimeBuild)second.Build).Endpoint!.ToString(), ((LifetimeBuild)second.Build).HostProcessId));

            var platformId = (await File.ReadAllTextAsync(Path.Combine(repository.PlatformData, "ecs", "platform-id"))).Trim();
            var stop = repository.Run("StopLocalAws");
            Assert.True(stop.Code == 0, stop.Output);
            Assert.False(IsRunning(host), "the platform's host process outlived StopLocalAws");
            Assert.False(File.Exists(Path.Combine(repository.PlatformData, "runtime.json")));
            var containers = await repository.RunAsync("docker", ["ps", "--all", "--quiet", "--filter", $"label=slipway.ecs.platform={platformId}"]);
            Assert.Equal((0, ""), (containers.Code, containers.Output.Trim()));
            Assert.Null(await GetAsync(url, TimeSpan.Zero));
        }
        finally
        {
            // Never leave a host running, whatever failed above.
            await LocalAwsPlatform.StopDetachedAsync(repository.PlatformData);
        }
    }

    static bool IsRunning(int processId) => File.Exists($"/proc/{processId}/cmdline") && !File.ReadAllText($"/proc/{processId}/stat").Split(' ')[2].Equals("Z", StringComparison.Ordinal);

    static async Task<string?> GetAsync(Uri url, TimeSpan patience)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + patience;
        while (true)
        {
            try
            {
                return (await http.GetStringAsync(url)).Trim();
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                if (DateTime.UtcNow >= deadline)
                    return null;
                await Task.Delay(100);
            }
        }
    }
}
