using System.Collections.Concurrent;
using Slipway.LocalAws.Registry;

namespace Slipway.LocalAws.Ecr;

/// <summary>One account's ECR registry: its repository list, the registry process's API behind it, and the public address clients push to.</summary>
internal sealed class EcrRegistry(string accountId, string region, RepositoryStore repositories, RegistryClient registry, int publicPort, string tokenKey)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _writeLocks = new(StringComparer.Ordinal);

    /// <summary>The account, which is the registry id.</summary>
    public string AccountId { get; } = accountId;

    /// <summary>The repositories ECR knows.</summary>
    public RepositoryStore Repositories { get; } = repositories;

    /// <summary>The registry process's HTTP API.</summary>
    public RegistryClient Registry { get; } = registry;

    /// <summary>The key that signs this registry's tokens.</summary>
    public string TokenKey { get; } = tokenKey;

    /// <summary>The public registry port on 127.0.0.1.</summary>
    public int PublicPort { get; } = publicPort;

    /// <summary>The address <c>docker login</c> takes: <c>http://127.0.0.1:{port}</c>.</summary>
    public string ProxyEndpoint => $"http://127.0.0.1:{PublicPort}";

    /// <summary>The user name and password (valid for <see cref="RegistryToken.Lifetime"/> from <paramref name="now"/>) that the registry proxy accepts, as GetAuthorizationToken hands them out.</summary>
    public (string UserName, string Password, DateTimeOffset ExpiresAt) IssueCredential(DateTimeOffset now)
    {
        var expiresAt = now + RegistryToken.Lifetime;
        return (RegistryToken.UserName, RegistryToken.Issue(TokenKey, AccountId, expiresAt), DateTimeOffset.FromUnixTimeSeconds(expiresAt.ToUnixTimeSeconds()));
    }

    /// <summary>The repository URI images are named by: <c>127.0.0.1:{port}/{name}</c>.</summary>
    public string RepositoryUri(string name) => $"127.0.0.1:{PublicPort}/{name}";

    /// <summary>The repository ARN, <c>arn:aws:ecr:{region}:{account}:repository/{name}</c>.</summary>
    public string RepositoryArn(string name) => $"arn:aws:ecr:{region}:{AccountId}:repository/{name}";

    /// <summary>Holds manifest writes to <paramref name="repository"/> one at a time, so a tag check and the write that follows it cannot interleave with another push.</summary>
    public async Task<IDisposable> LockAsync(string repository, CancellationToken cancellationToken)
    {
        var semaphore = _writeLocks.GetOrAdd(repository, _ => new SemaphoreSlim(1, 1));
        await semaphore.WaitAsync(cancellationToken);
        return new Release(semaphore);
    }

    private sealed class Release(SemaphoreSlim semaphore) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
                semaphore.Release();
        }
    }
}
