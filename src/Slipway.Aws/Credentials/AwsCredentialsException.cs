namespace Slipway.Aws.Credentials;

/// <summary>A credential source is configured but could not produce credentials (expired SSO session, half-set variables, unreachable container endpoint).</summary>
public class AwsCredentialsException : AwsException
{
    /// <summary>Creates the exception; messages name sources and variables, never secret values.</summary>
    public AwsCredentialsException(string message, Exception? innerException = null) : base(message, innerException) { }
}

/// <summary>One credential source the chain looked at and why it had nothing.</summary>
/// <param name="Source">The source, e.g. "environment variables".</param>
/// <param name="Reason">Why it did not apply, e.g. "AWS_ACCESS_KEY_ID is not set".</param>
public sealed record CredentialSourceAttempt(string Source, string Reason);

/// <summary>No credential source applied; the message lists each source tried and how to configure one.</summary>
public sealed class AwsCredentialsNotFoundException : AwsCredentialsException
{
    /// <summary>Creates the exception from the sources tried, in order.</summary>
    public AwsCredentialsNotFoundException(IReadOnlyList<CredentialSourceAttempt> attempts) : base(Describe(attempts)) =>
        Attempts = attempts;

    /// <summary>The sources tried, in order, with the reason each had nothing.</summary>
    public IReadOnlyList<CredentialSourceAttempt> Attempts { get; }

    private static string Describe(IReadOnlyList<CredentialSourceAttempt> attempts)
    {
        var tried = attempts.Select((a, i) => $"  {i + 1}. {a.Source}: {a.Reason}");
        return string.Join(Environment.NewLine, [
            "No AWS credentials found. Sources tried, in order:",
            .. tried,
            "Configure one of:",
            "  - environment: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN for temporary credentials);",
            "  - a profile: run 'aws configure' (keys) or 'aws configure sso' then 'aws sso login --profile NAME', and set AWS_PROFILE=NAME (files: ~/.aws/credentials, ~/.aws/config);",
            "  - CodeBuild / ECS: the project or task role is used automatically through container credentials (AWS_CONTAINER_CREDENTIALS_RELATIVE_URI, set by the platform);",
            "  - EC2: attach an instance profile (instance metadata).",
        ]);
    }
}
