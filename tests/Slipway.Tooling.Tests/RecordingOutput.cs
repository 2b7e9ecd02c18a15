namespace Slipway.Tooling.Tests;

/// <summary>An output sink that remembers every call, for assertions, and can react to each line.</summary>
internal sealed class RecordingOutput(Action<ToolOutputLine>? onLine = null) : IToolOutput
{
    private readonly Lock _gate = new();
    private readonly List<string> _commands = [];
    private readonly List<ToolOutputLine> _lines = [];

    public IReadOnlyList<string> Commands
    {
        get { lock (_gate) return [.. _commands]; }
    }

    public IReadOnlyList<ToolOutputLine> Lines
    {
        get { lock (_gate) return [.. _lines]; }
    }

    /// <summary>Everything shown, one entry per call, to check that a secret appears nowhere.</summary>
    public string Transcript => string.Join('\n', Commands.Concat(Lines.Select(line => line.Text)));

    public void Command(string redactedCommandLine)
    {
        lock (_gate) _commands.Add(redactedCommandLine);
    }

    public void Line(ToolOutputLine line)
    {
        lock (_gate) _lines.Add(line);
        onLine?.Invoke(line);
    }
}
