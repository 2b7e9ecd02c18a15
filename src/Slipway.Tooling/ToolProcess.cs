using System.ComponentModel;
using System.Diagnostics;

namespace Slipway.Tooling;

/// <summary>Runs one started tool to completion: pumps both output streams and standard input at once, and kills the whole process tree on timeout, cancellation or a failing sink.</summary>
internal static class ToolProcess
{
    // After a kill, output normally ends within milliseconds; this bounds the wait when an escaped process holds a pipe.
    private static readonly TimeSpan KillGracePeriod = TimeSpan.FromSeconds(2);

    /// <summary>Starts the tool and waits until it exited and its output is drained; throws <see cref="OperationCanceledException"/> when cancelled.</summary>
    public static async Task<ToolProcessOutcome> RunAsync(
        ProcessStartInfo startInfo,
        ToolInvocation invocation,
        ToolOutputRecorder recorder,
        CancellationToken cancellationToken)
    {
        using var process = new Process { StartInfo = startInfo };
        using var drain = new OutputDrain();
        using var sinkFailed = new CancellationTokenSource();
        var stopwatch = Stopwatch.StartNew();
        Start(process, invocation.FileName);

        using var timedOut = new CancellationTokenSource(invocation.Timeout ?? Timeout.InfiniteTimeSpan);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timedOut.Token, sinkFailed.Token);
        var standardOutput = PumpAsync(process.StandardOutput, ToolStream.StandardOutput);
        var standardError = PumpAsync(process.StandardError, ToolStream.StandardError);
        var output = Task.WhenAll(standardOutput, standardError);
        var input = WriteInputAsync(process.StandardInput, invocation.StandardInput);
        var exited = false;
        try
        {
            await process.WaitForExitAsync(stop.Token).ConfigureAwait(false);
            exited = true;
            drain.OnExited();
            await output.WaitAsync(stop.Token).ConfigureAwait(false);
            return await CompletedAsync().ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Once the tool has exited, a kill cannot reach what it left holding the pipes: stop reading at once.
            await KillAsync(process, drain, exited ? TimeSpan.Zero : KillGracePeriod, output, input).ConfigureAwait(false);
            if (sinkFailed.IsCancellationRequested)
                await output.ConfigureAwait(false);
            if (cancellationToken.IsCancellationRequested)
                throw new OperationCanceledException($"'{invocation.FileName}' was cancelled and killed.", cancellationToken);
            if (!timedOut.IsCancellationRequested)
                throw;
            // A tool that exited in time succeeded; only something it left running kept writing to its output.
            return exited ? await CompletedAsync().ConfigureAwait(false) : ToolProcessOutcome.TimedOut(stopwatch.Elapsed);
        }

        async Task<ToolProcessOutcome> CompletedAsync()
        {
            await input.ConfigureAwait(false);
            return new ToolProcessOutcome(
                process.ExitCode, await standardOutput.ConfigureAwait(false), await standardError.ConfigureAwait(false), stopwatch.Elapsed);
        }

        async Task<string> PumpAsync(StreamReader reader, ToolStream stream)
        {
            try
            {
                return await OutputPump.ReadAsync(reader, line => recorder.Add(stream, line), drain).ConfigureAwait(false);
            }
            catch (Exception)
            {
                // The sink threw: stop the tool rather than let it block on a pipe nobody reads.
                await sinkFailed.CancelAsync().ConfigureAwait(false);
                throw;
            }
        }
    }

    private static void Start(Process process, string toolName)
    {
        try
        {
            process.Start();
        }
        catch (Win32Exception exception)
        {
            throw new ToolException(toolName,
                $"Could not start '{toolName}' ({process.StartInfo.FileName}): {exception.Message}", exception);
        }
    }

    private static async Task WriteInputAsync(StreamWriter writer, string? text)
    {
        try
        {
            if (text is not null)
                await writer.WriteAsync(text).ConfigureAwait(false);
            writer.Close();
        }
        catch (IOException)
        {
            // The tool exited, or was killed, before reading all of its input.
        }
    }

    private static async Task KillAsync(Process process, OutputDrain drain, TimeSpan readingGracePeriod, Task output, Task input)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (Exception exception) when (exception is InvalidOperationException or Win32Exception or AggregateException)
        {
            // Already exited, or part of the tree vanished while it was being killed.
        }

        drain.Abandon(readingGracePeriod);
        await Task.WhenAll(output, input).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await process.WaitForExitAsync().WaitAsync(KillGracePeriod).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }
}
