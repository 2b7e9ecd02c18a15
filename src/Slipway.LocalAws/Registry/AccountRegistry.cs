using Slipway.LocalAws.Ecr;
using Slipway.LocalAws.State;

namespace Slipway.LocalAws.Registry;

/// <summary>One account's registry, running: the <c>docker-registry</c> process, the client the platform reaches it with, and its ECR view.</summary>
/// <remarks>One registry per account, as ECR has: each account's images live in their own storage, behind their own port and token.</remarks>
internal sealed class AccountRegistry : IAsyncDisposable
{
    // The registry's only user is the platform itself; clients sign in to the proxy with ECR tokens.
    private const string InternalUser = "slipway";

    private readonly RegistryProcess _process;

    private AccountRegistry(RegistryProcess process, EcrRegistry ecr, string configPath)
    {
        _process = process;
        Ecr = ecr;
        ConfigPath = configPath;
    }

    /// <summary>The ECR view of the registry.</summary>
    public EcrRegistry Ecr { get; }

    /// <summary>The registry process's id.</summary>
    public int ProcessId => _process.ProcessId;

    /// <summary>The registry's configuration file, which identifies its process.</summary>
    public string ConfigPath { get; }

    /// <summary>Starts the registry of <paramref name="account"/>, whose public port must already be chosen.</summary>
    public static async Task<AccountRegistry> StartAsync(AccountRecord account, string dataDirectory, LocalAwsOptions options, CancellationToken cancellationToken)
    {
        var files = new RegistryFiles(Path.Combine(dataDirectory, "registries", account.Id));
        await files.WritePasswordAsync(options.HtpasswdExecutable, InternalUser, account.RegistryPassword, options.ToolOutput, cancellationToken);
        var process = await RegistryProcess.StartAsync(files, options.RegistryExecutable, SecretGenerator.Token(24), options.ToolOutput,
            options.RegistryStartTimeout, cancellationToken);
        var client = new RegistryClient(process.Port, InternalUser, account.RegistryPassword);
        var repositories = new RepositoryStore(Path.Combine(dataDirectory, "ecr", $"{account.Id}.json"), account.Id);
        var ecr = new EcrRegistry(account.Id, options.Region, repositories, client, account.RegistryPort, account.RegistryTokenKey);
        return new AccountRegistry(process, ecr, files.ConfigPath);
    }

    /// <summary>Stops the registry process.</summary>
    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        Ecr.Registry.Dispose();
    }
}
