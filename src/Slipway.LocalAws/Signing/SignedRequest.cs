namespace Slipway.LocalAws.Signing;

/// <summary>The parts of an HTTP request that SigV4 covers, as received: the path and query still percent-encoded.</summary>
internal sealed record SignedRequest(
    string Method,
    string RawPath,
    string RawQuery,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Headers,
    ReadOnlyMemory<byte> Body)
{
    /// <summary>All values of header <paramref name="name"/> (case-insensitive), empty when absent.</summary>
    public IReadOnlyList<string> Values(string name) =>
        Headers.TryGetValue(name, out var values) ? values : [];

    /// <summary>The first value of header <paramref name="name"/>, or null.</summary>
    public string? Header(string name) => Values(name) is [var first, ..] ? first : null;
}
