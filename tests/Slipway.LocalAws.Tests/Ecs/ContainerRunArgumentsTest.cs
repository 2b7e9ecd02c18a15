using System.Text.Json.Nodes;
using Slipway.LocalAws.Ecs.Docker;

namespace Slipway.LocalAws.Tests.Ecs;

/// <summary>The translation of a container definition to <c>docker run</c> arguments.</summary>
public sealed class ContainerRunArgumentsTest
{
    [Fact]
    public void TestFor_TranslatesContainerDefinition()
    {
        var container = JsonNode.Parse("""
            {
              "name": "web", "image": "example/web:1",
              "entryPoint": ["/bin/sh", "-c"], "command": ["exec httpd"],
              "environment": [{"name": "MODE", "value": "a b"}],
              "workingDirectory": "/srv", "user": "1000", "dockerLabels": {"team": "checkout"},
              "healthCheck": {"command": ["CMD", "wget", "-q", "it's"], "interval": 10, "retries": 2, "startPeriod": 5}
            }
            """)!.AsObject();

        var arguments = ContainerRunArguments.For(container, "ecs-web-1-web-t1", new Dictionary<string, string> { ["slipway.ecs.task"] = "t1" });

        Assert.Equal(
            [
                "--name", "ecs-web-1-web-t1", "--network", "host", "--label", "slipway.ecs.task=t1", "--label", "team=checkout",
                "--env", "MODE=a b", "--workdir", "/srv", "--user", "1000",
                "--health-cmd", "'wget' '-q' 'it'\\''s'", "--health-interval", "10s", "--health-timeout", "5s", "--health-retries", "2", "--health-start-period", "5s",
                "--entrypoint", "/bin/sh", "example/web:1", "-c", "exec httpd",
            ],
            arguments);
    }

    [Fact]
    public void TestFor_ShellHealthCheckAndNoEntryPoint()
    {
        var container = JsonNode.Parse("""
            {"name": "web", "image": "example/web:1", "healthCheck": {"command": ["CMD-SHELL", "curl -f http://127.0.0.1/ || exit 1"]}}
            """)!.AsObject();

        var arguments = ContainerRunArguments.For(container, "n", new Dictionary<string, string>());

        Assert.Equal(
            ["--name", "n", "--network", "host", "--health-cmd", "curl -f http://127.0.0.1/ || exit 1", "--health-interval", "30s", "--health-timeout", "5s",
                "--health-retries", "3", "example/web:1"],
            arguments);
    }
}
