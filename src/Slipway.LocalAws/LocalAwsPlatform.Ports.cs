using Slipway.LocalAws.Ports;
using Slipway.LocalAws.State;
using Slipway.Tooling;

namespace Slipway.LocalAws;

/// <summary>The addresses clients are given (the API endpoint, each account's registry and so every repository URI) and how a start keeps them.</summary>
public sealed partial class LocalAwsPlatform
{
    private static async Task<ClaimedPorts> ClaimPortsAsync(AccountStore accounts, LocalAwsOptions options, string dataDirectory, CancellationToken cancellationToken)
    {
        var api = await ClaimApiPortAsync(options, dataDirectory, cancellationToken);
        try
        {
            var registries = await ClaimRegistryPortsAsync(accounts.All, dataDirectory, options.PortWaitTimeout, options.ToolOutput, cancellationToken);
            accounts.Save();
            return new ClaimedPorts(api, registries);
        }
        catch
        {
            api.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Binds every account's registry port and holds it. A port recorded in the data folder is never changed (repository URIs and task
    /// definitions name it): a busy one is waited for up to <paramref name="wait"/>, then the start fails naming the holder.
    /// Only an account that never had a port, or whose recorded port an earlier account also records, gets a new one.
    /// </summary>
    internal static async Task<Dictionary<string, ReservedPort>> ClaimRegistryPortsAsync(
        IReadOnlyList<AccountRecord> accounts, string dataDirectory, TimeSpan wait, IToolOutput log, CancellationToken cancellationToken)
    {
        var claimed = new Dictionary<string, ReservedPort>();
        try
        {
            // Kept ports first: while they are held, the system cannot hand one of them out as a new port.
            foreach (var account in accounts.Where(account => account.RegistryPort > 0))
            {
                if (claimed.Values.Any(port => port.Port == account.RegistryPort))
                    continue; // a data folder written before ports were unique: one of the two must move, and it was never reachable on it anyway
                claimed[account.Id] = await PortClaim.ClaimAsync(
                    account.RegistryPort,
                    $"the registry port of account '{account.Name}' ({account.Id}) kept in data folder '{dataDirectory}'",
                    "Repository URIs name this port, so the platform does not move it: stop that process, or start the platform with another data folder.",
                    wait, log, cancellationToken);
            }

            foreach (var account in accounts.Where(account => !claimed.ContainsKey(account.Id)))
            {
                var port = PortClaim.ClaimNew();
                claimed[account.Id] = port;
                account.RegistryPort = port.Port;
            }

            return claimed;
        }
        catch
        {
            foreach (var port in claimed.Values)
                port.Dispose();
            throw;
        }
    }

    /// <summary>The API port: the one given, else the one first chosen for this data folder (clients were given that endpoint), else a new one that is then kept.</summary>
    private static async Task<ReservedPort> ClaimApiPortAsync(LocalAwsOptions options, string dataDirectory, CancellationToken cancellationToken)
    {
        if (options.Port > 0)
        {
            return await PortClaim.ClaimAsync(options.Port, "the API port given as --port (LocalAwsOptions.Port)", "Stop that process, or give another port.",
                options.PortWaitTimeout, options.ToolOutput, cancellationToken);
        }

        var path = Path.Combine(dataDirectory, EndpointRecord.FileName);
        var record = JsonStateFile.Read<EndpointRecord>(path) ?? new EndpointRecord();
        if (record.ApiPort > 0)
        {
            return await PortClaim.ClaimAsync(record.ApiPort, $"the API port kept in data folder '{dataDirectory}'",
                "Clients were given this endpoint, so the platform does not move it: stop that process, give a port with --port (LocalAwsOptions.Port), or start the platform with another data folder.",
                options.PortWaitTimeout, options.ToolOutput, cancellationToken);
        }

        var port = PortClaim.ClaimNew();
        try
        {
            record.ApiPort = port.Port;
            JsonStateFile.Write(path, record);
            return port;
        }
        catch
        {
            port.Dispose();
            throw;
        }
    }
}
