using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using Slipway.Aws.Endpoints;

namespace Slipway.Aws.Credentials;

/// <summary>
/// Credentials of an assumed role (cross-account deploys), from AWSSDK.SecurityToken's AssumeRole; cached and shared
/// by all callers until <see cref="AssumeRoleSettings.RefreshBefore"/> the expiry, then renewed by one caller.
/// </summary>
public sealed class RoleCredentials : AWSCredentials, ICancellableCredentials, IDisposable
{
    private readonly SemaphoreSlim _renewing = new(1, 1);
    private readonly AmazonSecurityTokenServiceClient _sts;
    private readonly TimeProvider _clock;
    private volatile Session? _session;

    /// <summary>
    /// Assumes <paramref name="role"/> with the credentials of <paramref name="sts"/> (Credentials, else the chain),
    /// calling STS in its Region, or at its ServiceUrl (e.g. the local platform) when set.
    /// </summary>
    public RoleCredentials(AssumeRoleSettings role, AwsClientOptions? sts = null)
    {
        role.Validate();
        sts ??= new AwsClientOptions();
        sts.Retry.Validate();
        Role = role;
        _clock = sts.Clock;
        var region = AwsRegions.Resolve(sts.Region, sts.Environment);
        var config = new AmazonSecurityTokenServiceConfig
        {
            MaxErrorRetry = sts.Retry.MaxAttempts - 1,
            Timeout = sts.AttemptTimeout,
        };
        if (sts.ServiceUrl is { } url)
        {
            config.ServiceURL = ServiceEndpoints.ParseOverride(url, "STS ServiceUrl").ToString();
            config.AuthenticationRegion = region.SystemName; // the signing scope must stay regional with an override
        }
        else
        {
            config.RegionEndpoint = region;
        }
        _sts = new AmazonSecurityTokenServiceClient(sts.Credentials ?? CredentialChain.For(sts.Environment), config);
    }

    /// <summary>The role this provider assumes.</summary>
    public AssumeRoleSettings Role { get; }

    /// <summary>When the cached session expires (UTC); null before the first use.</summary>
    public override DateTime? Expiration => _session?.Expiration.UtcDateTime;

    /// <summary>Synchronous form for AWSSDK.Core's synchronous paths.</summary>
    public override ImmutableCredentials GetCredentials() => GetCredentialsAsync(CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>The cached session, or a new one when it is about to expire.</summary>
    public override Task<ImmutableCredentials> GetCredentialsAsync() => GetCredentialsAsync(CancellationToken.None);

    /// <summary>The cached session, or a new one when it is about to expire; cancellable.</summary>
    public async Task<ImmutableCredentials> GetCredentialsAsync(CancellationToken cancellationToken)
    {
        if (Current() is { } current)
            return current;
        await _renewing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Current() is { } renewedMeanwhile)
                return renewedMeanwhile;
            var session = await AssumeAsync(cancellationToken).ConfigureAwait(false);
            _session = session;
            return session.Credentials;
        }
        finally
        {
            _renewing.Release();
        }
    }

    private ImmutableCredentials? Current() =>
        _session is { } session && _clock.GetUtcNow() < session.Expiration - Role.RefreshBefore ? session.Credentials : null;

    private async Task<Session> AssumeAsync(CancellationToken cancellationToken)
    {
        var request = new AssumeRoleRequest
        {
            RoleArn = Role.RoleArn,
            RoleSessionName = Role.SessionName,
            ExternalId = Role.ExternalId,
            DurationSeconds = (int)Role.Duration.TotalSeconds,
        };
        try
        {
            var response = await _sts.AssumeRoleAsync(request, cancellationToken).ConfigureAwait(false);
            var issued = response.Credentials;
            if (issued?.Expiration is not { } expiration)
                throw new AwsProtocolException($"STS AssumeRole for '{Role.RoleArn}' returned no credentials.",
                    response.ResponseMetadata?.RequestId);
            var credentials = new ImmutableCredentials(issued.AccessKeyId, issued.SecretAccessKey, issued.SessionToken);
            return new Session(credentials, new DateTimeOffset(DateTime.SpecifyKind(expiration, DateTimeKind.Utc)));
        }
        catch (AmazonServiceException e)
        {
            var code = string.IsNullOrEmpty(e.ErrorCode) ? AwsServiceException.CodeForStatus((int)e.StatusCode) : e.ErrorCode;
            var error = new AwsErrorResponse(code, $"Assuming role '{Role.RoleArn}' failed: {e.Message}",
                (int)e.StatusCode, e.RequestId, "STS", "AssumeRole");
            throw AwsServiceExceptions.Create(error);
        }
        catch (Exception e) when (e is not AwsException and not OperationCanceledException)
        {
            throw new AwsCredentialsException($"Assuming role '{Role.RoleArn}' failed: {e.Message}", e);
        }
    }

    /// <summary>Disposes the STS client.</summary>
    public void Dispose()
    {
        _sts.Dispose();
        _renewing.Dispose();
    }

    private sealed record Session(ImmutableCredentials Credentials, DateTimeOffset Expiration);
}
