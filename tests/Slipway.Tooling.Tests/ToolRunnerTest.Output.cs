namespace Slipway.Tooling.Tests;

public partial class ToolRunnerTest
{
    [Fact]
    public async Task TestRunAsync_StreamsBothStreamsInOrderWithPrefix()
    {
        // The script writes each line only once the sink has seen the previous one, so the order is certain and
        // the test also proves that lines are streamed while the tool runs rather than collected when it exits.
        var seen = Directory.CreateTempSubdirectory("slipway-seen-").FullName;
        var output = new RecordingOutput(line => File.Create(Path.Combine(seen, line.Text)).Dispose());
        var invocation = Tools.Sh(
            "seen() { while [ ! -e \"$1/$2\" ]; do sleep 0.01; done; }; " +
            "echo one; seen \"$1\" one; echo two >&2; seen \"$1\" two; echo three; seen \"$1\" three; printf 'no newline' >&2",
            seen) with
        {
            Timeout = TimeSpan.FromSeconds(10),
        };
        try
        {
            var result = await ToolRunner.RunAsync(invocation, output);

            ToolOutputLine[] expected =
            [
                new(ToolStream.StandardOutput, "one", "sh"),
                new(ToolStream.StandardError, "two", "sh"),
                new(ToolStream.StandardOutput, "three", "sh"),
                new(ToolStream.StandardError, "no newline", "sh"),
            ];
            Assert.Equal(expected, output.Lines);
            Assert.Equal(expected, result.Lines);
            Assert.Equal("one\nthree\n", result.StandardOutput);
            Assert.Equal("two\nno newline", result.StandardError);
            Assert.Equal("one\nthree", result.Text);
            Assert.Equal(0, result.ExitCode);
            Assert.InRange(result.Duration, TimeSpan.FromTicks(1), TimeSpan.FromSeconds(10));
        }
        finally
        {
            Directory.Delete(seen, recursive: true);
        }
    }

    [Fact]
    public async Task TestRunAsync_EchoesTheCommandLineFirst()
    {
        var output = new RecordingOutput();

        var result = await ToolRunner.RunAsync(new ToolInvocation("echo", "hello world"), output);

        Assert.Equal(["echo 'hello world'"], output.Commands);
        Assert.Equal("echo 'hello world'", result.CommandLine);
    }

    [Fact]
    public async Task TestRunAsync_QuietInvocationStillRecordsLines()
    {
        var output = new RecordingOutput();
        var invocation = new ToolInvocation("echo", "hi") { EchoCommand = false, StreamOutput = false, OutputPrefix = "say" };

        var result = await ToolRunner.RunAsync(invocation, output);

        Assert.Empty(output.Commands);
        Assert.Empty(output.Lines);
        Assert.Equal([new ToolOutputLine(ToolStream.StandardOutput, "hi", "say")], result.Lines);
    }

    [Fact(Timeout = 30_000)]
    public async Task TestRunAsync_LargeOutputOnBothStreamsDoesNotDeadlock()
    {
        // 5 MB on each stream: a runner that read one stream to its end before the other would block forever
        // once the unread pipe filled up; the timeout turns such a hang into a failure.
        var invocation = Tools.Sh("lines() { head -c 4950000 /dev/zero | tr '\\0' x | fold -w 99; }; lines; lines >&2")
            with
        {
            Timeout = TimeSpan.FromSeconds(20),
        };

        var result = await ToolRunner.RunAsync(invocation);

        // 50,000 lines of 99 characters; fold puts no line break after the last one.
        Assert.Equal(4_999_999, result.StandardOutput.Length);
        Assert.Equal(4_999_999, result.StandardError.Length);
        Assert.Equal(100_000, result.Lines.Count);
        Assert.All(result.Lines, line => Assert.Equal(99, line.Text.Length));
    }

    [Fact]
    public void TestRun_SynchronousWrapper()
    {
        var result = ToolRunner.Run(new ToolInvocation("echo", "sync"));

        Assert.Equal("sync", result.Text);
    }

    [Fact]
    public async Task TestRunAsync_FailingSinkKillsTheTool()
    {
        var pidFile = Path.Combine(Path.GetTempPath(), $"slipway-{Guid.NewGuid():N}.pid");
        var invocation = Tools.Sh("echo $$ > \"$1\"; echo first; sleep 30", pidFile);
        var pid = 0;
        try
        {
            var exception = await Assert.ThrowsAsync<InvalidOperationException>(
                () => ToolRunner.RunAsync(invocation, new ThrowingOutput()));

            Assert.Equal("sink broke", exception.Message);
            pid = await Tools.ReadPidAsync(pidFile);
            Assert.True(await Tools.WaitUntilGoneAsync(pid, TimeSpan.FromSeconds(3)));
        }
        finally
        {
            if (pid != 0)
                Tools.KillQuietly(pid);
            File.Delete(pidFile);
        }
    }

    private sealed class ThrowingOutput : IToolOutput
    {
        public void Command(string redactedCommandLine)
        {
        }

        public void Line(ToolOutputLine line) => throw new InvalidOperationException("sink broke");
    }
}
