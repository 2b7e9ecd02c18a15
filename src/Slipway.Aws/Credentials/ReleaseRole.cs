namespace Slipway.Aws.Credentials;

/// <summary>Which credentials a build uses per account: its own everywhere, except the release account when a role to assume there is given.</summary>
/// <param name="ReleaseAccount">The account releases go to, e.g. "production".</param>
/// <param name="RoleArn">The role to assume in it; null for a single-account setup (the build's own credentials).</param>
public sealed record ReleaseRole(string ReleaseAccount, string? RoleArn)
{
    /// <summary>The session name the assumed role shows in CloudTrail.</summary>
    public const string SessionName = "slipway-release";

    /// <summary>Role credentials for <paramref name="account"/> (assumed through STS with <paramref name="sts"/>; the caller disposes them), or null to use the build's own.</summary>
    public RoleCredentials? CredentialsFor(string account, AwsClientOptions sts) =>
        account == ReleaseAccount && RoleArn is { } role ? new RoleCredentials(new AssumeRoleSettings(role, SessionName), sts) : null;
}
