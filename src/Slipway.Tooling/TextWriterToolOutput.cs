namespace Slipway.Tooling;

/// <summary>Writes a tool run as plain text: <c>$ command</c>, then <c>prefix&gt; text</c> per line, errors to a second writer.</summary>
/// <remarks>The writers are looked up on every call, so redirecting the console later still takes effect.</remarks>
internal sealed class TextWriterToolOutput(Func<TextWriter> output, Func<TextWriter> error) : IToolOutput
{
    public void Command(string redactedCommandLine) => output().WriteLine("$ " + redactedCommandLine);

    public void Line(ToolOutputLine line)
    {
        var writer = line.Stream == ToolStream.StandardError ? error() : output();
        writer.WriteLine(line.Prefix.Length == 0 ? line.Text : $"{line.Prefix}> {line.Text}");
    }
}
