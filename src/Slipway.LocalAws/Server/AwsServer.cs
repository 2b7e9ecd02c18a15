using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
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

    /// <summary>Serves on sockets already bound and listening, which it then owns: <paramref name="apiListener"/> for <paramref name="api"/>, each of <paramref name="listeners"/> for its handler.</summary>
    /// <remarks>Taking bound sockets rather than ports leaves no moment in which another process could take a port clients were given.</remarks>
    public static async Task<AwsServer> StartAsync(Socket apiListener, RequestDelegate api, IReadOnlyDictionary<Socket, RequestDelegate> listeners, CancellationToken cancellationToken)
    {
        var sockets = listeners.Keys.Append(apiListener).ToDictionary(socket => ((IPEndPoint)socket.LocalEndPoint!).Port);
        var ports = listeners.ToDictionary(pair => ((IPEndPoint)pair.Key.LocalEndPoint!).Port, pair => pair.Value);
        var apiPort = ((IPEndPoint)apiListener.LocalEndPoint!).Port;
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        // The host must not take over the process's Ctrl-C and SIGTERM: whoever embeds the platform decides when it stops.
        builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();
        builder.WebHost.UseSockets(transport => transport.CreateBoundListenSocket = endpoint => sockets[((IPEndPoint)endpoint).Port]);
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = null;
            kestrel.AddServerHeader = false;
            foreach (var port in sockets.Keys)
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
            foreach (var socket in sockets.Values)
                socket.Dispose();
            throw;
        }

        return new AwsServer(app, apiPort);
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
