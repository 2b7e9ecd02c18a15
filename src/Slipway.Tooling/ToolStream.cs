namespace Slipway.Tooling;

/// <summary>The output stream a tool wrote a line to.</summary>
public enum ToolStream
{
    /// <summary>The tool's standard output.</summary>
    StandardOutput,

    /// <summary>The tool's standard error.</summary>
    StandardError,
}
