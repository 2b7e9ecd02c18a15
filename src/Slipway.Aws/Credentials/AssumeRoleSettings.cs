using System.Text.RegularExpressions;

namespace Slipway.Aws.Credentials;

/// <summary>The role one environment deploys with, e.g. the production account's deploy role.</summary>
/// <param name="RoleArn">The role to assume, e.g. "arn:aws:iam::222222222222:role/slipway-deploy".</param>
/// <param name="SessionName">Shows up in CloudTrail as the assumed-role session, e.g. "slipway-prod" (2–64 of [\w+=,.@-]).</param>
public sealed partial record AssumeRoleSettings(string RoleArn, string SessionName)
{
    /// <summary>The external id the role's trust policy requires, if any.</summary>
    public string? ExternalId { get; init; }

    /// <summary>Requested session length (15 minutes to 12 hours; the role's maximum applies).</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromHours(1);

    /// <summary>How long before expiry cached credentials are renewed.</summary>
    public TimeSpan RefreshBefore { get; init; } = TimeSpan.FromMinutes(5);

    [GeneratedRegex(@"^arn:aws[a-z-]*:iam::\d{12}:role/[\w+=,.@/-]+$")]
    private static partial Regex RoleArnPattern();

    [GeneratedRegex(@"^[\w+=,.@-]{2,64}$")]
    private static partial Regex SessionNamePattern();

    internal void Validate()
    {
        if (!RoleArnPattern().IsMatch(RoleArn))
            throw new AwsConfigurationException(
                $"Role ARN '{RoleArn}' is not an IAM role ARN. Expected 'arn:aws:iam::<12-digit account>:role/<name>'.");
        if (!SessionNamePattern().IsMatch(SessionName))
            throw new AwsConfigurationException(
                $"Role session name '{SessionName}' is not valid: use 2 to 64 letters, digits or +=,.@_- characters.");
        if (Duration < TimeSpan.FromMinutes(15) || Duration > TimeSpan.FromHours(12))
            throw new AwsConfigurationException($"Role session duration '{Duration}' is outside 15 minutes to 12 hours.");
        if (RefreshBefore < TimeSpan.Zero || RefreshBefore >= Duration)
            throw new AwsConfigurationException($"RefreshBefore '{RefreshBefore}' must be between zero and the session duration.");
    }
}
