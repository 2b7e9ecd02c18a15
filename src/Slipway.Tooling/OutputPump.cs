using System.Text;

namespace Slipway.Tooling;

/// <summary>Reads one of a tool's output streams to its end, keeping the raw text and reporting each line as it completes.</summary>
internal static class OutputPump
{
    private const int BufferSize = 8192;

    /// <summary>Reads <paramref name="reader"/> until end of stream or until <paramref name="drain"/> says stop; returns the raw text.</summary>
    public static async Task<string> ReadAsync(StreamReader reader, Action<string> onLine, OutputDrain drain)
    {
        var raw = new StringBuilder();
        var splitter = new LineSplitter();
        var buffer = new char[BufferSize];
        try
        {
            int read;
            while ((read = await reader.ReadAsync(buffer.AsMemory(), drain.Token).ConfigureAwait(false)) > 0)
            {
                drain.OnData();
                raw.Append(buffer, 0, read);
                splitter.Append(new ReadOnlySpan<char>(buffer, 0, read), onLine);
            }
        }
        catch (OperationCanceledException) when (drain.Token.IsCancellationRequested)
        {
            // Abandoned: the tool is gone, but something it started still holds the pipe open.
        }

        splitter.Flush(onLine);
        return raw.ToString();
    }
}
