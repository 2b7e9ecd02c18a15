using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Auth;

namespace Slipway.LocalAws.Tests.Infrastructure;

/// <summary>Sends raw HTTP requests signed by AWSSDK.Core's own SigV4 implementation, so the platform's verifier is checked against AWS's signer.</summary>
public sealed class SignedHttp : AWS4Signer
{
    private static readonly HttpClient Http = new();

    /// <summary>POSTs <paramref name="body"/> to <paramref name="endpoint"/> signed for <paramref name="service"/> at <paramref name="signedAt"/> (now when null).</summary>
    public static async Task<HttpResponseMessage> PostAsync(
        Uri endpoint, string region, string service, ImmutableCredentials credentials, byte[] body, string contentType,
        IReadOnlyDictionary<string, string>? extraHeaders = null, DateTime? signedAt = null, byte[]? sendInstead = null)
    {
        var time = signedAt ?? DateTime.UtcNow;
        var headers = new Dictionary<string, string>
        {
            ["host"] = endpoint.Authority,
            ["x-amz-date"] = time.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture),
            ["content-type"] = contentType,
        };
        foreach (var (name, value) in extraHeaders ?? new Dictionary<string, string>())
            headers[name.ToLowerInvariant()] = value;
        if (credentials.UseToken)
            headers["x-amz-security-token"] = credentials.Token;

        var sorted = SortAndPruneHeaders(headers);
        var canonical = CanonicalizeRequest(endpoint, "/", "POST", sorted, "", Convert.ToHexStringLower(SHA256.HashData(body)));
        var signature = ComputeSignature(credentials, region, time, service, CanonicalizeHeaderNames(sorted), canonical);

        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new ByteArrayContent(sendInstead ?? body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        foreach (var (name, value) in headers.Where(header => header.Key is not ("host" or "content-type")))
            request.Headers.TryAddWithoutValidation(name, value);
        request.Headers.TryAddWithoutValidation("Authorization", signature.ForAuthorizationHeader);
        return await Http.SendAsync(request);
    }
}
