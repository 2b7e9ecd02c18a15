using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Slipway.Containers.Registry;

namespace Slipway.Containers.Tests.Infrastructure;

/// <summary>A real CNCF distribution registry ("docker-registry serve") on a free loopback port, with htpasswd (bcrypt) basic auth.</summary>
public sealed class LocalRegistry : IAsyncDisposable
{
    public const string User = "slipway";
    public const string Password = "s3cret-pass";

    readonly Process _process;
    readonly string _folder;

    LocalRegistry(Process process, string folder, int port)
    {
        _process = process;
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    public string Host => $"127.0.0.1:{Port}";

    public RegistryCredentials Credentials => new(User, Password);

    public RegistryClient Client(RegistryClientOptions? options = null, string? host = null) =>
        new(host ?? Host, Credentials, options ?? new RegistryClientOptions { InitialBackoff = TimeSpan.FromMilliseconds(20) });

    public static async Task<LocalRegistry> StartAsync()
    {
        var registryBinary = RequireTool("docker-registry", "apt-get install docker-registry");
        var htpasswd = RequireTool("htpasswd", "apt-get install apache2-utils");
        var folder = Directory.CreateTempSubdirectory("slipway-registry-").FullName;
        var passwords = Run(htpasswd, "-Bbn", User, Password);
        await File.WriteAllTextAsync(Path.Combine(folder, "htpasswd"), passwords);
        var port = FreePort();
        await File.WriteAllTextAsync(Path.Combine(folder, "config.yml"), $"""
            version: 0.1
            log:
              level: warn
            storage:
              filesystem:
                rootdirectory: {folder}/data
              delete:
                enabled: true
            http:
              addr: 127.0.0.1:{port}
              secret: slipway-test-secret
            auth:
              htpasswd:
                realm: slipway-test
                path: {folder}/htpasswd
            """);
        var start = new ProcessStartInfo(registryBinary, ["serve", Path.Combine(folder, "config.yml")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("docker-registry did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var registry = new LocalRegistry(process, folder, port);
        using var http = new HttpClient();
        for (var waited = 0; ; waited += 50)
        {
            try
            {
                using var response = await http.GetAsync($"http://127.0.0.1:{port}/v2/");
                if (response.StatusCode == HttpStatusCode.Unauthorized)
                    return registry;
            }
            catch (HttpRequestException) when (waited < 15000 && !process.HasExited)
            {
            }
            if (waited >= 15000 || process.HasExited)
            {
                await registry.DisposeAsync();
                throw new InvalidOperationException($"docker-registry on port {port} did not answer /v2/ with 401 within 15 s.");
            }
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal static string RequireTool(string name, string install)
    {
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':'))
        {
            var candidate = Path.Combine(directory, name);
            if (File.Exists(candidate))
                return candidate;
        }
        throw new InvalidOperationException($"'{name}' is not installed; the registry tests need it. Install it with: {install}");
    }

    internal static string Run(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"'{file} {string.Join(' ', arguments)}' failed ({process.ExitCode}): {error}");
    }
}

/// <summary>Two registries shared by the registry tests: a source and a destination.</summary>
public sealed class RegistryPair : IAsyncLifetime
{
    public LocalRegistry Source { get; private set; } = null!;
    public LocalRegistry Destination { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var started = await Task.WhenAll(LocalRegistry.StartAsync(), LocalRegistry.StartAsync());
        (Source, Destination) = (started[0], started[1]);
    }

    public async Task DisposeAsync()
    {
        if (Source is not null)
            await Source.DisposeAsync();
        if (Destination is not null)
            await Destination.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class RegistryCollection : ICollectionFixture<RegistryPair>
{
    public const string Name = "registries";
}
