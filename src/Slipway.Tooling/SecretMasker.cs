namespace Slipway.Tooling;

/// <summary>A thread-safe set of secret values, each replaced by <c>***</c> wherever it appears in text.</summary>
/// <remarks>
/// Every non-empty secret is masked whatever its length: a short secret also blanks matching text in unrelated
/// output, which is the price of never printing it. Whitespace-only values are ignored because masking them would
/// erase every space. Besides the value itself, its trimmed form, its base64 and URL-encoded forms, and (because
/// output is masked one line at a time) each line of a multi-line secret are masked too.
/// </remarks>
public sealed class SecretMasker
{
    /// <summary>The text that replaces a secret.</summary>
    public const string Replacement = "***";

    private readonly Lock _gate = new();
    private readonly HashSet<string> _patterns = new(StringComparer.Ordinal);

    // An immutable snapshot, replaced on every registration, so masking never takes the lock.
    private volatile string[] _snapshot = [];

    /// <summary>The process-wide masker every tool run applies.</summary>
    public static SecretMasker Global { get; } = new();

    /// <summary>Creates a masker holding the given secrets.</summary>
    public SecretMasker(params IEnumerable<string?> secrets)
    {
        foreach (var secret in secrets)
            Register(secret);
    }

    /// <summary>Whether any secret is registered.</summary>
    public bool HasSecrets => _snapshot.Length > 0;

    /// <summary>Adds a secret; null, empty and whitespace-only values are ignored.</summary>
    public void Register(string? secret) => Add(SecretVariants.Of(secret));

    /// <summary>Returns a new masker holding this masker's secrets plus <paramref name="secrets"/>; this one is unchanged.</summary>
    public SecretMasker With(IEnumerable<string?> secrets)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        var variants = secrets.SelectMany(SecretVariants.Of).ToList();
        if (variants.Count == 0)
            return this;

        var combined = new SecretMasker();
        combined.Add(_snapshot.Concat(variants));
        return combined;
    }

    /// <summary>Replaces every occurrence of every secret in <paramref name="text"/> with <c>***</c>; nested, overlapping and adjacent occurrences become one mask.</summary>
    /// <remarks>Returns the same instance, without allocating, when there is nothing to mask.</remarks>
    public string Mask(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var patterns = _snapshot;
        if (patterns.Length == 0 || text.Length == 0)
            return text;

        List<(int Start, int End)>? ranges = null;
        foreach (var pattern in patterns)
        {
            for (var index = text.IndexOf(pattern, StringComparison.Ordinal);
                 index >= 0;
                 index = text.IndexOf(pattern, index + 1, StringComparison.Ordinal))
                (ranges ??= []).Add((index, index + pattern.Length));
        }

        return ranges is null ? text : Replace(text, ranges);
    }

    private void Add(IEnumerable<string> patterns)
    {
        lock (_gate)
        {
            var count = _patterns.Count;
            _patterns.UnionWith(patterns);
            if (_patterns.Count != count)
                _snapshot = [.. _patterns];
        }
    }

    private static string Replace(string text, List<(int Start, int End)> ranges)
    {
        ranges.Sort((left, right) => left.Start.CompareTo(right.Start));
        var builder = new System.Text.StringBuilder(text.Length);
        var copied = 0;
        var index = 0;
        while (index < ranges.Count)
        {
            var (start, end) = ranges[index++];
            // Merge overlapping and touching occurrences, so no fragment of any secret survives between masks.
            while (index < ranges.Count && ranges[index].Start <= end)
                end = Math.Max(end, ranges[index++].End);
            builder.Append(text, copied, start - copied).Append(Replacement);
            copied = end;
        }

        return builder.Append(text, copied, text.Length - copied).ToString();
    }
}
