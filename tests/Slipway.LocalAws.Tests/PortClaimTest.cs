using System.Net;
using System.Net.Sockets;
using Slipway.LocalAws.Ports;
using Slipway.LocalAws.Registry;
using Slipway.LocalAws.State;
using Slipway.LocalAws.Tests.Infrastructure;
using Slipway.Tooling;

namespace Slipway.LocalAws.Tests;

/// <summary>A port recorded in the data folder is never moved: it is bound and held, waited for while busy, or the start fails naming who holds it.</summary>
public class PortClaimTest
{
    private const string DataFolder = "/data/folder";

    [Fact]
    public async Task TestClaimRegistryPorts_KeptPortsStayAndOnlyPortlessAccountsGetNewDistinctOnes()
    {
        var kept = FreePort.Pick();
        // The second records the first one's port (a data folder written before ports were unique): one of them must move, the later one.
        var accounts = new[] { Account("111111111111", kept), Account("222222222222", kept), Account("333333333333", 0), Account("444444444444", 0) };

        var claimed = await LocalAwsPlatform.ClaimRegistryPortsAsync(accounts, DataFolder, TimeSpan.FromSeconds(1), ToolOutput.None, CancellationToken.None);
        try
        {
            Assert.Equal(kept, accounts[0].RegistryPort);
            Assert.Equal(4, accounts.Select(account => account.RegistryPort).Distinct().Count());
            Assert.All(accounts, account => Assert.Equal(account.RegistryPort, claimed[account.Id].Port));
            // Held, not just chosen: nothing else can bind them now.
            Assert.All(accounts, account => Assert.Null(ReservedPort.TryBind(account.RegistryPort)));
        }
        finally
        {
            foreach (var port in claimed.Values)
                port.Dispose();
        }
    }

    [Fact]
    public void TestClaimNew_ChoosesBelowTheEphemeralRangeSoNoOutgoingConnectionTakesItLater()
    {
        var ephemeral = PortClaim.EphemeralRangeStart();
        Assert.NotNull(ephemeral); // Linux, as everywhere this runs

        var ports = Enumerable.Range(0, 20).Select(_ => PortClaim.ClaimNew()).ToList();
        try
        {
            Assert.All(ports, port => Assert.InRange(port.Port, PortClaim.LowestNewPort, ephemeral.Value - 1));
            Assert.Equal(20, ports.Select(port => port.Port).Distinct().Count());
        }
        finally
        {
            foreach (var port in ports)
                port.Dispose();
        }
    }

    [Fact]
    public async Task TestClaimRegistryPorts_HeldPastTheWaitFailsNamingPortAccountFolderAndHolder()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var busy = ((IPEndPoint)holder.LocalEndpoint).Port;
        var free = FreePort.Pick();
        var accounts = new[] { Account("111111111111", free), Account("222222222222", busy) };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            LocalAwsPlatform.ClaimRegistryPortsAsync(accounts, DataFolder, TimeSpan.FromMilliseconds(300), ToolOutput.None, CancellationToken.None));

        Assert.StartsWith($"Port {busy}, the registry port of account '222222222222' (222222222222) kept in data folder '{DataFolder}', is held by process {Environment.ProcessId} (", error.Message);
        Assert.EndsWith("Repository URIs name this port, so the platform does not move it: stop that process, or start the platform with another data folder.", error.Message);
        Assert.Equal([free, busy], accounts.Select(account => account.RegistryPort));
        // The port claimed before the failure was let go again.
        using var released = ReservedPort.TryBind(free);
        Assert.NotNull(released);
    }

    [Fact]
    public async Task TestClaimRegistryPorts_BusyKeptPortIsWaitedForAndKept()
    {
        var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var busy = ((IPEndPoint)holder.LocalEndpoint).Port;
        var accounts = new[] { Account("111111111111", busy) };
        // The holder lets go only once the claim says it waits: no race with a clock.
        var log = new WaitingLog(holder.Stop);

        var claimed = await LocalAwsPlatform.ClaimRegistryPortsAsync(accounts, DataFolder, TimeSpan.FromMinutes(2), log, CancellationToken.None);
        using var port = claimed["111111111111"];

        Assert.Equal(busy, port.Port);
        Assert.Equal(busy, accounts[0].RegistryPort);
        Assert.StartsWith($"Port {busy} (the registry port of account '111111111111' (111111111111) kept in data folder '{DataFolder}') is in use by process {Environment.ProcessId} (",
            log.Waiting.Single());
        holder.Dispose();
    }

    [Fact]
    public void TestPortHolder_NamesTheListeningProcessAndItsCommandLine()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();

        var description = PortHolder.Describe(((IPEndPoint)holder.LocalEndpoint).Port);

        Assert.Equal($"process {Environment.ProcessId} ({File.ReadAllText($"/proc/{Environment.ProcessId}/cmdline").Replace('\0', ' ').Trim()})", description);
    }

    [Fact]
    public void TestAddressInUse_ABindOnAHeldPortIs()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        using var second = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

        var error = Assert.Throws<SocketException>(() => second.Bind(holder.LocalEndpoint));

        Assert.True(FreePort.IsAddressInUse(new IOException("bind failed", error)), error.ToString());
    }

    [Fact]
    public void TestAddressInUse_OtherFailuresAreNot()
    {
        Assert.False(FreePort.IsAddressInUse(new IOException("disk full")));
    }

    private static AccountRecord Account(string id, int port) => new()
    {
        Id = id, Name = id, AccessKeyId = "AKIA" + id, SecretAccessKey = "secret", RegistryPassword = "password", RegistryTokenKey = "key", RegistryPort = port,
    };
}
