using System.Net;
using Slipway.Tooling;

namespace Slipway.LocalAws.Registry;

/// <summary>One running <c>docker-registry serve</c> on a loopback port only the platform knows; stopping it kills it and waits until it is gone.</summary>
internal sealed class RegistryProcess : IAsyncDisposable
{
    private const int Attempts = 3;

    private readonly CancellationTokenSource _stop;
    private readonly Task _run;
    private readonly string _configPath;

    private RegistryProcess(int port, int processId, string configPath, CancellationTokenSource stop, Task run)
    {
        Port = port;
        ProcessId = processId;
        _configPath = configPath;
        _stop = stop;
        _run = run;
    }

    /// <summary>The registry's own port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>The registry's process id (0 where /proc is not available).</summary>
    public int ProcessId { get; }

    /// <summary>Starts the registry configured by <paramref name="files"/>, retrying on another port if its port was taken meanwhile; returns once it answers <c>/v2/</c>.</summary>
    public static async Task<RegistryProcess> StartAsync(
        RegistryFiles files, string executable, string httpSecret, IToolOutput output, TimeSpan timeout, CancellationToken cancellationToken)
    {
        // A registry left running by a platform that was killed holds the storage: stop it first.
        RegistryProcessIds.KillAll(files.ConfigPath);
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort.Pick();
            files.WriteConfig(port, httpSecret);
            var stop = new CancellationTokenSource();
            var invocation = new ToolInvocation(executable, "serve", files.ConfigPath)
            {
                OutputPrefix = "registry",
                CheckExitCode = true,
            };
            var run = Task.Run(() => ToolRunner.RunAsync(invocation, output, stop.Token), CancellationToken.None);
            try
            {
                await WaitUntilAnsweringAsync(port, files.ConfigPath, run, timeout, cancellationToken);
                var pid = RegistryProcessIds.Find(files.ConfigPath).FirstOrDefault();
                return new RegistryProcess(port, pid, files.ConfigPath, stop, run);
            }
            catch (Exception exception) when (attempt < Attempts && FreePort.IsAddressInUse(exception))
            {
                await StopAsync(stop, run);
            }
            catch
            {
                await StopAsync(stop, run);
                throw;
            }
        }
    }

    /// <summary>Kills the registry and waits until its process is gone.</summary>
    public async ValueTask DisposeAsync()
    {
        await StopAsync(_stop, _run);
        // ToolRunner kills the whole tree; this catches a registry that outlived its kill.
        RegistryProcessIds.KillAll(_configPath);
    }

    private static async Task WaitUntilAnsweringAsync(int port, string configPath, Task run, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var url = new Uri($"http://127.0.0.1:{port}/v2/");
        while (true)
        {
            if (run.IsCompleted)
            {
                await run; // throws the tool's failure, with its last output lines
                throw new InvalidOperationException($"The registry configured by '{configPath}' exited at once without an error.");
            }

            try
            {
                using var response = await http.GetAsync(url, deadline.Token);
                if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.OK)
                    return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"The registry did not answer on http://127.0.0.1:{port}/v2/ within {timeout.TotalSeconds:0} s.");
            }

            await Task.WhenAny(run, Task.Delay(50, deadline.Token));
        }
    }

    private static async Task StopAsync(CancellationTokenSource stop, Task run)
    {
        await stop.CancelAsync();
        await run.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        stop.Dispose();
    }
}
