using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Slipway.LocalAws.Signing;

/// <summary>The SigV4 computation: canonical request, string to sign, signing key and signature (AWS "Signature Version 4" as documented).</summary>
internal static class SigV4Signature
{
    /// <summary>The canonical request for <paramref name="request"/> covering <paramref name="signedHeaders"/>.</summary>
    public static string CanonicalRequest(SignedRequest request, IReadOnlyList<string> signedHeaders)
    {
        var builder = new StringBuilder()
            .Append(request.Method.ToUpperInvariant()).Append('\n')
            .Append(CanonicalPath(request.RawPath)).Append('\n')
            .Append(CanonicalQuery(request.RawQuery)).Append('\n');
        foreach (var name in signedHeaders)
            builder.Append(name).Append(':').Append(CanonicalHeaderValue(request.Values(name))).Append('\n');
        return builder.Append('\n')
            .Append(string.Join(';', signedHeaders)).Append('\n')
            .Append(Hex(SHA256.HashData(request.Body.Span)))
            .ToString();
    }

    /// <summary>The string to sign: algorithm, request time, scope and the hash of the canonical request.</summary>
    public static string StringToSign(string amzDate, string scope, string canonicalRequest) =>
        $"{SigV4Authorization.Algorithm}\n{amzDate}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)))}";

    /// <summary>The hex signature of <paramref name="stringToSign"/> with the key derived from the secret and the scope.</summary>
    public static string Sign(string secretAccessKey, SigV4Authorization authorization, string stringToSign)
    {
        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + secretAccessKey), authorization.ScopeDate);
        key = Hmac(key, authorization.Region);
        key = Hmac(key, authorization.Service);
        key = Hmac(key, "aws4_request");
        return Hex(Hmac(key, stringToSign));
    }

    /// <summary>Lowercase hexadecimal of <paramref name="bytes"/>.</summary>
    public static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);

    // Every service but S3 signs the path encoded once more than it is sent.
    private static string CanonicalPath(string rawPath)
    {
        if (string.IsNullOrEmpty(rawPath) || rawPath == "/")
            return "/";
        return string.Join('/', rawPath.Split('/').Select(Encode));
    }

    private static string CanonicalQuery(string rawQuery)
    {
        var pairs = rawQuery.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(pair => (Key: Encode(Uri.UnescapeDataString(pair[0])),
                Value: pair.Length > 1 ? Encode(Uri.UnescapeDataString(pair[1])) : ""))
            .OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .ThenBy(pair => pair.Value, StringComparer.Ordinal);
        return string.Join('&', pairs.Select(pair => $"{pair.Key}={pair.Value}"));
    }

    private static string CanonicalHeaderValue(IReadOnlyList<string> values) =>
        string.Join(',', values.Select(value => string.Join(' ',
            value.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))));

    // RFC 3986 unreserved characters stay; everything else is %XX of its UTF-8 bytes.
    private static string Encode(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~')
                builder.Append(c);
            else
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));
}
