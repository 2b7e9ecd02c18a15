using System.Net;
using System.Net.Sockets;
using Slipway.LocalAws.Registry;
using Slipway.LocalAws.Server;
using Slipway.LocalAws.State;

namespace Slipway.LocalAws.Tests;

/// <summary>A registry port taken between the platform's check and its bind is recognised, so the start retries on new ports.</summary>
public class ServerPortTest
{
    [Fact]
    public async Task TestStart_PortTakenByAnotherProcessIsAddressInUse()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var error = await Assert.ThrowsAnyAsync<Exception>(() =>
            AwsServer.StartAsync(0, _ => Task.CompletedTask, new Dictionary<int, Microsoft.AspNetCore.Http.RequestDelegate> { [port] = _ => Task.CompletedTask }, CancellationToken.None));

        Assert.IsAssignableFrom<IOException>(error);
        Assert.True(FreePort.IsAddressInUse(error), error.ToString());
    }

    [Fact]
    public void TestAddressInUse_OtherFailuresAreNot()
    {
        Assert.False(FreePort.IsAddressInUse(new IOException("disk full")));
    }

    [Fact]
    public void TestAssignRegistryPorts_KeepsFreePortsAndNeverGivesTwoAccountsOne()
    {
        var free = FreePort.Pick();
        using var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        var busyPort = ((IPEndPoint)busy.LocalEndpoint).Port;
        // The first keeps its free port; the second had the same port and the third a busy one: both get new ports.
        var accounts = new[] { Account("111111111111", free), Account("222222222222", free), Account("333333333333", busyPort) };

        LocalAwsPlatform.AssignRegistryPorts(accounts, keepFreePorts: true);

        Assert.Equal(free, accounts[0].RegistryPort);
        Assert.Equal(3, accounts.Select(account => account.RegistryPort).Distinct().Count());
        Assert.NotEqual(busyPort, accounts[2].RegistryPort);
    }

    [Fact]
    public void TestAssignRegistryPorts_AfterABindFailureAllAreNewAndDistinct()
    {
        var kept = FreePort.Pick();
        var accounts = Enumerable.Range(1, 6).Select(i => Account($"{i}{i}{i}{i}{i}{i}{i}{i}{i}{i}{i}{i}", kept)).ToArray();

        LocalAwsPlatform.AssignRegistryPorts(accounts, keepFreePorts: false);

        Assert.Equal(6, accounts.Select(account => account.RegistryPort).Distinct().Count());
    }

    static AccountRecord Account(string id, int port) => new()
    {
        Id = id, Name = id, AccessKeyId = "AKIA" + id, SecretAccessKey = "secret", RegistryPassword = "password", RegistryTokenKey = "key", RegistryPort = port,
    };
}
