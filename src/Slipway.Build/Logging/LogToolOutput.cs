using Slipway.Tooling;

namespace Slipway.Logging;

/// <summary>Sends a tool's echoed command line and output lines to the build log.</summary>
public sealed class LogToolOutput(Logger? logger = null) : IToolOutput
{
    /// <summary>Writes to the current build's log.</summary>
    public static LogToolOutput Current { get; } = new();

    private Logger Logger => logger ?? Log.Current;

    /// <inheritdoc />
    public void Command(string redactedCommandLine) => Logger.Write(LogLevel.Information, "> " + redactedCommandLine);

    /// <inheritdoc />
    public void Line(ToolOutputLine line) => Logger.Write(LogLevel.Information, $"[{line.Prefix}] {line.Text}");
}
