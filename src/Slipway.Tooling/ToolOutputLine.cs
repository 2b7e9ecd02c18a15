namespace Slipway.Tooling;

/// <summary>One line a tool wrote, with secrets already masked and without its line break.</summary>
/// <param name="Stream">The stream the line was written to.</param>
/// <param name="Text">The masked text of the line.</param>
/// <param name="Prefix">The prefix to show before the line, usually the tool's name, such as <c>git</c>.</param>
public sealed record ToolOutputLine(ToolStream Stream, string Text, string Prefix);
