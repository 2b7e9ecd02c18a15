using Slipway.LocalAws.Registry;
using Slipway.LocalAws.Server;
using Slipway.LocalAws.State;

namespace Slipway.LocalAws;

/// <summary>
/// A running AWS-compatible platform on 127.0.0.1 (STS, ECR with a real registry per account, ECS on the Docker engine): hosted in
/// this process (<see cref="StartAsync"/>; disposing it stops everything it started), or by <c>slipway-local-aws start</c> in a
/// process of its own (<see cref="StartDetachedAsync"/>, <see cref="AttachAsync"/>; disposing leaves it running).
/// </summary>
public sealed partial class LocalAwsPlatform : IAsyncDisposable
{
    private readonly AwsServer? _server;
    private readonly Ecs.EcsService? _ecs;
    private readonly IReadOnlyList<AccountRegistry> _registries;
    private readonly IReadOnlyDictionary<string, string> _registryEndpoints;
    private readonly DataFolderLock? _lock;
    private int _disposed;

    private LocalAwsPlatform(AwsServer server, Ecs.EcsService ecs, IReadOnlyList<AccountRegistry> registries, DataFolderLock folderLock, IReadOnlyList<LocalAwsAccount> accounts, string region, string dataDirectory)
    {
        _server = server;
        _ecs = ecs;
        _registries = registries;
        _registryEndpoints = registries.ToDictionary(registry => registry.Ecr.AccountId, registry => registry.Ecr.ProxyEndpoint);
        _lock = folderLock;
        Accounts = accounts;
        Region = region;
        DataDirectory = dataDirectory;
        Endpoint = new Uri($"http://127.0.0.1:{server.ApiPort}");
    }

    // A platform another process hosts: only its addresses and keys are here.
    private LocalAwsPlatform(RuntimeRecord runtime, IReadOnlyList<LocalAwsAccount> accounts, string dataDirectory)
    {
        _registries = [];
        _registryEndpoints = runtime.Registries.ToDictionary(registry => registry.AccountId, registry => registry.Endpoint);
        Accounts = accounts;
        Region = runtime.Region;
        DataDirectory = dataDirectory;
        Endpoint = new Uri(runtime.Endpoint);
        HostProcessId = runtime.HostProcessId;
    }

    /// <summary>The process that hosts the platform: this one, or the <c>slipway-local-aws start</c> process attached to.</summary>
    public int HostProcessId { get; } = Environment.ProcessId;

    /// <summary>Whether another process hosts the platform, so disposing this object leaves it running (<see cref="StopDetachedAsync"/> stops it).</summary>
    public bool IsAttached => _server is null;

    /// <summary>The AWS API endpoint for every service (ECR, ECS, STS): point an SDK's service URL here.</summary>
    public Uri Endpoint { get; }

    /// <summary>The region requests must be signed for.</summary>
    public string Region { get; }

    /// <summary>The data folder the platform keeps its state in.</summary>
    public string DataDirectory { get; }

    /// <summary>The accounts, each with its root access key.</summary>
    public IReadOnlyList<LocalAwsAccount> Accounts { get; }

    /// <summary>The ids of the registry processes, one per account.</summary>
    internal IReadOnlyList<int> RegistryProcessIds => _registries.Select(registry => registry.ProcessId).ToList();

    /// <summary>The account with id or name <paramref name="idOrName"/>.</summary>
    public LocalAwsAccount Account(string idOrName) =>
        Accounts.FirstOrDefault(account => account.Id == idOrName || account.Name == idOrName)
        ?? throw new ArgumentException($"Account '{idOrName}' does not exist. Available accounts are: {string.Join(", ", Accounts.Select(account => $"{account.Name} ({account.Id})"))}.", nameof(idOrName));

    /// <summary>The registry address of account <paramref name="idOrName"/>, <c>http://127.0.0.1:{port}</c>; image names start with its host and port.</summary>
    public Uri RegistryEndpoint(string idOrName)
    {
        var id = Account(idOrName).Id;
        return new Uri(_registryEndpoints[id]);
    }

    /// <summary>Stops the API, the registry proxies and the registry processes, and releases the data folder; an attached platform keeps running.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1 || _server is null || _ecs is null || _lock is null)
            return;
        // Each part stops even when an earlier one failed: a server that cannot stop must not leave ECS's tasks or the registries running.
        try
        {
            await _server.DisposeAsync();
        }
        finally
        {
            try
            {
                await _ecs.DisposeAsync();
            }
            finally
            {
                try
                {
                    await StopAllAsync(_registries);
                    File.Delete(Path.Combine(DataDirectory, RuntimeRecord.FileName));
                }
                finally
                {
                    _lock.Dispose();
                }
            }
        }
    }

    private static async Task StopAllAsync(IEnumerable<AccountRegistry> registries) =>
        await Task.WhenAll(registries.Select(registry => registry.DisposeAsync().AsTask()));
}
