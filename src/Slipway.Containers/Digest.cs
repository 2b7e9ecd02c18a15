using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Slipway.Containers;

/// <summary>A content digest "algorithm:hex"; only sha256 is computed, as registries require.</summary>
public static partial class Digest
{
    /// <summary>The "sha256:..." digest of the bytes.</summary>
    public static string Sha256(ReadOnlySpan<byte> bytes) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>True when the text is "sha256:" + 64 lowercase hex (or another known algorithm with its length).</summary>
    public static bool TryParse(string text, out (string Algorithm, string Hex) parts)
    {
        parts = default;
        var match = DigestPattern().Match(text);
        if (!match.Success)
            return false;
        var algorithm = match.Groups[1].Value;
        var hex = match.Groups[2].Value;
        var expected = algorithm switch { "sha256" => 64, "sha512" => 128, _ => -1 };
        if (hex.Length != expected)
            return false;
        parts = (algorithm, hex);
        return true;
    }

    /// <summary>Throws when the text is not a valid digest.</summary>
    public static string Validate(string text) =>
        TryParse(text, out _) ? text : throw new FormatException($"Digest '{text}' is invalid: expected 'sha256:' followed by 64 lowercase hex digits.");

    [GeneratedRegex(@"^([a-z0-9]+(?:[.+_-][a-z0-9]+)*):([a-f0-9]+)\z")]
    private static partial Regex DigestPattern();
}
