using Amazon.Runtime;
using Slipway.Aws.Ecr;
using Slipway.LocalAws;
using Slipway.LocalAws.Tests.Infrastructure;

namespace Slipway.Aws.Tests.Integration;

/// <summary>The local platform in a fresh temporary data folder with a shiftable clock, with Slipway client options and registry sign-in for its accounts.</summary>
public sealed class LocalPlatformFixture : IAsyncLifetime
{
    private readonly string _data = Directory.CreateTempSubdirectory("slipway-aws-local-").FullName;

    public ShiftableClock Clock { get; } = new();

    public LocalAwsPlatform Platform { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Platform = await LocalAwsPlatform.StartAsync(new LocalAwsOptions { DataDirectory = _data, Clock = Clock });

    public async Task DisposeAsync()
    {
        if (Platform is not null)
            await Platform.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }

    /// <summary>Client options for <paramref name="account"/>, signing with its root key unless <paramref name="credentials"/> are given.</summary>
    public AwsClientOptions Options(AWSCredentials? credentials = null, string account = "development")
    {
        var keys = Platform.Account(account);
        return new AwsClientOptions
        {
            Region = Platform.Region,
            ServiceUrl = Platform.Endpoint.ToString(),
            Credentials = credentials ?? new BasicAWSCredentials(keys.AccessKeyId, keys.SecretAccessKey),
        };
    }

    /// <summary>A registry HTTP API client for <paramref name="ecr"/>'s account, signed in with the token GetAuthorizationToken returns.</summary>
    public static async Task<RegistryPusher> SignInAsync(EcrClient ecr)
    {
        var login = (await ecr.GetAuthorizationTokenAsync()).AuthorizationData[0];
        return new RegistryPusher(new Uri(login.ProxyEndpoint!), login.AuthorizationToken!);
    }
}
