using System.Net;
using System.Net.Sockets;

namespace Slipway.LocalAws.Tests.Ecs.Infrastructure;

/// <summary>
/// A test image built FROM scratch for a test class (no image can be pulled here): the static busybox, also as <c>/bin/sh</c> so
/// shell health checks work, and an empty <c>/www</c>. Tasks write their version into <c>/www/version</c> and serve it with busybox httpd.
/// </summary>
public sealed class HttpdImage : IAsyncLifetime
{
    public const string Busybox = "/bin/busybox";

    public string Name { get; } = $"slipway-ecs-test/httpd:{Guid.NewGuid():N}";

    /// <summary>A free TCP port on 127.0.0.1 for a task to serve on.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The command that serves <c>$VERSION</c> at <c>/version</c> on <c>$PORT</c>.</summary>
    public static string[] ServeCommand { get; } = ["/bin/sh", "-c", "echo \"$VERSION\" > /www/version && exec /busybox httpd -f -p \"127.0.0.1:$PORT\" -h /www"];

    /// <summary>The command that serves <c>$VERSION</c> on <c>$PORT</c> of every interface of the container (bridge networking publishes it).</summary>
    public static string[] ServeOnAllInterfacesCommand { get; } = ["/bin/sh", "-c", "echo \"$VERSION\" > /www/version && exec /busybox httpd -f -p \"$PORT\" -h /www"];

    /// <summary>What <c>http://127.0.0.1:{port}/version</c> answers, trimmed; retried for <paramref name="patience"/> (3 s by default) while the server starts, null when nothing answers.</summary>
    public static Task<string?> GetVersionAsync(int port, TimeSpan? patience = null) => GetAsync(port, "version", patience);

    /// <summary>What <c>http://127.0.0.1:{port}/{path}</c> answers, trimmed; retried for <paramref name="patience"/> (3 s by default) while the server starts, null when nothing answers.</summary>
    public static async Task<string?> GetAsync(int port, string path, TimeSpan? patience = null)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + (patience ?? TimeSpan.FromSeconds(3));
        while (true)
        {
            try
            {
                return (await http.GetStringAsync($"http://127.0.0.1:{port}/{path}")).Trim();
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                if (DateTime.UtcNow > deadline)
                    return null;
                await Task.Delay(100);
            }
        }
    }

    public async Task InitializeAsync()
    {
        await TestDocker.RequireEngineAsync();
        var context = Directory.CreateTempSubdirectory("slipway-ecs-image-").FullName;
        try
        {
            File.Copy(Busybox, Path.Combine(context, "busybox"));
            Directory.CreateDirectory(Path.Combine(context, "www"));
            await File.WriteAllTextAsync(Path.Combine(context, "www", "index.html"), "slipway\n");
            await File.WriteAllTextAsync(Path.Combine(context, "Dockerfile"),
                "FROM scratch\nCOPY busybox /busybox\nCOPY busybox /bin/sh\nCOPY www /www\nCMD [\"/busybox\", \"httpd\", \"-f\", \"-p\", \"8080\", \"-h\", \"/www\"]\n");
            // --no-cache: fixtures build in parallel, and another fixture removing its image (rmi) would delete cached layers this build is reusing.
            var result = await TestDocker.RunAsync("build", "--quiet", "--no-cache", "--tag", Name, context);
            Assert.True(result.ExitCode == 0, $"docker build failed: {result.StandardError}");
        }
        finally
        {
            Directory.Delete(context, recursive: true);
        }
    }

    public async Task DisposeAsync() => await TestDocker.RunAsync("rmi", "--force", Name);
}
