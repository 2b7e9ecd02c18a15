namespace Slipway.Tooling;

/// <summary>Masks each output line, keeps it in arrival order, and forwards it to the sink one call at a time.</summary>
internal sealed class ToolOutputRecorder(SecretMasker masker, string prefix, IToolOutput sink)
{
    private readonly Lock _gate = new();
    private readonly List<ToolOutputLine> _lines = [];

    /// <summary>Records one raw line from <paramref name="stream"/>.</summary>
    public void Add(ToolStream stream, string rawText)
    {
        var line = new ToolOutputLine(stream, masker.Mask(rawText), prefix);
        // The lock keeps stdout and stderr lines from interleaving in the sink, which may not be thread-safe.
        lock (_gate)
        {
            _lines.Add(line);
            sink.Line(line);
        }
    }

    /// <summary>A copy of every line recorded so far.</summary>
    public IReadOnlyList<ToolOutputLine> Lines()
    {
        lock (_gate)
            return _lines.ToArray().AsReadOnly();
    }

    /// <summary>The text of the last <paramref name="count"/> lines.</summary>
    public IReadOnlyList<string> Tail(int count)
    {
        lock (_gate)
            return _lines.Skip(Math.Max(0, _lines.Count - count)).Select(line => line.Text).ToArray().AsReadOnly();
    }
}
