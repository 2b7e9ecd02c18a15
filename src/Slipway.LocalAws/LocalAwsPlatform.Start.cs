using System.Diagnostics;
using Slipway.LocalAws.Ecr;
using Slipway.LocalAws.Ecs;
using Slipway.LocalAws.Ports;
using Slipway.LocalAws.Registry;
using Slipway.LocalAws.Server;
using Slipway.LocalAws.Signing;
using Slipway.LocalAws.State;
using Slipway.LocalAws.Sts;
using Slipway.Tooling;

namespace Slipway.LocalAws;

/// <summary>Starting the platform: accounts, one registry per account, then the server in front of them all.</summary>
public sealed partial class LocalAwsPlatform
{
    /// <summary>Starts the platform described by <paramref name="options"/> and returns once every endpoint answers.</summary>
    /// <exception cref="InvalidOperationException">The data folder is in use, a kept port (API or registry) stayed busy past <see cref="LocalAwsOptions.PortWaitTimeout"/>, or a required tool (<c>docker-registry</c>, <c>htpasswd</c>) is missing or failed.</exception>
    public static async Task<LocalAwsPlatform> StartAsync(LocalAwsOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var dataDirectory = Path.GetFullPath(options.DataDirectory);
        Directory.CreateDirectory(dataDirectory);
        var folderLock = DataFolderLock.Acquire(dataDirectory);
        var registries = new List<AccountRegistry>();
        try
        {
            var accounts = AccountStore.Open(dataDirectory, options.Accounts);
            // Every address clients are given is bound here and held until the server takes it over: nothing can take it in between.
            using var ports = await ClaimPortsAsync(accounts, options, dataDirectory, cancellationToken);

            var starts = accounts.All.Select(account => AccountRegistry.StartAsync(account, dataDirectory, options, cancellationToken)).ToList();
            await ((Task)Task.WhenAll(starts)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            registries.AddRange(starts.Where(start => start.IsCompletedSuccessfully).Select(start => start.Result));
            await RethrowFirstFailureAsync(starts);

            var (server, ecs) = await StartServerAsync(options, accounts, ports, registries, dataDirectory, cancellationToken);
            var platform = new LocalAwsPlatform(server, ecs, registries, folderLock, accounts.All.Select(account => account.ToAccount()).ToList(), options.Region, dataDirectory);
            platform.WriteRuntimeRecord(options.HostedByCli);
            return platform;
        }
        catch
        {
            await StopAllAsync(registries);
            folderLock.Dispose();
            throw;
        }
    }

    private static async Task<(AwsServer Server, EcsService Ecs)> StartServerAsync(
        LocalAwsOptions options, AccountStore accounts, ClaimedPorts ports, IReadOnlyList<AccountRegistry> registries, string dataDirectory, CancellationToken cancellationToken)
    {
        var sessions = new SessionStore(dataDirectory, options.Clock);
        var verifier = new SigV4Verifier(new CredentialStore(accounts, sessions), options.Clock);
        var ecr = new EcrService(registries.ToDictionary(registry => registry.Ecr.AccountId, registry => registry.Ecr));
        // ECS runs services on the local Docker engine; without an engine the platform still serves ECR and STS, and ECS calls fail clearly.
        var ecs = new EcsService(new EcsOptions
        {
            DataDirectory = dataDirectory, Clock = options.Clock, RegistryCredentials = EcrPullCredentials.For(registries.Select(registry => registry.Ecr), options.Clock),
        });
        var api = new AwsApiEndpoint(
            new JsonProtocol([ecr, ecs], verifier, options.Region),
            new QueryProtocol([new StsService(accounts, sessions)], verifier, options.Region),
            options.Clock);
        var proxies = registries.ToDictionary(
            registry => ports.Registries[registry.Ecr.AccountId].Release(),
            registry => (Microsoft.AspNetCore.Http.RequestDelegate)new RegistryProxy(registry.Ecr, options.Clock).HandleAsync);
        try
        {
            return (await AwsServer.StartAsync(ports.Api.Release(), api.HandleAsync, proxies, cancellationToken), ecs);
        }
        catch
        {
            await ecs.DisposeAsync();
            throw;
        }
    }

    private static async Task RethrowFirstFailureAsync(IEnumerable<Task<AccountRegistry>> starts)
    {
        foreach (var start in starts.Where(start => !start.IsCompletedSuccessfully))
        {
            try
            {
                await start;
            }
            catch (ToolNotFoundException exception)
            {
                throw new InvalidOperationException(
                    $"The local AWS platform needs '{exception.ToolName}' to run its registries. Install it with " +
                    "'apt-get install -y docker-registry apache2-utils' (Debian), or run .ci/run, which sets the machine up.\n" + exception.Message,
                    exception);
            }
        }
    }

    private void WriteRuntimeRecord(bool hostedByCli)
    {
        using var host = Process.GetCurrentProcess();
        JsonStateFile.Write(Path.Combine(DataDirectory, RuntimeRecord.FileName), new RuntimeRecord
        {
            HostProcessId = Environment.ProcessId,
            HostStartedAt = host.StartTime.ToUniversalTime(),
            HostedByCli = hostedByCli,
            Endpoint = Endpoint.ToString(),
            Region = Region,
            Registries = _registries.Select(registry => new RuntimeRegistry(registry.Ecr.AccountId, registry.Ecr.ProxyEndpoint, registry.ProcessId, registry.ConfigPath)).ToList(),
        });
    }
}
