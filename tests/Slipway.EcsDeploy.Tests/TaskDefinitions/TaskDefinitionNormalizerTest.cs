using System.Text.Json.Nodes;
using Slipway.Aws.Ecs;
using Slipway.EcsDeploy.TaskDefinitions;

namespace Slipway.EcsDeploy.Tests.TaskDefinitions;

public sealed class TaskDefinitionNormalizerTest
{
    private static TaskDefinition Parse(string json) => new((JsonObject)JsonNode.Parse(json)!);

    // As a user writes it: keys in any order, defaults left out, sizes in words.
    private const string Written = """
        {
          "family": "api",
          "networkMode": "awsvpc",
          "cpu": "0.25 vCPU",
          "memory": "1 GB",
          "requiresCompatibilities": ["FARGATE"],
          "containerDefinitions": [
            {
              "name": "web", "image": "api:1",
              "environment": [{ "name": "B", "value": "2" }, { "name": "A", "value": "1" }],
              "secrets": [{ "name": "Z", "valueFrom": "arn:z" }, { "name": "Y", "valueFrom": "arn:y" }],
              "portMappings": [{ "containerPort": 8080 }, { "containerPort": 443 }]
            },
            { "image": "sidecar:1", "name": "log" }
          ],
          "tags": [{ "key": "version", "value": "1.0.0" }]
        }
        """;

    // As DescribeTaskDefinition returns it: read-only members, defaults filled, units, empty lists, another order.
    private const string Described = """
        {
          "taskDefinitionArn": "arn:aws:ecs:eu-west-1:123456789012:task-definition/api:7",
          "containerDefinitions": [
            {
              "name": "log", "image": "sidecar:1", "cpu": 0, "essential": true,
              "environment": [], "mountPoints": [], "volumesFrom": [], "portMappings": []
            },
            {
              "portMappings": [
                { "containerPort": 443, "hostPort": 443, "protocol": "tcp" },
                { "containerPort": 8080, "hostPort": 8080, "protocol": "tcp" }
              ],
              "essential": true, "cpu": 0, "image": "api:1", "name": "web",
              "environment": [{ "value": "1", "name": "A" }, { "name": "B", "value": "2" }],
              "secrets": [{ "name": "Y", "valueFrom": "arn:y" }, { "name": "Z", "valueFrom": "arn:z" }],
              "mountPoints": [], "volumesFrom": []
            }
          ],
          "family": "api",
          "revision": 7,
          "volumes": [],
          "status": "ACTIVE",
          "requiresAttributes": [{ "name": "com.amazonaws.ecs.capability.docker-remote-api.1.18" }],
          "placementConstraints": [],
          "compatibilities": ["EC2", "FARGATE"],
          "requiresCompatibilities": ["FARGATE"],
          "cpu": "256",
          "memory": "1024",
          "networkMode": "awsvpc",
          "registeredAt": 1733500000.0,
          "registeredBy": "arn:aws:iam::123456789012:root"
        }
        """;

    [Fact]
    public void TestNormalize_WrittenAndDescribedFormsCompareEqual()
    {
        Assert.Equal(TaskDefinitionNormalizer.ToText(Parse(Described)), TaskDefinitionNormalizer.ToText(Parse(Written)));
        Assert.True(TaskDefinitionNormalizer.AreEqual(Parse(Written), Parse(Described)));
    }

    [Fact]
    public void TestNormalize_ARealChangeDiffers()
    {
        Assert.False(TaskDefinitionNormalizer.AreEqual(Parse(Written).WithImage("web", "api:2"), Parse(Described)));
        Assert.False(TaskDefinitionNormalizer.AreEqual(Parse(Written).WithEnvironment("web", "A", "changed"), Parse(Described)));
    }

    [Fact]
    public void TestNormalize_FillsHostPortOnlyUnderAwsvpcAndHost()
    {
        var bridge = Parse("""{ "family": "f", "containerDefinitions": [{ "name": "c", "portMappings": [{ "containerPort": 80 }] }] }""");
        var port = TaskDefinitionNormalizer.Normalize(bridge)["containerDefinitions"]![0]!["portMappings"]![0]!.AsObject();
        Assert.False(port.ContainsKey("hostPort")); // under bridge ECS picks a dynamic host port
        Assert.Equal("bridge", TaskDefinitionNormalizer.Normalize(bridge)["networkMode"]!.GetValue<string>());
    }

    [Fact]
    public void TestToText_IsIndentedWithSortedKeysAndNoReadOnlyMembersOrTags()
    {
        var text = TaskDefinitionNormalizer.ToText(Parse(Described));
        Assert.StartsWith("{\n  \"containerDefinitions\": [", text.ReplaceLineEndings("\n"));
        Assert.DoesNotContain("revision", text);
        Assert.DoesNotContain("tags", TaskDefinitionNormalizer.ToText(Parse(Written)));
        Assert.True(text.IndexOf("\"name\": \"log\"", StringComparison.Ordinal) < text.IndexOf("\"name\": \"web\"", StringComparison.Ordinal));
    }

    [Fact]
    public void TestToText_ShellCommandsReadAsWritten()
    {
        var text = TaskDefinitionNormalizer.ToText(Parse("""{"family":"api","containerDefinitions":[{"name":"web","command":["sh","-c","echo \"$V\" > /www/v && exec httpd"]}]}"""));

        Assert.Contains("\"echo \\\"$V\\\" > /www/v && exec httpd\"", text);
    }
}
