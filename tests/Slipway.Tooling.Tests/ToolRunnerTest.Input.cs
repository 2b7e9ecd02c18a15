namespace Slipway.Tooling.Tests;

public partial class ToolRunnerTest
{
    [Fact]
    public async Task TestRunAsync_EnvironmentOverrideAndRemoval()
    {
        Assert.NotNull(Environment.GetEnvironmentVariable("HOME")); // so removing it proves something
        var invocation = Tools.Sh("printf '%s|%s' \"$SLIPWAY_GREETING\" \"${HOME-unset}\"")
            .SetEnvironment("SLIPWAY_GREETING", "hello world")
            .SetEnvironment("HOME", null);

        var result = await ToolRunner.RunAsync(invocation);

        Assert.Equal("hello world|unset", result.StandardOutput);
    }

    [Fact]
    public async Task TestRunAsync_StandardInputArrivesExactlyAndStaysOutOfTheCommandLine()
    {
        var secret = Tools.NewSecret() + " 'quoted' $HOME\nsecond line ü";
        var output = new RecordingOutput();

        var result = await ToolRunner.RunAsync(new ToolInvocation("cat") { StandardInput = secret }, output);

        Assert.Equal(secret, result.StandardOutput);
        Assert.Equal(["cat"], output.Commands);
    }

    [Fact]
    public async Task TestRunAsync_LargeStandardInput()
    {
        var input = string.Concat(Enumerable.Repeat("0123456789", 200_000));

        var result = await ToolRunner.RunAsync(new ToolInvocation("wc", "-c") { StandardInput = input });

        Assert.Equal("2000000", result.Text);
    }

    [Fact]
    public async Task TestRunAsync_WithoutInputStandardInputIsClosed()
    {
        // cat would wait forever on an inherited or open standard input.
        var result = await ToolRunner.RunAsync(new ToolInvocation("cat") { Timeout = TimeSpan.FromSeconds(10) });

        Assert.Equal("", result.StandardOutput);
        Assert.Empty(result.Lines);
    }

    [Fact]
    public async Task TestRunAsync_ToolIgnoringItsInputDoesNotFail()
    {
        var input = new string('x', 1_000_000);

        var result = await ToolRunner.RunAsync(new ToolInvocation("true") { StandardInput = input });

        Assert.Equal(0, result.ExitCode);
    }
}
