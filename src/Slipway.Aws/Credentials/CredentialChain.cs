using Amazon.Runtime;

namespace Slipway.Aws.Credentials;

/// <summary>
/// Credentials from the first source that applies, in AWSSDK.Core's order: environment variables, web identity,
/// shared profile (keys, SSO, assume-role, credential_process), container credentials (CodeBuild, ECS), instance metadata.
/// </summary>
/// <remarks>
/// Each source is AWSSDK.Core's own provider; the walk is ours so the environment can be injected and a failure
/// lists every source tried. The chosen source is kept; refreshing providers renew themselves.
/// </remarks>
public sealed class CredentialChain : AWSCredentials, ICancellableCredentials
{
    private static readonly Lazy<CredentialChain> ProcessChain = new(() => new CredentialChain(AwsEnvironment.Process));
    private readonly SemaphoreSlim _resolving = new(1, 1);
    private volatile CredentialProbe? _resolved;

    /// <summary>A chain over the given environment.</summary>
    public CredentialChain(AwsEnvironment environment) => Environment = environment;

    /// <summary>The shared chain over the process environment.</summary>
    public static CredentialChain Default => ProcessChain.Value;

    /// <summary>The chain for an environment: the shared one for the process, a new one otherwise.</summary>
    public static CredentialChain For(AwsEnvironment environment) =>
        environment.IsProcess ? Default : new CredentialChain(environment);

    /// <summary>The environment the sources read.</summary>
    public AwsEnvironment Environment { get; }

    /// <summary>Which source supplied the credentials (e.g. "shared profile 'dev'"), once resolved; safe to log.</summary>
    public string? Source => _resolved?.Detail;

    /// <summary>Resolves synchronously (AWSSDK.Core's synchronous paths call this).</summary>
    public override ImmutableCredentials GetCredentials() => GetCredentialsAsync(CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>Resolves the source once, then asks it for current credentials.</summary>
    public override Task<ImmutableCredentials> GetCredentialsAsync() => GetCredentialsAsync(CancellationToken.None);

    /// <summary>Resolves the source once, then asks it for current credentials; cancellable.</summary>
    public async Task<ImmutableCredentials> GetCredentialsAsync(CancellationToken cancellationToken)
    {
        var resolved = _resolved ?? await ResolveAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await resolved.Credentials!.GetCredentialsAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not AwsException and not OperationCanceledException)
        {
            throw new AwsCredentialsException($"Credentials from {resolved.Detail} could not be obtained: {e.Message}", e);
        }
    }

    private async Task<CredentialProbe> ResolveAsync(CancellationToken cancellationToken)
    {
        await _resolving.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_resolved is { } already)
                return already;
            var attempts = new List<CredentialSourceAttempt>();
            foreach (var source in CredentialSource.Default)
            {
                var probe = await source.Probe(Environment, cancellationToken).ConfigureAwait(false);
                if (probe.Credentials is not null)
                    return _resolved = probe;
                attempts.Add(new CredentialSourceAttempt(source.Name, probe.Detail));
            }
            throw new AwsCredentialsNotFoundException(attempts);
        }
        finally
        {
            _resolving.Release();
        }
    }
}
