using Amazon.Runtime;
using Amazon.SecurityToken;

namespace Slipway.LocalAws.Tests.Infrastructure;

/// <summary>A platform in a fresh temporary data folder with a shiftable clock, started for a test class and removed after it.</summary>
public sealed class TestPlatform : IAsyncLifetime
{
    public ShiftableClock Clock { get; } = new();

    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("slipway-local-aws-").FullName;

    public LocalAwsPlatform Platform { get; private set; } = null!;

    public LocalAwsAccount Development => Platform.Account("development");

    public LocalAwsAccount Production => Platform.Account("production");

    public LocalAwsOptions Options => new() { DataDirectory = DataDirectory, Clock = Clock };

    public async Task InitializeAsync() => Platform = await LocalAwsPlatform.StartAsync(Options);

    public async Task DisposeAsync()
    {
        if (Platform is not null)
            await Platform.DisposeAsync();
        Directory.Delete(DataDirectory, recursive: true);
    }

    /// <summary>The real STS client of AWSSDK.SecurityToken, pointed at the platform.</summary>
    public AmazonSecurityTokenServiceClient Sts(AWSCredentials credentials) => Clients.Sts(Platform, credentials);

    /// <summary>A SigV4-signed ECR client for <paramref name="account"/>'s root key.</summary>
    public AwsJsonClient Ecr(LocalAwsAccount account) => Ecr(new ImmutableCredentials(account.AccessKeyId, account.SecretAccessKey, null));

    /// <summary>A SigV4-signed ECR client for <paramref name="credentials"/>.</summary>
    public AwsJsonClient Ecr(ImmutableCredentials credentials) => new(Platform.Endpoint, Platform.Region, credentials);
}

/// <summary>Clients of the platform built from AWSSDK types.</summary>
public static class Clients
{
    public static AmazonSecurityTokenServiceClient Sts(LocalAwsPlatform platform, AWSCredentials credentials) =>
        new(credentials, new AmazonSecurityTokenServiceConfig
        {
            ServiceURL = platform.Endpoint.ToString(),
            AuthenticationRegion = platform.Region,
            MaxErrorRetry = 0,
        });

    public static BasicAWSCredentials Root(LocalAwsAccount account) => new(account.AccessKeyId, account.SecretAccessKey);
}
