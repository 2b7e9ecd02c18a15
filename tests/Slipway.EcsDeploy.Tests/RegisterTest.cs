using Slipway.Aws;
using Slipway.Aws.Ecs;
using Slipway.EcsDeploy.TaskDefinitions;
using Slipway.EcsDeploy.Tests.TaskDefinitions;

namespace Slipway.EcsDeploy.Tests;

/// <summary>RegisterTaskDef against the local platform's ECS: each test has its own family and service.</summary>
public sealed class RegisterTest(LocalEcs local) : IClassFixture<LocalEcs>, IDisposable
{
    private readonly TestTemplate _template = new();

    public void Dispose() => _template.Dispose();

    private string Family => _template.Family;

    private RegisterRequest Request(TaskDefinitionSource source, bool dryRun = false) =>
        new() { Service = Family, Source = source, Version = "1.4.0", Commit = "0123abc", DryRun = dryRun };

    [Fact]
    public async Task TestRegister_SameTemplateAsRunning_IsUnchanged()
    {
        var running = await local.CreateServiceAsync(Family, _template.Render("api:1"));

        var result = await TaskDefinitionRegistration.RegisterAsync(local.Ecs, Request(new TaskDefinitionSource(_template.File("api:1"))));

        Assert.Equal(RegisterOutcome.Unchanged, result.Outcome);
        Assert.Equal(running, result.TaskDefinitionArn);
        Assert.Equal("unchanged, revision 1", result.Summary);
        Assert.Single(await local.RevisionsAsync(Family));
        Assert.DoesNotContain("RegisterTaskDefinition", local.Calls.Operations);
    }

    [Fact]
    public async Task TestRegister_ChangedTemplate_RegistersWithVersionAndCommitTags()
    {
        await local.CreateServiceAsync(Family, _template.Render("api:1"));

        var result = await TaskDefinitionRegistration.RegisterAsync(local.Ecs, Request(new TaskDefinitionSource(_template.File("api:2"))));

        Assert.Equal(RegisterOutcome.Registered, result.Outcome);
        Assert.Equal(2, result.Revision);
        Assert.Equal("api:2", result.TaskDefinition.ContainerDefinitions.Single(c => c.Name == "web").Image);
        var described = await local.Ecs.DescribeTaskDefinitionAsync(new DescribeTaskDefinitionRequest { TaskDefinition = result.TaskDefinitionArn! });
        Assert.Equal(
            """[{"key":"version","value":"1.4.0"},{"key":"commit","value":"0123abc"}]""",
            described.Tags!.ToJsonString());
    }

    [Fact]
    public async Task TestRegister_WithoutVersionOrCommit_SendsNoEmptyTags()
    {
        await local.CreateServiceAsync(Family, _template.Render("api:1"));

        var result = await TaskDefinitionRegistration.RegisterAsync(local.Ecs,
            Request(new TaskDefinitionSource(_template.File("api:2"))) with { Version = "", Commit = null });

        Assert.Equal(RegisterOutcome.Registered, result.Outcome);
        Assert.False(local.Calls.LastBody("RegisterTaskDefinition").ContainsKey("tags"));
    }

    [Fact]
    public async Task TestRegister_TemplateWithEmptyTagsAndNoVersion_SendsNoEmptyTags()
    {
        // RegisterTaskDefinition rejects an empty tags list: a template's "tags": [] must not reach it as written.
        await local.CreateServiceAsync(Family, _template.Render("api:1"));
        var withEmptyTags = TestTemplate.Text.Replace("\"networkMode\": \"host\",", "\"networkMode\": \"host\", \"tags\": [],", StringComparison.Ordinal);

        var result = await TaskDefinitionRegistration.RegisterAsync(local.Ecs,
            Request(new TaskDefinitionSource(_template.File("api:2", withEmptyTags))) with { Version = null, Commit = null });

        Assert.Equal(RegisterOutcome.Registered, result.Outcome);
        Assert.False(local.Calls.LastBody("RegisterTaskDefinition").ContainsKey("tags"));
    }

    [Fact]
    public async Task TestRegister_FromRunningService_ReplacesTheNamedImageOnly()
    {
        await local.CreateServiceAsync(Family, _template.Render("api:1"));

        var result = await TaskDefinitionRegistration.RegisterAsync(local.Ecs,
            Request(TaskDefinitionSource.Running(new Dictionary<string, string> { ["web"] = "api@sha256:feed" })));

        Assert.Equal(RegisterOutcome.Registered, result.Outcome);
        Assert.Equal(2, result.Revision);
        var containers = result.TaskDefinition.ContainerDefinitions.ToDictionary(c => c.Name!, c => c.Image);
        Assert.Equal("api@sha256:feed", containers["web"]);
        Assert.Equal("registry.local/log:1", containers["log"]);
        Assert.Equal("host", result.TaskDefinition.ToJson()["networkMode"]!.GetValue<string>());
        var described = await local.Ecs.DescribeTaskDefinitionAsync(new DescribeTaskDefinitionRequest { TaskDefinition = result.TaskDefinitionArn! });
        Assert.Contains("""{"key":"version","value":"1.4.0"}""", described.Tags!.ToJsonString());
    }

    [Fact]
    public async Task TestRegister_RunningServiceWithTheSameImage_IsUnchanged()
    {
        await local.CreateServiceAsync(Family, _template.Render("api:1"));

        var result = await TaskDefinitionRegistration.RegisterAsync(local.Ecs,
            Request(TaskDefinitionSource.Running(new Dictionary<string, string> { ["web"] = "api:1" })));

        Assert.Equal(RegisterOutcome.Unchanged, result.Outcome);
        Assert.Single(await local.RevisionsAsync(Family));
    }

    [Fact]
    public async Task TestRegister_UnknownContainer_ListsTheContainers()
    {
        await local.CreateServiceAsync(Family, _template.Render("api:1"));

        var error = await Assert.ThrowsAsync<AwsConfigurationException>(() => TaskDefinitionRegistration.RegisterAsync(local.Ecs,
            Request(TaskDefinitionSource.Running(new Dictionary<string, string> { ["api"] = "api:2" }))));

        Assert.Equal($"Task definition '{Family}' has no container 'api' to set image 'api:2' in. Containers are: 'web', 'log'.", error.Message);
        Assert.DoesNotContain("RegisterTaskDefinition", local.Calls.Operations);
    }

    [Fact]
    public async Task TestRegister_DryRun_MakesNoMutatingCall()
    {
        await local.CreateServiceAsync(Family, _template.Render("api:1"));

        var result = await TaskDefinitionRegistration.RegisterAsync(local.Ecs,
            Request(new TaskDefinitionSource(_template.File("api:2")), dryRun: true));

        Assert.Equal(RegisterOutcome.WouldRegister, result.Outcome);
        Assert.Null(result.TaskDefinitionArn);
        Assert.Equal("api:2", result.TaskDefinition.ContainerDefinitions.Single(c => c.Name == "web").Image);
        Assert.NotEmpty(local.Calls.Operations);
        Assert.All(local.Calls.Operations, operation => Assert.Matches("^(Describe|List)", operation));
        Assert.Single(await local.RevisionsAsync(Family));
    }

    [Fact]
    public async Task TestRegister_TemplateError_IsRaisedBeforeAnyAwsCall()
    {
        local.Calls.Clear();
        var template = _template.File("api:1") with { Variables = new Dictionary<string, string> { ["Family"] = Family } };

        var error = await Assert.ThrowsAsync<TaskDefinitionRenderException>(() =>
            TaskDefinitionRegistration.RegisterAsync(local.Ecs, Request(new TaskDefinitionSource(template))));

        Assert.Equal("Image", error.Variable);
        Assert.Empty(local.Calls.Operations);
    }
}
