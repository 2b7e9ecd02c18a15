using System.Text;

namespace Slipway.Aws.Ecr;

/// <summary>GetAuthorizationToken input (no members: the token is for the caller's default registry).</summary>
public sealed record GetAuthorizationTokenRequest;

/// <summary>GetAuthorizationToken output.</summary>
public sealed record GetAuthorizationTokenResult
{
    /// <summary>One entry per registry; usually exactly one.</summary>
    public IReadOnlyList<AuthorizationData> AuthorizationData { get; init; } = [];
}

/// <summary>A registry login: base64 "AWS:password", valid 12 hours, for <see cref="ProxyEndpoint"/>.</summary>
public sealed record AuthorizationData
{
    /// <summary>Base64 of "AWS:&lt;password&gt;"; a secret.</summary>
    public string? AuthorizationToken { get; init; }

    /// <summary>When the token stops working.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>The registry URL, e.g. https://123456789012.dkr.ecr.eu-west-1.amazonaws.com.</summary>
    public string? ProxyEndpoint { get; init; }

    /// <summary>Decodes the token into the HTTP Basic user and password for the registry.</summary>
    public RegistryCredentials DecodeCredentials()
    {
        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(AuthorizationToken ?? ""));
        }
        catch (FormatException)
        {
            decoded = "";
        }
        var colon = decoded.IndexOf(':');
        if (colon <= 0)
            throw new AwsProtocolException(
                $"The ECR authorization token for '{ProxyEndpoint}' is not base64 of 'user:password'.", requestId: null);
        return new RegistryCredentials(decoded[..colon], decoded[(colon + 1)..], ProxyEndpoint, ExpiresAt);
    }

    /// <summary>Never prints the token.</summary>
    public override string ToString() => $"AuthorizationData {{ ProxyEndpoint = {ProxyEndpoint}, ExpiresAt = {ExpiresAt:O} }}";
}

/// <summary>HTTP Basic credentials for an ECR registry (user "AWS").</summary>
/// <param name="UserName">Always "AWS" for ECR.</param>
/// <param name="Password">The registry password; a secret.</param>
/// <param name="Registry">The registry URL the credentials are for.</param>
/// <param name="ExpiresAt">When they stop working.</param>
public sealed record RegistryCredentials(string UserName, string Password, string? Registry, DateTimeOffset? ExpiresAt)
{
    /// <summary>Never prints the password.</summary>
    public override string ToString() => $"RegistryCredentials {{ UserName = {UserName}, Registry = {Registry}, Password = *** }}";
}
