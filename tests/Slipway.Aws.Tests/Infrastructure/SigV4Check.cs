using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Slipway.Aws.Tests.Infrastructure;

/// <summary>An independent SigV4 check of a received request, as a service would verify it (test oracle, not product code).</summary>
public static partial class SigV4Check
{
    [GeneratedRegex(@"^AWS4-HMAC-SHA256 Credential=(?<key>[^/]+)/(?<scope>(?<date>\d{8})/(?<region>[^/]+)/(?<service>[^/]+)/aws4_request), SignedHeaders=(?<signed>[^,]+), Signature=(?<signature>[0-9a-f]{64})$")]
    private static partial Regex Authorization();

    public sealed record Parsed(string AccessKey, string Scope, string Region, string Service, IReadOnlyList<string> SignedHeaders, string Signature);

    public static Parsed Parse(RecordedRequest request)
    {
        var match = Authorization().Match(request.Header("Authorization"));
        Assert.True(match.Success, $"Authorization header has SigV4 shape: '{request.Header("Authorization")}'");
        return new Parsed(match.Groups["key"].Value, match.Groups["scope"].Value, match.Groups["region"].Value,
            match.Groups["service"].Value, match.Groups["signed"].Value.Split(';'), match.Groups["signature"].Value);
    }

    /// <summary>Recomputes the signature from what arrived on the wire and the secret key.</summary>
    public static string ExpectedSignature(RecordedRequest request, string secretKey)
    {
        var parsed = Parse(request);
        var canonicalHeaders = string.Concat(parsed.SignedHeaders.Select(h => $"{h}:{request.Header(h).Trim()}\n"));
        var canonicalRequest = $"{request.Method}\n{request.Path}\n\n{canonicalHeaders}\n{string.Join(';', parsed.SignedHeaders)}\n{Hex(SHA256.HashData(request.Body))}";
        var stringToSign = $"AWS4-HMAC-SHA256\n{request.Header("X-Amz-Date")}\n{parsed.Scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)))}";
        var key = Encoding.UTF8.GetBytes("AWS4" + secretKey);
        foreach (var part in parsed.Scope.Split('/'))
            key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(part));
        return Hex(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));
    }

    public static void AssertValid(RecordedRequest request, string secretKey) =>
        Assert.Equal(ExpectedSignature(request, secretKey), Parse(request).Signature);

    public static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
