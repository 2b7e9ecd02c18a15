using System.Text.Json.Nodes;
using Slipway.Aws.Ecs;
using Slipway.EcsDeploy.TaskDefinitions;

namespace Slipway.EcsDeploy.Tests.TaskDefinitions;

public sealed class TaskDefinitionTemplateFileTest
{
    private static readonly Dictionary<string, string> Variables = new()
    {
        ["Image"] = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/api@sha256:abc",
        ["Version"] = "1.4.0",
        ["Commit"] = "0123abc",
        ["Environment"] = "staging",
        ["Greeting"] = "say \"hi\"\\n",
        ["Cpu"] = "256",
        ["DbPassword"] = "hunter2",
    };

    private static TaskDefinitionTemplateFile File(IReadOnlySet<string>? secrets = null) => new("deploy/api.json", Variables, secrets);

    private static string Template(string container) => $$"""
        {
          "family": "api-${Environment}",
          "cpu": ${Cpu},
          "containerDefinitions": [{
            "name": "web", "image": "${Image}",
            {{container}}
          }]
        }
        """;

    private static ContainerDefinition Web(TaskDefinition definition) => definition.ContainerDefinitions.Single();

    [Fact]
    public void TestRender_SubstitutesVariablesInAndOutsideStrings()
    {
        var definition = File().Render(Template("""
            "environment": [{ "name": "VERSION", "value": "${Version}+${Commit}" }, { "name": "GREETING", "value": "${Greeting}" }]
            """));
        Assert.Equal("api-staging", definition.Family);
        Assert.Equal("256", definition.ToJson()["cpu"]!.ToJsonString());
        Assert.Equal(Variables["Image"], Web(definition).Image);
        Assert.Equal([KeyValuePair.Create("VERSION", "1.4.0+0123abc"), KeyValuePair.Create("GREETING", "say \"hi\"\\n")],
            Web(definition).Environment);
    }

    [Fact]
    public void TestRender_DoubleDollarIsALiteralAndCommentsAreNotRendered()
    {
        var definition = File().Render(Template("""
            // ${NotAVariable} in a comment is left alone
            "command": ["/bin/sh", "-c", "echo $${HOME} /* ${Version} */"]
            """));
        Assert.Equal("""["/bin/sh","-c","echo ${HOME} /* 1.4.0 */"]""", Web(definition).Json["command"]!.ToJsonString());
    }

    [Fact]
    public void TestRender_UnknownVariable_NamesFileLineAndSuggestion()
    {
        var error = Assert.Throws<TaskDefinitionRenderException>(() => File().Render(Template("""
            "environment": [{ "name": "VERSION", "value": "${Verison}" }]
            """)));
        Assert.Equal(6, error.Line);
        Assert.Equal("Verison", error.Variable);
        Assert.Contains("'deploy/api.json' line 6", error.Message);
        Assert.Contains("unknown variable '${Verison}'", error.Message);
        Assert.Contains("Did you mean 'Version'?", error.Message);
        Assert.Contains("'Commit', 'Cpu'", error.Message);
    }

    [Fact]
    public void TestRender_InvalidJson_NamesFileAndLine()
    {
        var error = Assert.Throws<TaskDefinitionRenderException>(() => File().Render(Template("""
            "essential": true,,
            """)));
        Assert.Equal(6, error.Line);
        Assert.Contains("'deploy/api.json' line 6, column", error.Message);
        Assert.Contains("not valid JSON", error.Message);
    }

    [Fact]
    public void TestRender_SecretVariable_IsRefusedWhereverItIsUsed()
    {
        var error = Assert.Throws<TaskDefinitionRenderException>(() => File(new HashSet<string> { "DbPassword" }).Render(Template("""
            "environment": [{ "name": "DB_PASSWORD", "value": "${DbPassword}" }]
            """)));
        Assert.Equal("DbPassword", error.Variable);
        Assert.Equal(6, error.Line);
        Assert.Contains("'DbPassword' is secret", error.Message);
        Assert.Contains("valueFrom", error.Message);
        Assert.DoesNotContain("hunter2", error.Message);
    }

    [Fact]
    public void TestRender_SecretsMustBeReferences()
    {
        var ok = File().Render(Template("""
            "secrets": [{ "name": "DB_PASSWORD", "valueFrom": "arn:aws:ssm:eu-west-1:123456789012:parameter/api/db" }]
            """));
        Assert.Equal("arn:aws:ssm:eu-west-1:123456789012:parameter/api/db", Web(ok).Json["secrets"]![0]!["valueFrom"]!.GetValue<string>());
        var error = Assert.Throws<TaskDefinitionRenderException>(() => File().Render(Template("""
            "secrets": [{ "name": "DB_PASSWORD", "value": "hunter2" }]
            """)));
        Assert.Contains("container 'web' secret 'DB_PASSWORD' must be a reference", error.Message);
    }

    [Fact]
    public void TestRender_UnknownTemplateKey_IsStillRefusedByTheAwsLayer()
    {
        var error = Assert.Throws<TaskDefinitionTemplateException>(() => File().Render("""
            { "family": "api", "containerDefinitions": [], "runtimePlatfrom": {}, "revision": 3 }
            """));
        Assert.Equal(["runtimePlatfrom"], error.UnknownKeys);
        Assert.Equal(["revision"], error.ReadOnlyKeys);
        Assert.Contains("did you mean 'runtimePlatform'?", error.Message);
    }

    [Fact]
    public async Task TestRenderAsync_ReadsTheFile()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("slipway-template-").FullName, "api.json");
        await System.IO.File.WriteAllTextAsync(path, Template("\"essential\": true"));
        try
        {
            var definition = await new TaskDefinitionTemplateFile(path, Variables).RenderAsync();
            Assert.Equal("api-staging", definition.Family);
            Assert.True(Web(definition).Json["essential"]!.GetValue<bool>());
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }
}
