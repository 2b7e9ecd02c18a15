using Slipway.Aws.Ecs;

namespace Slipway.Aws.Tests.Ecs;

/// <summary>User-written task definition templates: accepted keys, and errors for read-only, unknown and missing ones.</summary>
public class TaskDefinitionTemplateTest
{
    [Fact]
    public void TestValidTemplate_Parsed()
    {
        var template = TaskDefinitionTemplate.Parse("""
            {
              // comments are allowed in templates
              "family": "web",
              "containerDefinitions": [{ "name": "web", "image": "web:latest" }],
              "cpu": "256", "memory": "512", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc"
            }
            """, "ecs/web.json");

        Assert.Equal("web", template.Family);
        Assert.Equal("256", template.Cpu);
        Assert.Equal("web:latest", Assert.Single(template.ContainerDefinitions).Image);
    }

    [Fact]
    public void TestReadOnlyAndUnknownKeys_ErrorListsThem()
    {
        var error = Assert.Throws<TaskDefinitionTemplateException>(() => TaskDefinitionTemplate.Parse("""
            {"family":"web","containerDefinitions":[],"revision":4,"status":"ACTIVE","memmory":"512","sidecars":[]}
            """, "ecs/web.json"));

        Assert.Equal(["revision", "status"], error.ReadOnlyKeys);
        Assert.Equal(["memmory", "sidecars"], error.UnknownKeys);
        Assert.Equal("ecs/web.json", error.TemplateName);
        Assert.StartsWith("Task definition template 'ecs/web.json' cannot be registered: " +
            "read-only keys that ECS sets itself and RegisterTaskDefinition rejects (remove them): 'revision', 'status'; " +
            "unknown keys: 'memmory' (did you mean 'memory'?), 'sidecars'. Allowed keys are: 'family', 'containerDefinitions',",
            error.Message);
    }

    [Fact]
    public void TestMissingRequiredKeys_Named()
    {
        var error = Assert.Throws<TaskDefinitionTemplateException>(() => TaskDefinitionTemplate.Parse("""{"cpu":"256"}""", "t.json"));

        Assert.Contains("missing required keys: 'family', 'containerDefinitions'", error.Message);
    }

    [Fact]
    public void TestDescribeResponseAsTemplate_Hint()
    {
        var error = Assert.Throws<TaskDefinitionTemplateException>(() =>
            TaskDefinitionTemplate.Parse("""{"taskDefinition":{"family":"web"}}""", "t.json"));

        Assert.Contains("this looks like a DescribeTaskDefinition response: use the object under 'taskDefinition'", error.Message);
    }

    [Fact]
    public void TestInvalidJson_ErrorNamesTemplate()
    {
        var error = Assert.Throws<TaskDefinitionTemplateException>(() => TaskDefinitionTemplate.Parse("""{"family": "web",""", "t.json"));

        Assert.StartsWith("Task definition template 't.json' is not valid JSON:", error.Message);
    }

    [Fact]
    public async Task TestLoad_ReadsFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"slipway-td-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, """{"family":"job","containerDefinitions":[{"name":"job","image":"busybox"}]}""");
        try
        {
            var template = await TaskDefinitionTemplate.LoadAsync(path);

            Assert.Equal("job", template.Family);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
