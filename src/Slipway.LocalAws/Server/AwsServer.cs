using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Slipway.LocalAws.Server;

/// <summary>The platform's one Kestrel server on 127.0.0.1: the AWS API port plus one port per account registry, each request routed by the port it came in on.</summary>
internal sealed class AwsServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private AwsServer(WebApplication app, int apiPort)
    {
        _app = app;
        ApiPort = apiPort;
    }

    /// <summary>The port the AWS API listens on.</summary>
    public int ApiPort { get; }

    /// <summary>Starts listening: <paramref name="apiPort"/> (0 for a free one) for <paramref name="api"/>, and each port of <paramref name="ports"/> for its handler.</summary>
    public static async Task<AwsServer> StartAsync(int apiPort, RequestDelegate api, IReadOnlyDictionary<int, RequestDelegate> ports, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        // The host must not take over the process's Ctrl-C and SIGTERM: whoever embeds the platform decides when it stops.
        builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = null;
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, apiPort);
            foreach (var port in ports.Keys)
                kestrel.Listen(IPAddress.Loopback, port);
        });

        var app = builder.Build();
        app.Run(http => ports.TryGetValue(http.Connection.LocalPort, out var handler) ? handler(http) : api(http));
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        var boundApiPort = addresses.Select(address => new Uri(address).Port).First(port => !ports.ContainsKey(port));
        return new AwsServer(app, boundApiPort);
    }

    /// <summary>Stops listening and waits for requests in flight, briefly.</summary>
    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(timeout.Token);
        await _app.DisposeAsync();
    }

    private sealed class EmbeddedLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
