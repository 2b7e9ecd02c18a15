namespace Slipway.Tooling;

/// <summary>The tool exited with a non-zero exit code.</summary>
/// <remarks>Carries only masked text, so logging this exception, properties included, cannot leak a secret.</remarks>
public sealed class ToolFailedException : ToolException
{
    /// <summary>Creates the error for <paramref name="toolName"/>, quoting its masked command line and last output lines.</summary>
    public ToolFailedException(string toolName, int exitCode, string commandLine, IReadOnlyList<string> tail)
        : base(toolName, ToolFailureMessage.Format($"'{toolName}' exited with code {exitCode}.", commandLine, tail))
    {
        ExitCode = exitCode;
        CommandLine = commandLine;
        Tail = tail;
    }

    /// <summary>The tool's exit code.</summary>
    public int ExitCode { get; }

    /// <summary>The masked command line.</summary>
    public string CommandLine { get; }

    /// <summary>The last masked output lines, standard output and error in arrival order.</summary>
    public IReadOnlyList<string> Tail { get; }
}
