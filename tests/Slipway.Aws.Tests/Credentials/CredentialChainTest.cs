using Slipway.Aws.Credentials;
using Slipway.Aws.Tests.Infrastructure;

namespace Slipway.Aws.Tests.Credentials;

/// <summary>The credential chain over an injected environment and a temporary home folder (never the machine's ~/.aws).</summary>
public class CredentialChainTest : IDisposable
{
    private readonly TestEnvironment _environment = new();

    public void Dispose() => _environment.Dispose();

    [Fact]
    public async Task TestNothingConfigured_ListsSourcesTriedAndHowToConfigure()
    {
        var chain = new CredentialChain(_environment.Environment);

        var error = await Assert.ThrowsAsync<AwsCredentialsNotFoundException>(() => chain.GetCredentialsAsync(CancellationToken.None));

        Assert.Equal(["environment variables", "web identity token", "shared profile", "container credentials", "instance metadata"],
            error.Attempts.Select(a => a.Source));
        var credentialsFile = Path.Combine(_environment.Home, ".aws", "credentials");
        Assert.Contains($"no profile 'default' in '{credentialsFile}'", error.Message);
        Assert.Contains("AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set", error.Message);
        Assert.Contains("disabled by AWS_EC2_METADATA_DISABLED=true", error.Message);
        Assert.Contains("set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY", error.Message);
        Assert.Contains("AWS_PROFILE", error.Message);
        Assert.Contains("aws sso login", error.Message);
        Assert.Contains("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", error.Message);
    }

    [Fact]
    public async Task TestNothingConfigured_ClientCallFailsBeforeSending()
    {
        await using var server = new LoopbackServer((_, _) => StubResponse.Json("{}"));
        using var client = new Slipway.Aws.Ecr.EcrClient(_environment.LoopbackOptions(server) with { Credentials = null });

        await Assert.ThrowsAsync<AwsCredentialsNotFoundException>(() => client.GetAuthorizationTokenAsync());

        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task TestEnvironmentVariables_SessionCredentials()
    {
        _environment.Variables["AWS_ACCESS_KEY_ID"] = "AKIAENV";
        _environment.Variables["AWS_SECRET_ACCESS_KEY"] = "env-secret";
        _environment.Variables["AWS_SESSION_TOKEN"] = "env-token";
        _environment.WriteCredentials("[default]\naws_access_key_id = AKIAFILE\naws_secret_access_key = file-secret\n");
        var chain = new CredentialChain(_environment.Environment);

        var credentials = await chain.GetCredentialsAsync(CancellationToken.None);

        Assert.Equal(("AKIAENV", "env-secret", "env-token"), (credentials.AccessKey, credentials.SecretKey, credentials.Token));
        Assert.Equal("environment variables AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY", chain.Source);
    }

    [Fact]
    public async Task TestHalfSetEnvironment_ErrorWithoutSecret()
    {
        _environment.Variables["AWS_SECRET_ACCESS_KEY"] = "very-secret-value";
        var chain = new CredentialChain(_environment.Environment);

        var error = await Assert.ThrowsAsync<AwsCredentialsException>(() => chain.GetCredentialsAsync(CancellationToken.None));

        Assert.Contains("AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not", error.Message);
        Assert.DoesNotContain("very-secret-value", error.Message);
    }

    [Fact]
    public async Task TestDefaultProfile_FromCredentialsFile()
    {
        _environment.WriteCredentials("[default]\naws_access_key_id = AKIAFILE\naws_secret_access_key = file-secret\n");
        var chain = new CredentialChain(_environment.Environment);

        var credentials = await chain.GetCredentialsAsync(CancellationToken.None);

        Assert.Equal(("AKIAFILE", "file-secret"), (credentials.AccessKey, credentials.SecretKey));
        Assert.Equal("shared profile 'default'", chain.Source);
    }

    [Fact]
    public async Task TestNamedProfile_FromConfigFile()
    {
        _environment.Variables["AWS_PROFILE"] = "deploy";
        _environment.WriteCredentials("");
        _environment.WriteConfig("[profile deploy]\naws_access_key_id = AKIACONFIG\naws_secret_access_key = config-secret\nregion = eu-central-1\n");
        var chain = new CredentialChain(_environment.Environment);

        var credentials = await chain.GetCredentialsAsync(CancellationToken.None);

        Assert.Equal("AKIACONFIG", credentials.AccessKey);
        Assert.Equal("shared profile 'deploy'", chain.Source);
    }

    [Fact]
    public async Task TestMissingNamedProfile_ErrorNamesProfileAndAvailableOnes()
    {
        _environment.Variables["AWS_PROFILE"] = "prod";
        _environment.WriteCredentials("[dev]\naws_access_key_id = A\naws_secret_access_key = s3cr3t\n[staging]\naws_access_key_id = B\naws_secret_access_key = s3cr3t\n");
        var chain = new CredentialChain(_environment.Environment);

        var error = await Assert.ThrowsAsync<AwsCredentialsException>(() => chain.GetCredentialsAsync(CancellationToken.None));

        Assert.StartsWith("AWS_PROFILE is 'prod' but no profile 'prod' exists in", error.Message);
        Assert.EndsWith("Available profiles: dev, staging.", error.Message);
        Assert.DoesNotContain("s3cr3t", error.Message);
    }

    [Fact]
    public async Task TestSsoProfileWithoutLogin_SaysHowToLogIn()
    {
        var session = "slipway-test-" + Guid.NewGuid().ToString("N"); // no cached token can exist for it
        _environment.Variables["AWS_PROFILE"] = "dev";
        _environment.WriteConfig($"""
            [profile dev]
            sso_session = {session}
            sso_account_id = 111122223333
            sso_role_name = Deploy
            [sso-session {session}]
            sso_start_url = https://example.awsapps.com/start
            sso_region = eu-west-1
            """);
        var chain = new CredentialChain(_environment.Environment);

        var error = await Assert.ThrowsAsync<AwsCredentialsException>(() => chain.GetCredentialsAsync(CancellationToken.None));

        Assert.StartsWith("Profile 'dev' in ", error.Message);
        Assert.Contains("is an SSO profile", error.Message);
        Assert.Contains("'aws sso login --profile dev'", error.Message);
    }

    [Fact]
    public async Task TestContainerVariableInInjectedEnvironment_NotUsedAndExplained()
    {
        _environment.Variables["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"] = "/v2/credentials/abc";
        var chain = new CredentialChain(_environment.Environment);

        var error = await Assert.ThrowsAsync<AwsCredentialsNotFoundException>(() => chain.GetCredentialsAsync(CancellationToken.None));

        Assert.Contains("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI is set, but", error.Attempts[3].Reason);
    }
}
