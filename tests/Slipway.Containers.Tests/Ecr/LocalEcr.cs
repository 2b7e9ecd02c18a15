using Slipway.Aws.Ecr;
using Slipway.Containers.Ecr;
using Slipway.LocalAws;

namespace Slipway.Containers.Tests.Ecr;

/// <summary>Registries of the local platform's accounts, as a build connects to them.</summary>
static class LocalEcr
{
    /// <summary>Connects to <paramref name="account"/>'s registry with its root keys.</summary>
    public static Task<EcrRegistry> ConnectAsync(LocalAwsPlatform platform, string account)
    {
        var keys = platform.Account(account);
        return EcrRegistry.ConnectAsync(account, new EcrClient(new Aws.AwsClientOptions
        {
            Region = platform.Region,
            ServiceUrl = platform.Endpoint.ToString(),
            Credentials = new Amazon.Runtime.BasicAWSCredentials(keys.AccessKeyId, keys.SecretAccessKey),
        }), CancellationToken.None);
    }
}
