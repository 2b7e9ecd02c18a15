using System.Diagnostics;
using System.Globalization;
using Slipway.LocalAws.Ecs.Docker;
using Slipway.LocalAws.State;

namespace Slipway.LocalAws;

/// <summary>A platform that outlives the process that wanted it: <c>slipway-local-aws start</c> in a session of its own, attached to by data folder.</summary>
public sealed partial class LocalAwsPlatform
{
    /// <summary>The log of a detached host, in its data folder.</summary>
    public const string DetachedLogFileName = "local-aws.log";

    private static readonly TimeSpan DetachedStartTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan StopGracePeriod = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Attaches to the platform running from <paramref name="options"/>' data folder, or starts <c>slipway-local-aws start</c> for it in a
    /// session of its own (Ctrl-C on the caller does not reach it; output to <see cref="DetachedLogFileName"/> in the data folder) and
    /// attaches once it answers. Disposing the result leaves the platform running; <see cref="StopDetachedAsync"/> stops it.
    /// The host creates the default accounts (<see cref="LocalAwsOptions.DefaultAccounts"/>); <see cref="LocalAwsOptions.Port"/> and
    /// <see cref="LocalAwsOptions.Region"/> are passed on.
    /// </summary>
    /// <exception cref="InvalidOperationException">The host did not answer within 90 s or exited; the message holds the end of its log.</exception>
    public static async Task<LocalAwsPlatform> StartDetachedAsync(LocalAwsOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var dataDirectory = Path.GetFullPath(options.DataDirectory);
        if (await AttachAsync(dataDirectory, cancellationToken) is { } running)
            return running;
        Directory.CreateDirectory(dataDirectory);
        var log = Path.Combine(dataDirectory, DetachedLogFileName);
        using var host = Process.Start(DetachedStart(options, dataDirectory, log))
            ?? throw new InvalidOperationException($"Could not start '{HostCommand()[0]}' for the local AWS platform in '{dataDirectory}'.");
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (await AttachAsync(dataDirectory, cancellationToken) is { } attached)
                return attached;
            if (host.HasExited || clock.Elapsed > DetachedStartTimeout)
            {
                throw new InvalidOperationException(
                    $"The local AWS platform in '{dataDirectory}' did not start ({(host.HasExited ? $"its process exited with code {host.ExitCode}" : $"no answer within {DetachedStartTimeout.TotalSeconds:0} s")}). " +
                    $"The end of its log '{log}':\n{Tail(log)}");
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    /// <summary>The platform a live process runs from <paramref name="dataDirectory"/> (its <c>runtime.json</c> names a running host that answers), or null when none does.</summary>
    public static async Task<LocalAwsPlatform?> AttachAsync(string dataDirectory, CancellationToken cancellationToken = default)
    {
        dataDirectory = Path.GetFullPath(dataDirectory);
        var runtime = JsonStateFile.Read<RuntimeRecord>(Path.Combine(dataDirectory, RuntimeRecord.FileName));
        if (runtime is null)
            return null;
        using (var host = RunningHost(runtime))
        {
            if (host is null || !await AnswersAsync(new Uri(runtime.Endpoint), cancellationToken))
                return null;
        }

        var accounts = AccountStore.Read(dataDirectory).Select(account => account.ToAccount()).ToList();
        return new LocalAwsPlatform(runtime, accounts, dataDirectory);
    }

    /// <summary>
    /// Stops the platform <c>slipway-local-aws start</c> runs from <paramref name="dataDirectory"/> (SIGTERM, so it removes its containers
    /// and stops its registries), and cleans up after a host that was killed: its registries and its containers. Returns what it did.
    /// </summary>
    /// <exception cref="InvalidOperationException">The platform runs inside another process (not under <c>start</c>): stop it from there.</exception>
    public static async Task<string> StopDetachedAsync(string dataDirectory, CancellationToken cancellationToken = default)
    {
        dataDirectory = Path.GetFullPath(dataDirectory);
        var path = Path.Combine(dataDirectory, RuntimeRecord.FileName);
        var runtime = JsonStateFile.Read<RuntimeRecord>(path);
        if (runtime is null)
            return $"No local AWS platform is running from '{dataDirectory}'.";

        var note = "";
        using (var host = RunningHost(runtime))
        {
            if (host is not null)
            {
                if (!runtime.HostedByCli)
                {
                    throw new InvalidOperationException(
                        $"The local AWS platform in '{dataDirectory}' runs inside process {runtime.HostProcessId}, not under 'slipway-local-aws start': stop it from that process.");
                }

                // SIGTERM lets the platform remove its containers, stop its registries and remove runtime.json itself.
                Kill(runtime.HostProcessId, "-TERM");
                using var grace = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                grace.CancelAfter(StopGracePeriod);
                try
                {
                    await host.WaitForExitAsync(grace.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    host.Kill(entireProcessTree: true);
                    note = $" The platform did not stop within {StopGracePeriod.TotalSeconds:0} s of SIGTERM; killed process {runtime.HostProcessId}.";
                }
            }
        }

        // A host killed outright leaves its registries and task containers running: they are found by their configuration files and labels.
        foreach (var registry in runtime.Registries)
            Registry.RegistryProcessIds.KillAll(registry.ConfigPath);
        await RemoveLeftContainersAsync(dataDirectory, cancellationToken);
        File.Delete(path);
        return $"Stopped the local AWS platform at {runtime.Endpoint} (data '{dataDirectory}').{note}";
    }

    private static async Task RemoveLeftContainersAsync(string dataDirectory, CancellationToken cancellationToken)
    {
        var idFile = Path.Combine(dataDirectory, "ecs", "platform-id");
        if (!File.Exists(idFile))
            return;
        var platformId = (await File.ReadAllTextAsync(idFile, cancellationToken)).Trim();
        using var engine = new DockerEngine(null);
        try
        {
            await new PlatformContainers(engine, platformId).RemoveAsync(await engine.ListAsync(platformId, cancellationToken), cancellationToken);
        }
        catch (DockerEngineException)
        {
            // No engine, no containers to leave behind.
        }
    }

    // `setsid` gives the host a session of its own: the terminal's Ctrl-C (sent to the build's process group) and the end of the build do not reach it.
    private static ProcessStartInfo DetachedStart(LocalAwsOptions options, string dataDirectory, string log)
    {
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false, WorkingDirectory = dataDirectory };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("exec setsid \"$@\" </dev/null >>\"$SLIPWAY_LOCAL_AWS_LOG\" 2>&1");
        start.ArgumentList.Add("slipway-local-aws");
        foreach (var argument in HostCommand())
            start.ArgumentList.Add(argument);
        foreach (var argument in new[] { "start", "--data", dataDirectory, "--region", options.Region })
            start.ArgumentList.Add(argument);
        if (options.Port != 0)
        {
            start.ArgumentList.Add("--port");
            start.ArgumentList.Add(options.Port.ToString(CultureInfo.InvariantCulture));
        }

        start.Environment["SLIPWAY_LOCAL_AWS_LOG"] = log;
        return start;
    }

    // The CLI next to this assembly: its apphost, or the dll run by the dotnet host running this process.
    private static string[] HostCommand()
    {
        var directory = Path.GetDirectoryName(typeof(LocalAwsPlatform).Assembly.Location) ?? AppContext.BaseDirectory;
        var apphost = Path.Combine(directory, "slipway-local-aws");
        if (File.Exists(apphost))
            return [apphost];
        var dotnet = Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";
        return [dotnet, Path.Combine(directory, "slipway-local-aws.dll")];
    }

    // The recorded host process, unless it is gone or its id now belongs to a different process.
    private static Process? RunningHost(RuntimeRecord runtime)
    {
        try
        {
            var process = Process.GetProcessById(runtime.HostProcessId);
            if (!process.HasExited && (process.StartTime.ToUniversalTime() - runtime.HostStartedAt.UtcDateTime).Duration() < TimeSpan.FromSeconds(2))
                return process;
            process.Dispose();
            return null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static async Task<bool> AnswersAsync(Uri endpoint, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await http.GetAsync(endpoint, cancellationToken);
            return true;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private static void Kill(int processId, string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", [signal, processId.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false });
        kill?.WaitForExit();
    }

    private static string Tail(string path)
    {
        if (!File.Exists(path))
            return "(no log)";
        var lines = File.ReadAllLines(path);
        return string.Join('\n', lines.TakeLast(20));
    }
}
