using Slipway.LocalAws.Ecs.Docker;

namespace Slipway.LocalAws.Ecr;

/// <summary>Credentials for the local ECS to pull from the platform's own registries, made as GetAuthorizationToken makes them, so no <c>docker login</c> is needed or left behind.</summary>
internal static class EcrPullCredentials
{
    /// <summary>
    /// For a task of an account and an image's registry host: a fresh token when the host is that account's registry
    /// (<c>127.0.0.1:port</c> or <c>localhost:port</c>); null otherwise, as the platform has no repository policies for cross-account pulls.
    /// </summary>
    public static Func<string, string, RegistryCredential?> For(IEnumerable<EcrRegistry> registries, TimeProvider clock)
    {
        var byAccount = registries.ToDictionary(registry => registry.AccountId);
        return (accountId, registryHost) =>
        {
            if (!byAccount.TryGetValue(accountId, out var registry)
                || (registryHost != $"127.0.0.1:{registry.PublicPort}" && registryHost != $"localhost:{registry.PublicPort}"))
            {
                return null;
            }

            var (userName, password, _) = registry.IssueCredential(clock.GetUtcNow());
            return new RegistryCredential(registryHost, userName, password);
        };
    }
}
