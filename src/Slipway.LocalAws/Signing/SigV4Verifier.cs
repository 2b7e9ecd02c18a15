using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Slipway.LocalAws.Signing;

/// <summary>Verifies a SigV4-signed request against the platform's credentials and clock, as an AWS endpoint does.</summary>
internal sealed class SigV4Verifier(ICredentialResolver credentials, TimeProvider clock)
{
    /// <summary>How far a request's time may be from the platform's clock, as AWS allows.</summary>
    public static readonly TimeSpan AllowedSkew = TimeSpan.FromMinutes(15);

    private const string InvalidToken = "The security token included in the request is invalid.";

    /// <summary>The principal that signed <paramref name="request"/> for <paramref name="service"/> in one of <paramref name="regions"/>; throws <see cref="AuthFailure"/> otherwise.</summary>
    public AwsPrincipal Verify(SignedRequest request, string service, IReadOnlyCollection<string> regions)
    {
        var authorization = SigV4Authorization.Parse(request.Header("authorization"));
        var credential = credentials.Find(authorization.AccessKeyId)
            ?? throw new AuthFailure(AuthFailureKind.UnknownAccessKey, InvalidToken);
        if (!SameSecret(credential.SessionToken, request.Header("x-amz-security-token")))
            throw new AuthFailure(AuthFailureKind.UnknownAccessKey, InvalidToken);

        var (amzDate, signedAt) = RequestTime(request);
        CheckScope(authorization, service, regions, amzDate);
        if (!authorization.SignedHeaders.Contains("host"))
            throw new AuthFailure(AuthFailureKind.IncompleteSignature, "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");

        var canonicalRequest = SigV4Signature.CanonicalRequest(request, authorization.SignedHeaders);
        var expected = SigV4Signature.Sign(credential.SecretAccessKey, authorization,
            SigV4Signature.StringToSign(amzDate, authorization.Scope, canonicalRequest));
        if (!SameSecret(expected, authorization.Signature))
        {
            throw new AuthFailure(AuthFailureKind.SignatureMismatch,
                "The request signature we calculated does not match the signature you provided. " +
                "Check your AWS Secret Access Key and signing method. Consult the service documentation for details.");
        }

        CheckTime(amzDate, signedAt);
        if (credential.Expiration is { } expiration && expiration <= clock.GetUtcNow())
            throw new AuthFailure(AuthFailureKind.ExpiredToken, "The security token included in the request is expired");
        return credential.Principal;
    }

    private static (string AmzDate, DateTimeOffset SignedAt) RequestTime(SignedRequest request)
    {
        if (request.Header("x-amz-date") is { } amzDate)
        {
            return DateTimeOffset.TryParseExact(amzDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal, out var signedAt)
                ? (amzDate, signedAt)
                : throw new AuthFailure(AuthFailureKind.IncompleteSignature, $"Date must be in ISO-8601 'basic format'. Got '{amzDate}'.");
        }

        if (request.Header("date") is { } date && DateTimeOffset.TryParse(date, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            return (parsed.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture), parsed);
        throw new AuthFailure(AuthFailureKind.IncompleteSignature,
            "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
    }

    private static void CheckScope(SigV4Authorization authorization, string service, IReadOnlyCollection<string> regions, string amzDate)
    {
        if (authorization.Service != service)
            throw new AuthFailure(AuthFailureKind.SignatureMismatch, $"Credential should be scoped to correct service: '{service}'.");
        if (!regions.Contains(authorization.Region))
            throw new AuthFailure(AuthFailureKind.SignatureMismatch, $"Credential should be scoped to a valid region, not '{authorization.Region}'.");
        if (authorization.ScopeDate != amzDate[..8])
        {
            throw new AuthFailure(AuthFailureKind.SignatureMismatch,
                $"Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '{authorization.ScopeDate}' != '{amzDate[..8]}', from '{amzDate}'.");
        }
    }

    private void CheckTime(string amzDate, DateTimeOffset signedAt)
    {
        var now = clock.GetUtcNow();
        if (signedAt < now - AllowedSkew)
        {
            throw new AuthFailure(AuthFailureKind.SignatureMismatch,
                $"Signature expired: {amzDate} is now earlier than {Basic(now - AllowedSkew)} ({Basic(now)} - 15 min.)");
        }

        if (signedAt > now + AllowedSkew)
        {
            throw new AuthFailure(AuthFailureKind.SignatureMismatch,
                $"Signature not yet current: {amzDate} is still later than {Basic(now + AllowedSkew)} ({Basic(now)} + 15 min.)");
        }
    }

    private static string Basic(DateTimeOffset time) => time.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static bool SameSecret(string? expected, string? actual) =>
        expected is null ? actual is null
            : actual is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(actual));
}
