using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Slipway.Versioning.GitFlow;

/// <summary>Docker tag rules: <c>[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}</c>, and branch ids made safe for them without two branches ever sharing a tag.</summary>
public static partial class DockerTag
{
    /// <summary>The longest tag Docker accepts.</summary>
    public const int MaxLength = 128;

    /// <summary>Whether <paramref name="tag"/> is a valid Docker tag.</summary>
    public static bool IsValid(string tag) => TagPattern().IsMatch(tag);

    /// <summary>
    /// Makes a branch id usable inside a tag: lower case, every run of other characters (<c>/</c>, <c>_</c>, unicode, ...) becomes one <c>-</c>,
    /// at most <paramref name="maxLength"/> characters. When that changes the id, a short hash of the original id is appended,
    /// so <c>Foo_Bar</c> and <c>foo-bar</c> never map to the same tag.
    /// </summary>
    public static string SanitizeId(string id, int maxLength = 48)
    {
        var lower = id.ToLowerInvariant();
        var cleaned = InvalidRun().Replace(lower, "-").Trim('-', '.');
        if (cleaned == id && cleaned.Length <= maxLength && cleaned.Length > 0)
            return cleaned;
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(id)))[..8].ToLower(CultureInfo.InvariantCulture);
        var room = Math.Max(0, maxLength - hash.Length - 1);
        var head = cleaned.Length > room ? cleaned[..room].TrimEnd('-', '.') : cleaned;
        return head.Length == 0 ? hash : $"{head}-{hash}";
    }

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}\z", RegexOptions.CultureInvariant)] // \z: $ would accept a final newline
    private static partial Regex TagPattern();

    [GeneratedRegex("[^a-z0-9.]+", RegexOptions.CultureInvariant)]
    private static partial Regex InvalidRun();
}
