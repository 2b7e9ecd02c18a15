using System.Text.RegularExpressions;
using YamlDotNet.Core;

namespace Slipway.CiConfiguration.Buildspecs;

/// <summary>
/// Which quoting keeps a string a string for every YAML reader: CodeBuild's (YAML 1.1 rules, where <c>10.0</c> is a float that becomes
/// "10", and <c>yes</c>/<c>on</c> are booleans) as much as YamlDotNet's. A plain scalar is kept only when no reader can take it for
/// anything else.
/// </summary>
internal static partial class YamlScalarStyle
{
    // Words YAML 1.1 or 1.2 reads as booleans or null (YAML 1.1 also reads y/n as booleans).
    private static readonly HashSet<string> ReservedWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "y", "n", "yes", "no", "true", "false", "on", "off", "null", "~",
    };

    /// <summary>The style to write <paramref name="value"/> with: plain when unambiguous, else single-quoted, else double-quoted.</summary>
    public static ScalarStyle For(string value)
    {
        if (SafePlain().IsMatch(value) && !ReservedWords.Contains(value) && !LooksNumeric().IsMatch(value))
            return ScalarStyle.Plain;
        // Single quotes need no escapes but cannot hold line breaks or control characters readably.
        return value.Any(c => char.IsControl(c)) ? ScalarStyle.DoubleQuoted : ScalarStyle.SingleQuoted;
    }

    // A letter, digit, '/' or '_' first (no indicator, no '.', which starts .5 and .inf), then path and glob characters; no ': ' or ' #'.
    [GeneratedRegex(@"^[A-Za-z0-9_/][A-Za-z0-9_./*\-]*$")]
    private static partial Regex SafePlain();

    // Anything starting like a number, date or time (10.0, 0x1F, 1_000, 2026-12-07, 12:30, 1e3, 0o7): quoted, whatever its tail.
    [GeneratedRegex(@"^[0-9]")]
    private static partial Regex LooksNumeric();
}
