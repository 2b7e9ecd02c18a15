namespace Slipway.LocalAws.Signing;

/// <summary>Why a request was not authenticated; each protocol names these differently (see <c>AuthErrorCodes</c>).</summary>
internal enum AuthFailureKind
{
    MissingAuthentication,
    IncompleteSignature,
    UnknownAccessKey,
    ExpiredToken,
    SignatureMismatch,
}

/// <summary>A request failed SigV4 verification; the message is AWS's wording for the case.</summary>
internal sealed class AuthFailure(AuthFailureKind kind, string message) : Exception(message)
{
    /// <summary>Which of the AWS authentication failures this is.</summary>
    public AuthFailureKind Kind { get; } = kind;
}
