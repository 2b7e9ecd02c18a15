using System.Text.Json.Nodes;
using Slipway.Aws.Ecs;
using Slipway.Aws.Tests.Infrastructure;

namespace Slipway.Aws.Tests.Ecs;

/// <summary>Describe → register round trip: every request member kept raw, every read-only and unknown member dropped.</summary>
public class TaskDefinitionTest : IDisposable
{
    private static readonly string DescribeResponse = File.ReadAllText(Path.Combine("Ecs", "Fixtures", "describe-task-definition.json"));
    private readonly TestEnvironment _environment = new();

    public void Dispose() => _environment.Dispose();

    [Fact]
    public async Task TestRoundTrip_RegisterBodyHasExactlyTheRequestMembers()
    {
        await using var server = new LoopbackServer((request, _) => StubResponse.Json(
            request.Header("X-Amz-Target").EndsWith(".DescribeTaskDefinition") ? DescribeResponse : RegisteredFrom(request)));
        using var client = new EcsClient(_environment.LoopbackOptions(server));

        var described = await client.DescribeTaskDefinitionAsync(new DescribeTaskDefinitionRequest { TaskDefinition = "web" });
        var registered = await client.RegisterTaskDefinitionAsync(described.ToRegisterRequest());

        var describeBody = JsonNode.Parse(server.Requests[0].BodyText)!;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"taskDefinition":"web","include":["TAGS"]}"""), describeBody));
        var sent = JsonNode.Parse(server.Requests[1].BodyText)!.AsObject();
        Assert.Equal(TaskDefinitionMembers.Request.Order(), sent.Select(p => p.Key).Order());
        var original = JsonNode.Parse(DescribeResponse)!;
        foreach (var member in TaskDefinitionMembers.Request.Where(m => m != "tags"))
            Assert.True(JsonNode.DeepEquals(original["taskDefinition"]![member], sent[member]), $"member '{member}' preserved");
        Assert.True(JsonNode.DeepEquals(original["tags"], sent["tags"]));
        Assert.Equal(42, registered.TaskDefinition.Revision);
    }

    [Fact]
    public void TestToRegisterRequest_ReadOnlyAndUnknownMembersDropped()
    {
        var taskDefinition = new TaskDefinition(JsonNode.Parse(DescribeResponse)!["taskDefinition"]!.AsObject());

        var body = taskDefinition.ToRegisterRequest().ToJson();

        Assert.All(TaskDefinitionMembers.ReadOnly, member => Assert.False(body.ContainsKey(member), member));
        Assert.False(body.ContainsKey("someFutureReadOnlyMember"));
        Assert.False(body.ContainsKey("tags")); // tags live beside the task definition; none given here
        Assert.Equal("because containers are copied whole",
            body["containerDefinitions"]![0]!["unknownContainerMember"]!["kept"]!.GetValue<string>());
    }

    [Fact]
    public void TestToRegisterRequest_OnlyPresentMembers()
    {
        var minimal = new TaskDefinition(JsonNode.Parse("""{"family":"job","containerDefinitions":[{"name":"job","image":"busybox"}],"revision":3}""")!.AsObject());

        var body = minimal.ToRegisterRequest().ToJson();

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"family":"job","containerDefinitions":[{"name":"job","image":"busybox"}]}"""), body));
    }

    [Fact]
    public void TestTypedAccessors_ReadFromJson()
    {
        var taskDefinition = new TaskDefinition(JsonNode.Parse(DescribeResponse)!["taskDefinition"]!.AsObject());

        Assert.Equal("web", taskDefinition.Family);
        Assert.Equal(41, taskDefinition.Revision);
        Assert.Equal("ACTIVE", taskDefinition.Status);
        Assert.Equal("arn:aws:ecs:eu-west-1:111122223333:task-definition/web:41", taskDefinition.TaskDefinitionArn);
        Assert.Equal(("512", "1024"), (taskDefinition.Cpu, taskDefinition.Memory));
        Assert.Equal(["web", "log-router"], taskDefinition.ContainerDefinitions.Select(c => c.Name));
        var web = taskDefinition.ContainerDefinitions[0];
        Assert.Equal("111122223333.dkr.ecr.eu-west-1.amazonaws.com/web:1.4.0", web.Image);
        Assert.Equal([KeyValuePair.Create("ASPNETCORE_ENVIRONMENT", "Production"), KeyValuePair.Create("FEATURE_X", "on")], web.Environment);
        Assert.Empty(taskDefinition.ContainerDefinitions[1].Environment);
    }

    [Fact]
    public void TestWithImageAndEnvironment_CopyChangedOriginalUntouched()
    {
        var original = new TaskDefinition(JsonNode.Parse(DescribeResponse)!["taskDefinition"]!.AsObject());

        var changed = original.WithImage("web", "repo/web:1.5.0").WithEnvironment("web", "FEATURE_X", "off")
            .WithEnvironment("log-router", "LEVEL", "debug");

        Assert.Equal("repo/web:1.5.0", changed.ContainerDefinitions[0].Image);
        Assert.Equal("off", changed.ContainerDefinitions[0].Environment.Single(e => e.Key == "FEATURE_X").Value);
        Assert.Equal([KeyValuePair.Create("LEVEL", "debug")], changed.ContainerDefinitions[1].Environment);
        Assert.Equal("111122223333.dkr.ecr.eu-west-1.amazonaws.com/web:1.4.0", original.ContainerDefinitions[0].Image);
        Assert.Equal("on", original.ContainerDefinitions[0].Environment.Single(e => e.Key == "FEATURE_X").Value);
    }

    [Fact]
    public void TestWithImage_UnknownContainerListsContainers()
    {
        var taskDefinition = new TaskDefinition(JsonNode.Parse(DescribeResponse)!["taskDefinition"]!.AsObject());

        var error = Assert.Throws<ArgumentException>(() => taskDefinition.WithImage("api", "x"));

        Assert.StartsWith("Task definition 'web' has no container 'api'. Containers: 'web', 'log-router'.", error.Message);
    }

    /// <summary>What ECS answers to a registration: the sent body plus the members ECS sets.</summary>
    private static string RegisteredFrom(RecordedRequest request)
    {
        var taskDefinition = JsonNode.Parse(request.BodyText)!.AsObject();
        var tags = taskDefinition["tags"]?.DeepClone();
        taskDefinition.Remove("tags");
        taskDefinition["revision"] = 42;
        taskDefinition["status"] = "ACTIVE";
        return new JsonObject { ["taskDefinition"] = taskDefinition, ["tags"] = tags }.ToJsonString();
    }
}
