using Slipway.LocalAws.Signing;

namespace Slipway.LocalAws.Server;

/// <summary>How each protocol names an authentication failure: JSON services and Query services (STS) use different codes.</summary>
internal static class AuthErrorCodes
{
    /// <summary>The JSON 1.1 error for <paramref name="failure"/>.</summary>
    public static AwsErrorException ForJson(AuthFailure failure) => failure.Kind switch
    {
        AuthFailureKind.MissingAuthentication => new("MissingAuthenticationTokenException", failure.Message, 403),
        AuthFailureKind.IncompleteSignature => new("IncompleteSignatureException", failure.Message, 400),
        AuthFailureKind.UnknownAccessKey => new("UnrecognizedClientException", failure.Message, 403),
        AuthFailureKind.ExpiredToken => new("ExpiredTokenException", failure.Message, 400),
        _ => new("InvalidSignatureException", failure.Message, 403),
    };

    /// <summary>The Query (STS) error for <paramref name="failure"/>.</summary>
    public static AwsErrorException ForQuery(AuthFailure failure) => failure.Kind switch
    {
        AuthFailureKind.MissingAuthentication => new("MissingAuthenticationToken", "Request is missing Authentication Token", 403),
        AuthFailureKind.IncompleteSignature => new("IncompleteSignature", failure.Message, 400),
        AuthFailureKind.UnknownAccessKey => new("InvalidClientTokenId", failure.Message, 403),
        AuthFailureKind.ExpiredToken => new("ExpiredToken", failure.Message, 403),
        _ => new("SignatureDoesNotMatch", failure.Message, 403),
    };
}
