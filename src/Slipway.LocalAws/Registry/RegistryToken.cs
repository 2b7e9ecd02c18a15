using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Slipway.LocalAws.Registry;

/// <summary>The registry passwords GetAuthorizationToken hands out: <c>{expiry}.{HMAC}</c>, checked by the registry proxy without any stored list, valid until they expire as ECR's are.</summary>
internal static class RegistryToken
{
    /// <summary>The user name ECR tokens carry.</summary>
    public const string UserName = "AWS";

    /// <summary>How long a token is valid, as with ECR.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(12);

    /// <summary>A password for <paramref name="accountId"/>'s registry valid until <paramref name="expiresAt"/> (whole seconds).</summary>
    public static string Issue(string key, string accountId, DateTimeOffset expiresAt)
    {
        var expiry = expiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"{expiry}.{Sign(key, accountId, expiry)}";
    }

    /// <summary>Whether <paramref name="password"/> was issued for <paramref name="accountId"/> and has not expired at <paramref name="now"/>.</summary>
    public static bool IsValid(string key, string accountId, string password, DateTimeOffset now)
    {
        var dot = password.IndexOf('.');
        if (dot <= 0 || !long.TryParse(password.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var expiry))
            return false;
        var expected = Encoding.ASCII.GetBytes(Sign(key, accountId, password[..dot]));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(password[(dot + 1)..]))
            && now.ToUnixTimeSeconds() < expiry;
    }

    private static string Sign(string key, string accountId, string expiry) =>
        Convert.ToBase64String(HMACSHA256.HashData(Convert.FromBase64String(key), Encoding.UTF8.GetBytes($"{accountId}\n{expiry}")))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
