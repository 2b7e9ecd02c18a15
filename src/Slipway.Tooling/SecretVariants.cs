using System.Net;
using System.Text;

namespace Slipway.Tooling;

/// <summary>The forms in which a secret may show up in tool output: as is, trimmed, encoded, or line by line.</summary>
internal static class SecretVariants
{
    // Lines shorter than this, such as "{" in a multi-line JSON credential, are too common to mask on their own.
    private const int MinimumLineLength = 4;

    /// <summary>Every text to mask for <paramref name="secret"/>; empty when the value cannot be masked.</summary>
    public static IReadOnlyCollection<string> Of(string? secret)
    {
        if (string.IsNullOrWhiteSpace(secret))
            return [];

        var variants = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in new[] { secret, secret.Trim() })
        {
            var base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(value));
            variants.Add(value);
            variants.Add(base64);
            variants.Add(base64.TrimEnd('=').Replace('+', '-').Replace('/', '_'));
            variants.Add(Uri.EscapeDataString(value));
            variants.Add(WebUtility.UrlEncode(value));
        }

        foreach (var line in secret.Split(['\r', '\n'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length >= MinimumLineLength)
                variants.Add(line);
        }

        return variants;
    }
}
