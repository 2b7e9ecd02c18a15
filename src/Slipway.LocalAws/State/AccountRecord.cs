namespace Slipway.LocalAws.State;

/// <summary>One account as stored in <c>accounts.json</c>: its root key and the secrets of its registry.</summary>
internal sealed class AccountRecord
{
    public required string Id { get; init; }

    public required string Name { get; set; }

    public required string AccessKeyId { get; set; }

    public required string SecretAccessKey { get; set; }

    /// <summary>The password of the registry's own htpasswd user, known only to the platform's proxy.</summary>
    public required string RegistryPassword { get; init; }

    /// <summary>The key that signs the registry tokens GetAuthorizationToken hands out.</summary>
    public required string RegistryTokenKey { get; init; }

    /// <summary>The registry's public port, kept across restarts so image URIs stay valid.</summary>
    public int RegistryPort { get; set; }

    /// <summary>The account as the public API shows it.</summary>
    public LocalAwsAccount ToAccount() => new(Id, Name, AccessKeyId, SecretAccessKey);
}

/// <summary>The content of <c>accounts.json</c>.</summary>
internal sealed class AccountsDocument
{
    public List<AccountRecord> Accounts { get; init; } = [];
}
