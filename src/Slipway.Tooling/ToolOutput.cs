namespace Slipway.Tooling;

/// <summary>The ready-made <see cref="IToolOutput"/> sinks.</summary>
public static class ToolOutput
{
    /// <summary>A sink that discards everything.</summary>
    public static IToolOutput None { get; } = new DiscardingOutput();

    /// <summary>A sink that writes <c>$ command</c> and <c>prefix&gt; text</c> lines to the console, errors to standard error.</summary>
    public static IToolOutput Console { get; } = new TextWriterToolOutput(() => System.Console.Out, () => System.Console.Error);

    private sealed class DiscardingOutput : IToolOutput
    {
        public void Command(string redactedCommandLine)
        {
        }

        public void Line(ToolOutputLine line)
        {
        }
    }
}
