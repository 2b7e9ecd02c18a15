using System.Diagnostics;

namespace Slipway.Tooling.Tests;

public partial class ToolRunnerTest
{
    [Fact]
    public async Task TestRunAsync_TimeoutKillsTheWholeProcessTree()
    {
        var pidFile = Path.Combine(Path.GetTempPath(), $"slipway-{Guid.NewGuid():N}.pid");
        // The background sleep is a grandchild of the runner: only a tree kill reaches it.
        var invocation = Tools.Sh("sleep 30 & echo $! > \"$1\"; echo started; sleep 30; wait", pidFile)
            with { Timeout = TimeSpan.FromMilliseconds(500) };
        var pid = 0;
        try
        {
            var stopwatch = Stopwatch.StartNew();
            var exception = await Assert.ThrowsAsync<ToolTimeoutException>(() => ToolRunner.RunAsync(invocation));
            stopwatch.Stop();

            pid = await Tools.ReadPidAsync(pidFile);
            Assert.InRange(stopwatch.Elapsed, TimeSpan.FromMilliseconds(400), TimeSpan.FromSeconds(5));
            Assert.True(await Tools.WaitUntilGoneAsync(pid, TimeSpan.FromSeconds(3)), $"Grandchild {pid} survived the timeout.");
            Assert.Equal(TimeSpan.FromMilliseconds(500), exception.Timeout);
            Assert.Equal(["started"], exception.Tail);
            Assert.StartsWith("'/bin/sh' did not finish within 500 ms and was killed.", exception.Message);
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
    public async Task TestRunAsync_CancellationKillsTheToolQuickly()
    {
        var pidFile = Path.Combine(Path.GetTempPath(), $"slipway-{Guid.NewGuid():N}.pid");
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var pid = 0;
        try
        {
            var stopwatch = Stopwatch.StartNew();
            var exception = await Assert.ThrowsAsync<OperationCanceledException>(
                () => ToolRunner.RunAsync(Tools.Sh("echo $$ > \"$1\"; sleep 30; echo never", pidFile), cancellationToken: cancellation.Token));
            stopwatch.Stop();

            pid = await Tools.ReadPidAsync(pidFile);
            Assert.Equal(cancellation.Token, exception.CancellationToken);
            Assert.InRange(stopwatch.Elapsed, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(5));
            Assert.True(await Tools.WaitUntilGoneAsync(pid, TimeSpan.FromSeconds(3)));
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
        // The background sleep inherits stdout and keeps the pipe open after the tool itself exited.
        var invocation = Tools.Sh("sleep 20 & echo $! > \"$1\"; echo done", pidFile);
        var pid = 0;
        try
        {
            var stopwatch = Stopwatch.StartNew();
            var result = await ToolRunner.RunAsync(invocation);
            stopwatch.Stop();

            pid = await Tools.ReadPidAsync(pidFile);
            Assert.True(Tools.IsRunning(pid)); // the pipe really was still held open
            Assert.Equal("done\n", result.StandardOutput);
            Assert.InRange(stopwatch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5));
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
        // The tool exits at once, but leaves a chatty loop behind on its output: without the timeout this never ends.
        var invocation = Tools.Sh("(i=0; while [ $i -lt 50 ]; do echo tick; sleep 0.2; i=$((i+1)); done) & echo $! > \"$1\"; echo done", pidFile)
            with { Timeout = TimeSpan.FromMilliseconds(1500) };
        var pid = 0;
        try
        {
            var result = await ToolRunner.RunAsync(invocation);

            pid = await Tools.ReadPidAsync(pidFile);
            Assert.Equal(0, result.ExitCode);
            Assert.Contains("done", result.Lines.Select(line => line.Text));
            // Ticks kept coming after the tool exited; they were read until the timeout, then reading stopped.
            Assert.True(result.Lines.Count(line => line.Text == "tick") >= 3);
            Assert.InRange(result.Duration, TimeSpan.Zero, TimeSpan.FromSeconds(3));
        }
        finally
        {
            if (pid != 0)
                Tools.KillQuietly(pid);
            File.Delete(pidFile);
        }
    }
}
