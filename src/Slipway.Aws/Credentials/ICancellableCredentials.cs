using Amazon.Runtime;

namespace Slipway.Aws.Credentials;

/// <summary>Credentials whose resolution can be cancelled (AWSSDK.Core's GetCredentialsAsync takes no token).</summary>
internal interface ICancellableCredentials
{
    Task<ImmutableCredentials> GetCredentialsAsync(CancellationToken cancellationToken);
}
