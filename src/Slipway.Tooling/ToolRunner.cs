namespace Slipway.Tooling;

/// <summary>Runs command-line tools without a shell, streaming their masked output and failing with messages that say what went wrong.</summary>
public static class ToolRunner
{
    /// <summary>Runs the tool and returns its result once it exited and all its output was read.</summary>
    /// <exception cref="ToolNotFoundException">The executable is not on PATH or not at the path given.</exception>
    /// <exception cref="ToolFailedException">The exit code is not zero and <see cref="ToolInvocation.CheckExitCode"/> is set.</exception>
    /// <exception cref="ToolTimeoutException">The tool exceeded <see cref="ToolInvocation.Timeout"/>; its process tree was killed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled; the process tree was killed.</exception>
    public static async Task<ToolResult> RunAsync(
        ToolInvocation invocation,
        IToolOutput? output = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        cancellationToken.ThrowIfCancellationRequested();
        output ??= ToolOutput.None;

        var masker = SecretMasker.Global.With(invocation.Secrets);
        var commandLine = CommandLine.Format(invocation.FileName, invocation.Arguments, masker);
        var startInfo = ToolStartInfo.Create(invocation);
        if (invocation.EchoCommand)
            output.Command(commandLine);

        var recorder = new ToolOutputRecorder(masker, invocation.OutputPrefix, invocation.StreamOutput ? output : ToolOutput.None);
        var outcome = await ToolProcess.RunAsync(startInfo, invocation, recorder, cancellationToken).ConfigureAwait(false);
        if (outcome.IsTimedOut)
            throw new ToolTimeoutException(invocation.FileName, invocation.Timeout!.Value, commandLine, recorder.Tail(invocation.TailLines));
        if (invocation.CheckExitCode && outcome.ExitCode != 0)
            throw new ToolFailedException(invocation.FileName, outcome.ExitCode, commandLine, recorder.Tail(invocation.TailLines));

        return new ToolResult(outcome.ExitCode, outcome.StandardOutput, outcome.StandardError, recorder.Lines(), outcome.Duration, commandLine);
    }

    /// <summary>Runs the tool and blocks until it finished; see <see cref="RunAsync"/>.</summary>
    public static ToolResult Run(ToolInvocation invocation, IToolOutput? output = null, CancellationToken cancellationToken = default) =>
        RunAsync(invocation, output, cancellationToken).GetAwaiter().GetResult();
}
