using System.Text.Json;
using Slipway.LocalAws.State;

namespace Slipway.LocalAws.Ecs.State;

/// <summary>
/// The ECS state of every account, kept in memory and written to <c>ecs/accounts/{account}.json</c> after each change
/// (to a temporary file that then replaces the old one, so a crash never leaves half a file). Not thread-safe:
/// callers hold <see cref="LockAsync"/>, which API calls and the reconciler share.
/// </summary>
internal sealed class EcsStateStore
{
    private static JsonSerializerOptions Options => JsonStateFile.Options;

    private readonly string _accountsDirectory;
    private readonly Dictionary<string, EcsAccountState> _accounts;
    private readonly Dictionary<string, string> _written = [];
    private readonly SemaphoreSlim _gate = new(1, 1);

    private EcsStateStore(string accountsDirectory, Dictionary<string, EcsAccountState> accounts, string platformId)
    {
        _accountsDirectory = accountsDirectory;
        _accounts = accounts;
        PlatformId = platformId;
    }

    /// <summary>Identifies this data folder's containers among all on the engine (other platforms may share it); kept across restarts.</summary>
    public string PlatformId { get; }

    /// <summary>Every account that has ECS state.</summary>
    public IEnumerable<EcsAccountState> Accounts => _accounts.Values;

    /// <summary>Loads the state kept in <paramref name="directory"/>, creating the folder and the platform id on first use.</summary>
    public static EcsStateStore Open(string directory)
    {
        var accountsDirectory = Path.Combine(directory, "accounts");
        Directory.CreateDirectory(accountsDirectory);
        var idPath = Path.Combine(directory, "platform-id");
        if (!File.Exists(idPath))
            JsonStateFile.WriteText(idPath, Guid.NewGuid().ToString("N")[..16]);
        var accounts = Directory.EnumerateFiles(accountsDirectory, "*.json")
            .Select(Load)
            .ToDictionary(account => account.AccountId);
        var store = new EcsStateStore(accountsDirectory, accounts, File.ReadAllText(idPath).Trim());
        foreach (var account in accounts.Values)
            store._written[account.AccountId] = JsonSerializer.Serialize(account, Options);
        return store;
    }

    /// <summary>Waits for exclusive access to the state; dispose the result to release it.</summary>
    public async Task<IDisposable> LockAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        return new Release(_gate);
    }

    /// <summary>The state of <paramref name="accountId"/>, created with its <c>default</c> cluster on first use.</summary>
    public EcsAccountState Account(string accountId, string region)
    {
        if (!_accounts.TryGetValue(accountId, out var account))
        {
            account = new EcsAccountState { AccountId = accountId };
            account.Clusters.Add(new ClusterRecord { Name = ClusterRecord.DefaultName, Arn = EcsArn.Cluster(region, accountId, ClusterRecord.DefaultName) });
            _accounts.Add(accountId, account);
        }

        return account;
    }

    /// <summary>Writes every account whose state changed since it was last written.</summary>
    public void Save()
    {
        foreach (var account in _accounts.Values)
        {
            var json = JsonSerializer.Serialize(account, Options);
            if (_written.TryGetValue(account.AccountId, out var written) && written == json)
                continue;
            JsonStateFile.WriteText(Path.Combine(_accountsDirectory, account.AccountId + ".json"), json);
            _written[account.AccountId] = json;
        }
    }

    private static EcsAccountState Load(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<EcsAccountState>(File.ReadAllText(path), Options)
                ?? throw new InvalidDataException($"ECS state file '{path}' is empty. Fix or delete it.");
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"ECS state file '{path}' is not valid JSON ({exception.Message}). Fix or delete it.", exception);
        }
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
                gate.Release();
        }
    }
}
