using Slipway.EcsDeploy.TaskDefinitions;
using Slipway.EcsDeploy.Tests.TaskDefinitions;

namespace Slipway.EcsDeploy.Tests;

/// <summary>Diff against the local platform's ECS: the normalised running definition against the one a deploy would register.</summary>
public sealed class DiffTest(LocalEcs local) : IClassFixture<LocalEcs>, IDisposable
{
    private readonly TestTemplate _template = new();

    public void Dispose() => _template.Dispose();

    private RegisterRequest Request(string image) =>
        new() { Service = _template.Family, Source = new TaskDefinitionSource(_template.File(image)) };

    [Fact]
    public async Task TestDiff_Unchanged_IsEmpty()
    {
        await local.CreateServiceAsync(_template.Family, _template.Render("api:1"));

        var diff = await TaskDefinitionDiff.DiffAsync(local.Ecs, Request("api:1"));

        Assert.Equal("", diff.Text);
        Assert.False(diff.HasChanges);
        Assert.All(local.Calls.Operations, operation => Assert.Matches("^(Describe|List)", operation));
    }

    [Fact]
    public async Task TestDiff_ChangedImage_ShowsTheImageLine()
    {
        var running = await local.CreateServiceAsync(_template.Family, _template.Render("api:1"));

        var diff = await TaskDefinitionDiff.DiffAsync(local.Ecs, Request("api:2"));

        Assert.True(diff.HasChanges);
        Assert.Equal(running, diff.RunningArn);
        var lines = diff.Text.ReplaceLineEndings("\n").Split('\n');
        Assert.Equal($"--- {running}", lines[0]);
        Assert.Equal("+++ new", lines[1]);
        Assert.Equal(["-      \"image\": \"api:1\",", "+      \"image\": \"api:2\","],
            lines.Where(l => l.StartsWith('-') || l.StartsWith('+')).Skip(2).ToArray());
        Assert.All(local.Calls.Operations, operation => Assert.Matches("^(Describe|List)", operation));
    }
}
