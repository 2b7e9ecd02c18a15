using System.Text.Json.Nodes;
using Slipway.LocalAws.Ecs.Docker;

namespace Slipway.LocalAws.Tests.Ecs;

/// <summary>The translation of a container definition to the engine's create request.</summary>
public sealed class ContainerCreateRequestTest
{
    [Fact]
    public void TestFor_TranslatesContainerDefinition()
    {
        var container = JsonNode.Parse("""
            {
              "name": "web", "image": "example/web:1",
              "entryPoint": ["/bin/sh", "-c"], "command": ["exec httpd"],
              "environment": [{"name": "MODE", "value": "a b"}],
              "workingDirectory": "/srv", "user": "1000", "stopTimeout": 7, "dockerLabels": {"team": "checkout", "slipway.ecs.task": "forged"},
              "healthCheck": {"command": ["CMD", "wget", "-q", "it's"], "interval": 10, "retries": 2, "startPeriod": 5}
            }
            """)!.AsObject();

        var request = ContainerCreateRequest.For(container, "ecs-web-1-web-t1", new Dictionary<string, string> { ["slipway.ecs.task"] = "t1" });

        Assert.Equal(("ecs-web-1-web-t1", "example/web:1", "/srv", "1000", TimeSpan.FromSeconds(7)), (request.Name, request.Image, request.WorkingDirectory, request.User, request.StopTimeout));
        Assert.Equal(["/bin/sh", "-c"], request.EntryPoint);
        Assert.Equal(["exec httpd"], request.Command);
        Assert.Equal(["MODE=a b"], request.Environment);
        // The platform's labels win over the definition's own, so a task cannot pass for another.
        Assert.Equal(new Dictionary<string, string> { ["team"] = "checkout", ["slipway.ecs.task"] = "t1" }, request.Labels);
        // The health check goes to the engine as ECS wrote it: no quoting into a shell command.
        Assert.Equal(["CMD", "wget", "-q", "it's"], request.HealthCheck!.Command);
        Assert.Equal((TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(5), 2, TimeSpan.FromSeconds(5)),
            (request.HealthCheck.Interval, request.HealthCheck.Timeout, request.HealthCheck.Retries, request.HealthCheck.StartPeriod));
    }

    [Fact]
    public void TestFor_ShellHealthCheckAndNoEntryPoint()
    {
        var container = JsonNode.Parse("""
            {"name": "web", "image": "example/web:1", "entryPoint": [], "healthCheck": {"command": ["CMD-SHELL", "curl -f http://127.0.0.1/ || exit 1"]}}
            """)!.AsObject();

        var request = ContainerCreateRequest.For(container, "n", new Dictionary<string, string>());

        Assert.Null(request.EntryPoint);
        Assert.Null(request.Command);
        Assert.Null(request.StopTimeout);
        Assert.Equal(["CMD-SHELL", "curl -f http://127.0.0.1/ || exit 1"], request.HealthCheck!.Command);
        Assert.Equal((TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(5), 3, (TimeSpan?)null),
            (request.HealthCheck.Interval, request.HealthCheck.Timeout, request.HealthCheck.Retries, request.HealthCheck.StartPeriod));
    }

    [Theory]
    [InlineData("127.0.0.1:5000/web:1", "127.0.0.1:5000")]
    [InlineData("localhost/web", "localhost")]
    [InlineData("registry.example.com/team/web@sha256:abc", "registry.example.com")]
    [InlineData("team/web:1", null)]
    [InlineData("web", null)]
    public void TestRegistryHost_ReadsNamesAsDockerDoes(string image, string? host)
    {
        Assert.Equal(host, RegistryCredential.RegistryHost(image));
    }

    [Fact]
    public void TestEventTime_IsWrittenAsSecondsDotNanoseconds()
    {
        Assert.Equal("1700000000.000000042", new ContainerEventTime(1_700_000_000_000_000_042).ToString());
        Assert.Equal(new ContainerEventTime(1_700_000_000_500_000_000), ContainerEventTime.Of(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_500)));
    }
}
