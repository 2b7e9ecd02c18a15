namespace Slipway.LocalAws.Signing;

/// <summary>What the platform knows about one access key: its secret, whom it stands for and, for temporary credentials, the session token and expiry.</summary>
internal sealed record SigningCredential(
    string SecretAccessKey,
    AwsPrincipal Principal,
    string? SessionToken = null,
    DateTimeOffset? Expiration = null);

/// <summary>Looks up the credential behind an access key id; null when the key is unknown.</summary>
internal interface ICredentialResolver
{
    /// <summary>The credential for <paramref name="accessKeyId"/>, or null when no such key was issued.</summary>
    SigningCredential? Find(string accessKeyId);
}
