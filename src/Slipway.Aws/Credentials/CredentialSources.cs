using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;

namespace Slipway.Aws.Credentials;

/// <summary>What one credential source found: credentials, or the reason it does not apply.</summary>
internal sealed record CredentialProbe(AWSCredentials? Credentials, string Detail)
{
    public static CredentialProbe Found(AWSCredentials credentials, string detail) => new(credentials, detail);
    public static CredentialProbe NotFound(string reason) => new(null, reason);
}

/// <summary>One link of the chain: a name for messages and a probe over AWSSDK.Core's provider for that source.</summary>
internal sealed record CredentialSource(string Name, Func<AwsEnvironment, CancellationToken, Task<CredentialProbe>> Probe)
{
    /// <summary>AWSSDK.Core's DefaultAWSCredentialsIdentityResolver order.</summary>
    public static IReadOnlyList<CredentialSource> Default { get; } =
    [
        new("environment variables", (e, _) => Task.FromResult(FromEnvironment(e))),
        new("web identity token", (e, _) => Task.FromResult(FromWebIdentity(e))),
        new("shared profile", (e, _) => Task.FromResult(FromProfile(e))),
        new("container credentials", (e, _) => Task.FromResult(FromContainer(e))),
        new("instance metadata", FromInstanceMetadataAsync),
    ];

    private static CredentialProbe FromEnvironment(AwsEnvironment environment)
    {
        var accessKey = environment["AWS_ACCESS_KEY_ID"];
        var secretKey = environment["AWS_SECRET_ACCESS_KEY"] ?? environment["AWS_SECRET_KEY"];
        if (accessKey is null && secretKey is null)
            return CredentialProbe.NotFound("AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set");
        if (accessKey is null || secretKey is null)
            throw new AwsCredentialsException(
                $"Environment variable {(accessKey is null ? "AWS_SECRET_ACCESS_KEY" : "AWS_ACCESS_KEY_ID")} is set but " +
                $"{(accessKey is null ? "AWS_ACCESS_KEY_ID" : "AWS_SECRET_ACCESS_KEY")} is not: set both (and AWS_SESSION_TOKEN " +
                "for temporary credentials), or unset it to use another credential source.");
        var token = environment["AWS_SESSION_TOKEN"];
        AWSCredentials credentials = token is null
            ? new BasicAWSCredentials(accessKey, secretKey)
            : new SessionAWSCredentials(accessKey, secretKey, token);
        return CredentialProbe.Found(credentials, "environment variables AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY");
    }

    private static CredentialProbe FromWebIdentity(AwsEnvironment environment)
    {
        var tokenFile = environment["AWS_WEB_IDENTITY_TOKEN_FILE"];
        var roleArn = environment["AWS_ROLE_ARN"];
        if (tokenFile is null || roleArn is null)
            return CredentialProbe.NotFound("AWS_WEB_IDENTITY_TOKEN_FILE and AWS_ROLE_ARN are not both set");
        var sessionName = environment["AWS_ROLE_SESSION_NAME"] ?? $"slipway-{Guid.NewGuid():N}";
        return CredentialProbe.Found(new AssumeRoleWithWebIdentityCredentials(tokenFile, roleArn, sessionName),
            $"web identity token for role '{roleArn}'");
    }

    private static CredentialProbe FromProfile(AwsEnvironment environment)
    {
        var profiles = environment.OpenProfiles();
        var name = environment.ProfileName;
        var files = $"'{environment.CredentialsFile}' or '{environment.ConfigFile}'";
        if (environment.FindProfile(profiles) is not { } profile)
        {
            if (!environment.ProfileIsExplicit)
                return CredentialProbe.NotFound($"no profile 'default' in {files}");
            var available = profiles.ListProfileNames();
            throw new AwsCredentialsException(
                $"AWS_PROFILE is '{name}' but no profile '{name}' exists in {files}. " +
                (available.Count == 0 ? "No profiles are defined." : $"Available profiles: {string.Join(", ", available.Order())}."));
        }
        if (!profile.CanCreateAWSCredentials)
            return CredentialProbe.NotFound($"profile '{name}' in {files} has settings but no credentials");
        try
        {
            // nonCallbackOnly: never prompt for an MFA code in a build
            var credentials = AWSCredentialsFactory.GetAWSCredentials(profile, profiles, nonCallbackOnly: true);
            return CredentialProbe.Found(credentials, $"shared profile '{name}'");
        }
        catch (Exception e) when (e is not AwsException)
        {
            var sso = profile.Options.SsoSession is not null || profile.Options.SsoStartUrl is not null;
            throw new AwsCredentialsException($"Profile '{name}' in {files} cannot provide credentials: {e.Message}" + (sso
                ? $" SSO profiles need a current 'aws sso login --profile {name}'."
                : ""), e);
        }
    }

    private static CredentialProbe FromContainer(AwsEnvironment environment)
    {
        var variable = new[] { "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_CONTAINER_CREDENTIALS_FULL_URI" }
            .FirstOrDefault(v => environment[v] is not null);
        if (variable is null)
            return CredentialProbe.NotFound("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI and AWS_CONTAINER_CREDENTIALS_FULL_URI are not set");
        if (!environment.IsProcess)
            return CredentialProbe.NotFound($"{variable} is set, but AWSSDK.Core's container provider reads only the process environment");
        return CredentialProbe.Found(new GenericContainerCredentials(), $"container credentials ({variable})");
    }

    private static async Task<CredentialProbe> FromInstanceMetadataAsync(AwsEnvironment environment, CancellationToken cancellationToken)
    {
        if (environment.InstanceMetadataDisabled)
            return CredentialProbe.NotFound("disabled by AWS_EC2_METADATA_DISABLED=true");
        if (!environment.IsProcess)
            return CredentialProbe.NotFound("not consulted for an injected environment");
        try
        {
            var credentials = new InstanceProfileAWSCredentials(); // DefaultInstanceProfileAWSCredentials is internal in v4
            await credentials.GetCredentialsAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
            return CredentialProbe.Found(credentials, "instance metadata");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return CredentialProbe.NotFound($"no instance role available ({e.Message})");
        }
    }
}
