using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;

namespace Slipway.Aws.Signing;

/// <summary>Signs one HTTP request with AWSSDK.Core's SigV4 signer (Amazon.Runtime.Signing.AWSSigV4Signer); no crypto of our own.</summary>
internal static class RequestSigner
{
    /// <summary>The headers to add to the request: Authorization, X-Amz-Date, X-Amz-Content-SHA256 and, for session credentials, X-Amz-Security-Token.</summary>
    public static async Task<IDictionary<string, string>> SignAsync(
        HttpMethod method, Uri uri, IReadOnlyDictionary<string, string> headers, byte[] body,
        ImmutableCredentials credentials, RegionEndpoint region, string signingName, DateTimeOffset signedAt,
        CancellationToken cancellationToken)
    {
        var request = new AWSSigningRequest { HttpMethod = method, RequestUri = uri, Content = body };
        foreach (var (name, value) in headers)
            request.Headers[name] = value;
        var parameters = new AWSSigV4Parameters
        {
            Credentials = ToSdkCredentials(credentials),
            Region = region,
            Service = signingName,
            SignedAt = signedAt.UtcDateTime,
        };
        var result = await AWSSigV4Signer.SignAsync(request, parameters, cancellationToken).ConfigureAwait(false);
        return result.Headers;
    }

    private static AWSCredentials ToSdkCredentials(ImmutableCredentials credentials) => credentials.UseToken
        ? new SessionAWSCredentials(credentials.AccessKey, credentials.SecretKey, credentials.Token)
        : new BasicAWSCredentials(credentials.AccessKey, credentials.SecretKey);
}
