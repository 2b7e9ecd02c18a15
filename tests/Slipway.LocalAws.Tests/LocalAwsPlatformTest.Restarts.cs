using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Slipway.LocalAws.Tests.Infrastructure;
using Slipway.Tooling;

namespace Slipway.LocalAws.Tests;

/// <summary>Every address clients were given (API endpoint, registry ports, repository URIs) survives stop and start with the same data folder; a kept port is never silently replaced.</summary>
public sealed partial class LocalAwsPlatformTest
{
    [Fact]
    public async Task TestRestart_AddressesSurviveFiveRestartsOneWithAKeptRegistryPortBrieflyHeld()
    {
        string before;
        int production;
        await using (var platform = await LocalAwsPlatform.StartAsync(Options(ToolOutput.None)))
        {
            await Ecr(platform, platform.Account("development")).InvokeAsync("CreateRepository", new JsonObject { ["repositoryName"] = "app/web" });
            await Ecr(platform, platform.Account("development")).InvokeAsync("CreateRepository", new JsonObject { ["repositoryName"] = "app/worker" });
            await Ecr(platform, platform.Account("production")).InvokeAsync("CreateRepository", new JsonObject { ["repositoryName"] = "app/web" });
            before = await AddressesAsync(platform);
            production = platform.RegistryEndpoint("production").Port;
        }

        for (var restart = 1; restart <= 5; restart++)
        {
            // On the third start something holds production's kept port and lets go once the platform says it waits for it.
            var holder = restart == 3 ? new TcpListener(IPAddress.Loopback, production) : null;
            holder?.Start();
            var log = new WaitingLog(() => holder?.Stop());
            try
            {
                await using var platform = await LocalAwsPlatform.StartAsync(Options(log, TimeSpan.FromMinutes(2)));

                Assert.Equal(before, await AddressesAsync(platform));
                if (holder is not null)
                    Assert.StartsWith($"Port {production} (the registry port of account 'production' (222222222222)", Assert.Single(log.Waiting));
            }
            finally
            {
                holder?.Dispose();
            }
        }
    }

    [Fact]
    public async Task TestRestart_KeptRegistryPortHeldPastTheWaitFailsNamingItsHolderAndIsNotMoved()
    {
        int port;
        await using (var platform = await LocalAwsPlatform.StartAsync(Options(ToolOutput.None)))
            port = platform.RegistryEndpoint("development").Port;
        using var holder = new TcpListener(IPAddress.Loopback, port);
        holder.Start();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => LocalAwsPlatform.StartAsync(Options(ToolOutput.None, TimeSpan.FromMilliseconds(300))));

        Assert.StartsWith(
            $"Port {port}, the registry port of account 'development' (111111111111) kept in data folder '{_data}', is held by process {Environment.ProcessId} (",
            error.Message);
        Assert.Equal(port, RecordedRegistryPort("111111111111"));
        holder.Stop();
        await using var again = await LocalAwsPlatform.StartAsync(Options(ToolOutput.None));
        Assert.Equal(port, again.RegistryEndpoint("development").Port);
    }

    [Fact]
    public async Task TestRestart_KeptApiPortHeldPastTheWaitFailsNamingItsHolder()
    {
        int port;
        await using (var platform = await LocalAwsPlatform.StartAsync(Options(ToolOutput.None)))
            port = platform.Endpoint.Port;
        using var holder = new TcpListener(IPAddress.Loopback, port);
        holder.Start();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => LocalAwsPlatform.StartAsync(Options(ToolOutput.None, TimeSpan.FromMilliseconds(300))));

        Assert.StartsWith($"Port {port}, the API port kept in data folder '{_data}', is held by process {Environment.ProcessId} (", error.Message);
        Assert.EndsWith("stop that process, give a port with --port (LocalAwsOptions.Port), or start the platform with another data folder.", error.Message);
    }

    /// <summary>What a client was given: the API endpoint, each account's registry, and each repository as DescribeRepositories shows it.</summary>
    private static async Task<string> AddressesAsync(LocalAwsPlatform platform)
    {
        var addresses = new JsonObject { ["endpoint"] = platform.Endpoint.ToString() };
        foreach (var account in platform.Accounts)
        {
            var repositories = (await Ecr(platform, account).InvokeAsync("DescribeRepositories", new JsonObject()))["repositories"]!.DeepClone();
            addresses[account.Id] = new JsonObject { ["registry"] = platform.RegistryEndpoint(account.Id).ToString(), ["repositories"] = repositories };
        }

        return addresses.ToJsonString();
    }

    private int RecordedRegistryPort(string accountId) =>
        (int)JsonNode.Parse(File.ReadAllText(Path.Combine(_data, "accounts.json")))!["accounts"]!.AsArray().Single(account => (string?)account!["id"] == accountId)!["registryPort"]!;

    private LocalAwsOptions Options(IToolOutput log, TimeSpan? portWait = null) =>
        new() { DataDirectory = _data, ToolOutput = log, PortWaitTimeout = portWait ?? TimeSpan.FromSeconds(10) };
}
