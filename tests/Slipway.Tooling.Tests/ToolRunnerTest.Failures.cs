namespace Slipway.Tooling.Tests;

public partial class ToolRunnerTest
{
    [Fact]
    public async Task TestRunAsync_NonZeroExitThrowsWithTheLastLines()
    {
        var invocation = Tools.Sh("echo first >&2; echo second >&2; echo 'fatal: bad thing' >&2; exit 3") with { TailLines = 2 };

        var exception = await Assert.ThrowsAsync<ToolFailedException>(() => ToolRunner.RunAsync(invocation));

        Assert.Equal(3, exception.ExitCode);
        Assert.Equal("/bin/sh", exception.ToolName);
        Assert.Equal(["second", "fatal: bad thing"], exception.Tail);
        Assert.Equal(
            "'/bin/sh' exited with code 3.\n" +
            "  /bin/sh -c 'echo first >&2; echo second >&2; echo '\\''fatal: bad thing'\\'' >&2; exit 3' sh\n" +
            "Last output:\n  second\n  fatal: bad thing",
            exception.Message);
    }

    [Fact]
    public async Task TestRunAsync_UncheckedExitCodeIsReturned()
    {
        var invocation = Tools.Sh("echo partial; exit 42") with { CheckExitCode = false };

        var result = await ToolRunner.RunAsync(invocation);

        Assert.Equal(42, result.ExitCode);
        Assert.Equal("partial", result.Text);
    }

    [Fact]
    public async Task TestRunAsync_FailureMessageIsMasked()
    {
        var secret = Tools.NewSecret();
        var invocation = Tools.Sh("echo \"denied for $1\" >&2; exit 1", secret).AddSecrets(secret);

        var exception = await Assert.ThrowsAsync<ToolFailedException>(() => ToolRunner.RunAsync(invocation));

        Assert.DoesNotContain(secret, exception.Message);
        Assert.Equal(["denied for ***"], exception.Tail);
        Assert.EndsWith(" sh '***'", exception.CommandLine);
    }
}
