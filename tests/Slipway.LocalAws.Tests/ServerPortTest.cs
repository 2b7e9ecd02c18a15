using System.Net;
using System.Net.Sockets;
using Slipway.LocalAws.Registry;
using Slipway.LocalAws.Server;

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
}
