using System.Text.RegularExpressions;

namespace Slipway.LocalAws.State;

/// <summary>The platform's accounts, loaded from <c>accounts.json</c> and completed from the options on start.</summary>
internal sealed partial class AccountStore
{
    private readonly string _path;
    private readonly List<AccountRecord> _accounts;

    private AccountStore(string path, List<AccountRecord> accounts)
    {
        _path = path;
        _accounts = accounts;
    }

    /// <summary>Every account, in the order they were created.</summary>
    public IReadOnlyList<AccountRecord> All => _accounts;

    /// <summary>Loads the stored accounts and adds those of <paramref name="wanted"/> that are missing; given keys replace stored ones.</summary>
    public static AccountStore Open(string dataDirectory, IReadOnlyList<LocalAwsAccountOptions> wanted)
    {
        var path = Path.Combine(dataDirectory, "accounts.json");
        var accounts = JsonStateFile.Read<AccountsDocument>(path)?.Accounts ?? [];
        foreach (var options in wanted)
        {
            if (!AccountId().IsMatch(options.Id))
                throw new ArgumentException($"Account id '{options.Id}' is not valid: an AWS account id is 12 digits.", nameof(wanted));
            var account = accounts.Find(candidate => candidate.Id == options.Id);
            if (account is null)
            {
                account = new AccountRecord
                {
                    Id = options.Id,
                    Name = options.Name,
                    AccessKeyId = SecretGenerator.AccessKeyId("AKIA"),
                    SecretAccessKey = SecretGenerator.SecretAccessKey(),
                    RegistryPassword = SecretGenerator.Token(24),
                    RegistryTokenKey = SecretGenerator.Token(32),
                };
                accounts.Add(account);
            }

            account.Name = options.Name;
            account.AccessKeyId = options.AccessKeyId ?? account.AccessKeyId;
            account.SecretAccessKey = options.SecretAccessKey ?? account.SecretAccessKey;
        }

        var duplicate = accounts.GroupBy(account => account.AccessKeyId).FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null)
            throw new ArgumentException($"Access key '{duplicate.Key}' is given to more than one account; each account needs its own.", nameof(wanted));
        var store = new AccountStore(path, accounts);
        store.Save();
        return store;
    }

    /// <summary>The stored accounts, changing nothing (for a process attaching to a platform another process runs).</summary>
    public static IReadOnlyList<AccountRecord> Read(string dataDirectory) =>
        JsonStateFile.Read<AccountsDocument>(Path.Combine(dataDirectory, "accounts.json"))?.Accounts ?? [];

    /// <summary>The account with id <paramref name="accountId"/>, or null.</summary>
    public AccountRecord? Find(string accountId) => _accounts.Find(account => account.Id == accountId);

    /// <summary>Writes the accounts back, after a change such as a new registry port.</summary>
    public void Save() => JsonStateFile.Write(_path, new AccountsDocument { Accounts = _accounts });

    [GeneratedRegex("^[0-9]{12}$")]
    private static partial Regex AccountId();
}
