using System.Text;

namespace Slipway.Tooling;

/// <summary>Cuts a stream of characters into lines at <c>\n</c>, <c>\r\n</c> or a lone <c>\r</c>, even when a break straddles two chunks.</summary>
internal sealed class LineSplitter
{
    private readonly StringBuilder _partial = new();
    private bool _afterCarriageReturn;

    /// <summary>Passes each line completed by <paramref name="chunk"/> to <paramref name="onLine"/>, without its line break.</summary>
    public void Append(ReadOnlySpan<char> chunk, Action<string> onLine)
    {
        if (_afterCarriageReturn && chunk.Length > 0)
        {
            _afterCarriageReturn = false;
            if (chunk[0] == '\n')
                chunk = chunk[1..];
        }

        for (var end = chunk.IndexOfAny('\r', '\n'); end >= 0; end = chunk.IndexOfAny('\r', '\n'))
        {
            onLine(_partial.Length == 0 ? chunk[..end].ToString() : _partial.Append(chunk[..end]).ToString());
            _partial.Clear();

            var breakLength = chunk[end] == '\r' && end + 1 < chunk.Length && chunk[end + 1] == '\n' ? 2 : 1;
            _afterCarriageReturn = chunk[end] == '\r' && breakLength == 1 && end + 1 == chunk.Length;
            chunk = chunk[(end + breakLength)..];
        }

        _partial.Append(chunk);
    }

    /// <summary>Passes the last line to <paramref name="onLine"/> when the text did not end with a line break.</summary>
    public void Flush(Action<string> onLine)
    {
        if (_partial.Length > 0)
            onLine(_partial.ToString());
        _partial.Clear();
        _afterCarriageReturn = false;
    }
}
