namespace Slipway.Tooling;

/// <summary>What a finished tool run produced.</summary>
/// <remarks>
/// <see cref="StandardOutput"/> and <see cref="StandardError"/> are raw and NOT masked, because callers parse them
/// (JSON from a tool, say): never log them. <see cref="Lines"/> and <see cref="CommandLine"/> are masked and safe to show.
/// </remarks>
public sealed class ToolResult(
    int exitCode,
    string standardOutput,
    string standardError,
    IReadOnlyList<ToolOutputLine> lines,
    TimeSpan duration,
    string commandLine)
{
    /// <summary>The tool's exit code.</summary>
    public int ExitCode { get; } = exitCode;

    /// <summary>Everything the tool wrote to standard output, exactly as written: raw, NOT masked.</summary>
    public string StandardOutput { get; } = standardOutput;

    /// <summary>Everything the tool wrote to standard error, exactly as written: raw, NOT masked.</summary>
    public string StandardError { get; } = standardError;

    /// <summary>Every output line of both streams in arrival order, masked.</summary>
    public IReadOnlyList<ToolOutputLine> Lines { get; } = lines;

    /// <summary>How long the tool ran.</summary>
    public TimeSpan Duration { get; } = duration;

    /// <summary>The masked command line.</summary>
    public string CommandLine { get; } = commandLine;

    /// <summary>Standard output with surrounding whitespace trimmed, such as the hash from <c>git rev-parse HEAD</c>: raw, NOT masked.</summary>
    public string Text => StandardOutput.Trim();
}
