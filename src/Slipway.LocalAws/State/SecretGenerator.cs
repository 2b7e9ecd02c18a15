using System.Security.Cryptography;

namespace Slipway.LocalAws.State;

/// <summary>Random identifiers and secrets in the shapes AWS uses.</summary>
internal static class SecretGenerator
{
    private const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private const string Base64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    /// <summary>An access key id: <c>AKIA</c> for long-term keys, <c>ASIA</c> for temporary ones, then 16 characters.</summary>
    public static string AccessKeyId(string prefix) => prefix + RandomNumberGenerator.GetString(Upper, 16);

    /// <summary>A 40-character secret access key.</summary>
    public static string SecretAccessKey() => RandomNumberGenerator.GetString(Base64, 40);

    /// <summary>An opaque token of <paramref name="bytes"/> random bytes, base64-encoded.</summary>
    public static string Token(int bytes) => Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes));

    /// <summary>An IAM unique id such as <c>AROA...</c> (21 characters).</summary>
    public static string UniqueId(string prefix) => prefix + RandomNumberGenerator.GetString(Upper, 17);
}
