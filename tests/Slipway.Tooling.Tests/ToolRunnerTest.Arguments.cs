namespace Slipway.Tooling.Tests;

public partial class ToolRunnerTest
{
    [Fact]
    public async Task TestRunAsync_ArgumentsArriveVerbatim()
    {
        string[] arguments = ["a b", "it's \"quoted\"", "$HOME", "a;b", "*", "line1\nline2", "", "back\\slash", "`id`", "%s"];
        var output = new RecordingOutput();

        // printf is started directly: no shell could expand, split or glob anything.
        var result = await ToolRunner.RunAsync(new ToolInvocation("printf", [@"<%s>\n", .. arguments]), output);

        Assert.Equal(string.Concat(arguments.Select(argument => $"<{argument}>\n")), result.StandardOutput);
        Assert.Equal(
            [@"printf '<%s>\n' 'a b' 'it'\''s ""quoted""' '$HOME' 'a;b' '*' 'line1" + "\n" + @"line2' '' 'back\slash' '`id`' %s"],
            output.Commands);
    }

    [Fact]
    public async Task TestRunAsync_ArgumentsReachAShellScriptUninterpreted()
    {
        var marker = Path.Combine(Path.GetTempPath(), $"slipway-{Guid.NewGuid():N}");
        string[] arguments = [$"$(touch {marker})", "a b", "*"];

        var result = await ToolRunner.RunAsync(Tools.Sh("for a in \"$@\"; do printf '[%s]' \"$a\"; done", arguments));

        Assert.Equal($"[$(touch {marker})][a b][*]", result.StandardOutput);
        Assert.False(File.Exists(marker));
    }

    [Fact]
    public async Task TestRunAsync_WorkingDirectory()
    {
        var directory = Directory.CreateTempSubdirectory("slipway-cwd-").FullName;
        try
        {
            var result = await ToolRunner.RunAsync(new ToolInvocation("pwd") { WorkingDirectory = directory });

            Assert.Equal(directory, result.Text);
        }
        finally
        {
            Directory.Delete(directory);
        }
    }

    [Fact]
    public async Task TestRunAsync_MissingWorkingDirectoryIsNamed()
    {
        var invocation = new ToolInvocation("pwd") { WorkingDirectory = "/nonexistent/slipway" };

        var exception = await Assert.ThrowsAsync<ToolException>(() => ToolRunner.RunAsync(invocation));

        Assert.Equal("Working directory '/nonexistent/slipway' for 'pwd' does not exist.", exception.Message);
    }

    [Fact]
    public async Task TestRunAsync_ToolNotFoundNamesTheTool()
    {
        var output = new RecordingOutput();

        var exception = await Assert.ThrowsAsync<ToolNotFoundException>(
            () => ToolRunner.RunAsync(new ToolInvocation("slipway-no-such-tool", "--version"), output));

        Assert.Equal("slipway-no-such-tool", exception.ToolName);
        Assert.StartsWith("Tool 'slipway-no-such-tool' was not found. Install 'slipway-no-such-tool'", exception.Message);
        Assert.Contains("\n  /usr/bin", exception.Message);
        Assert.Empty(output.Commands);
    }

    [Fact]
    public async Task TestRunAsync_PathOverrideIsSearched()
    {
        var invocation = new ToolInvocation("sh", "-c", "echo found").SetEnvironment("PATH", "/nonexistent");

        var exception = await Assert.ThrowsAsync<ToolNotFoundException>(() => ToolRunner.RunAsync(invocation));

        Assert.Equal(["/nonexistent"], exception.SearchedLocations);
    }
}
