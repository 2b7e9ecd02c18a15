using System.Diagnostics;

namespace Slipway.Tooling.Tests;

// No wall-clock limit here that a loaded 2-core machine can break: a script signals (a line, a pid file) before anything is timed,
// timeouts leave seconds for a script to start, and every upper bound sits far below how long the script would run if the
// behaviour under test broke, so a broken runner still fails.
public partial class ToolRunnerTest
{
    [Fact]
    public async Task TestRunAsync_TimeoutKillsTheWholeProcessTree()
    {
        var pidFile = Path.Combine(Path.GetTempPath(), $"slipway-{Guid.NewGuid():N}.pid");
        // The background sleep is a grandchild of the runner: only a tree kill reaches it. The timeout clock starts with the
        // process, so it leaves the script seconds to write the pid and say "started".
        var invocation = Tools.Sh("sleep 120 & echo $! > \"$1\"; echo started; sleep 120; wait", pidFile)
            with
        {
            Timeout = TimeSpan.FromSeconds(5),
        };
        var pid = 0;
        try
        {
            var stopwatch = Stopwatch.StartNew();
            var exception = await Assert.ThrowsAsync<ToolTimeoutException>(() => ToolRunner.RunAsync(invocation));
            stopwatch.Stop();

            pid = await Tools.ReadPidAsync(pidFile);
            Assert.True(stopwatch.Elapsed >= TimeSpan.FromSeconds(4.9), $"killed after {stopwatch.Elapsed}, before its 5 s timeout");
            Assert.True(await Tools.WaitUntilGoneAsync(pid, TimeSpan.FromSeconds(60)), $"Grandchild {pid} survived the timeout.");
            Assert.Equal(TimeSpan.FromSeconds(5), exception.Timeout);
            Assert.Equal(["started"], exception.Tail);
            Assert.StartsWith("'/bin/sh' did not finish within 5 s and was killed.", exception.Message);
            Assert.EndsWith("Last output:\n  started", exception.Message);
        }
        finally
        {
            if (pid != 0)
                Tools.KillQuietly(pid);
            File.Delete(pidFile);
        }
    }

    [Fact]
    public async Task TestRunAsync_CancellationKillsTheTool()
    {
        var pidFile = Path.Combine(Path.GetTempPath(), $"slipway-{Guid.NewGuid():N}.pid");
        using var cancellation = new CancellationTokenSource();
        // Cancelled once the script says it is ready, so its pid is written whatever the machine's load.
        var output = new RecordingOutput(line =>
        {
            if (line.Text == "ready")
                _ = cancellation.CancelAsync();
        });
        // No timeout to end it early: a runner that ignores the cancellation returns normally after the sleep, and "never" appears.
        var invocation = Tools.Sh("echo $$ > \"$1\"; echo ready; sleep 60; echo never", pidFile) with { Timeout = null };
        var pid = 0;
        try
        {
            var exception = await Assert.ThrowsAsync<OperationCanceledException>(() => ToolRunner.RunAsync(invocation, output, cancellation.Token));

            pid = await Tools.ReadPidAsync(pidFile);
            Assert.Equal(cancellation.Token, exception.CancellationToken);
            Assert.True(await Tools.WaitUntilGoneAsync(pid, TimeSpan.FromSeconds(60)), $"Tool {pid} survived the cancellation.");
            Assert.DoesNotContain("never", output.Lines.Select(line => line.Text));
        }
        finally
        {
            if (pid != 0)
                Tools.KillQuietly(pid);
            File.Delete(pidFile);
        }
    }

    [Fact]
    public async Task TestRunAsync_AlreadyCancelledStartsNothing()
    {
        var output = new RecordingOutput();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => ToolRunner.RunAsync(new ToolInvocation("echo", "hi"), output, new CancellationToken(canceled: true)));

        Assert.Empty(output.Commands);
    }

    [Fact]
    public async Task TestRunAsync_BackgroundProcessHoldingTheOutputDoesNotBlock()
    {
        var pidFile = Path.Combine(Path.GetTempPath(), $"slipway-{Guid.NewGuid():N}.pid");
        // The background sleep inherits stdout and keeps the pipe open after the tool itself exited. A runner that waits for
        // the pipe to close would wait until the 30 s timeout and then return: the 25 s bound is far from any real start time.
        var invocation = Tools.Sh("sleep 120 & echo $! > \"$1\"; echo done", pidFile);
        var pid = 0;
        try
        {
            var stopwatch = Stopwatch.StartNew();
            var result = await ToolRunner.RunAsync(invocation);
            stopwatch.Stop();

            pid = await Tools.ReadPidAsync(pidFile);
            Assert.True(Tools.IsRunning(pid)); // the pipe really was still held open
            Assert.Equal("done\n", result.StandardOutput);
            Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(25), $"the run took {stopwatch.Elapsed}: it waited for the background process's pipe");
        }
        finally
        {
            if (pid != 0)
                Tools.KillQuietly(pid);
            File.Delete(pidFile);
        }
    }

    [Fact]
    public async Task TestRunAsync_TimeoutAfterTheToolExitedReturnsItsResult()
    {
        var pidFile = Path.Combine(Path.GetTempPath(), $"slipway-{Guid.NewGuid():N}.pid");
        // The tool exits at once, but leaves a chatty loop of two minutes behind on its output: without the timeout this ends only then.
        var invocation = Tools.Sh("(i=0; while [ $i -lt 600 ]; do echo tick; sleep 0.2; i=$((i+1)); done) & echo $! > \"$1\"; echo done", pidFile)
            with
        {
            Timeout = TimeSpan.FromSeconds(3),
        };
        var pid = 0;
        try
        {
            var result = await ToolRunner.RunAsync(invocation);

            pid = await Tools.ReadPidAsync(pidFile);
            var lines = result.Lines.Select(line => line.Text).ToList();
            Assert.Equal(0, result.ExitCode);
            Assert.Contains("done", lines);
            // Ticks kept coming after the tool exited; they were read until the timeout, then reading stopped.
            Assert.Contains("tick", lines.Skip(lines.IndexOf("done") + 1));
            Assert.True(result.Duration < TimeSpan.FromSeconds(60), $"the run took {result.Duration}: reading went on past the timeout");
        }
        finally
        {
            if (pid != 0)
                Tools.KillQuietly(pid);
            File.Delete(pidFile);
        }
    }
}
