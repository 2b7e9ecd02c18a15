using System.Diagnostics;
using System.Globalization;
using Slipway.LocalAws.Registry;
using Slipway.LocalAws.State;
using Slipway.Tooling;

namespace Slipway.LocalAws.Cli;

/// <summary><c>slipway-local-aws stop</c>: stops the platform a <c>start</c> runs from a data folder, and any registry a killed platform left behind.</summary>
internal static class StopCommand
{
    private static readonly TimeSpan GracePeriod = TimeSpan.FromSeconds(30);

    /// <summary>Stops the platform recorded in the data folder's <c>runtime.json</c>; returns the exit code.</summary>
    public static async Task<int> RunAsync(CommandLineArguments command, TextWriter output)
    {
        var dataDirectory = Path.GetFullPath(command.DataDirectory);
        var path = Path.Combine(dataDirectory, RuntimeRecord.FileName);
        var runtime = JsonStateFile.Read<RuntimeRecord>(path);
        if (runtime is null)
        {
            await output.WriteLineAsync($"No local AWS platform is running from '{dataDirectory}'.");
            return 0;
        }

        using var host = RunningHost(runtime);
        if (host is not null)
        {
            if (!runtime.HostedByCli)
            {
                throw new InvalidOperationException(
                    $"The local AWS platform in '{dataDirectory}' runs inside process {runtime.HostProcessId}, not under 'slipway-local-aws start': stop it from that process.");
            }

            // SIGTERM lets the platform stop its registries and remove runtime.json itself.
            await ToolRunner.RunAsync(new ToolInvocation("kill", "-TERM", runtime.HostProcessId.ToString(CultureInfo.InvariantCulture)) { EchoCommand = false });
            using var timeout = new CancellationTokenSource(GracePeriod);
            try
            {
                await host.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                host.Kill(entireProcessTree: true);
                await output.WriteLineAsync($"The platform did not stop within {GracePeriod.TotalSeconds:0} s of SIGTERM; killed process {runtime.HostProcessId}.");
            }
        }

        // A platform that was killed outright leaves its registries running: they are found by their configuration files.
        foreach (var registry in runtime.Registries)
            RegistryProcessIds.KillAll(registry.ConfigPath);
        File.Delete(path);
        await output.WriteLineAsync($"Stopped the local AWS platform at {runtime.Endpoint} (data '{dataDirectory}').");
        return 0;
    }

    // The recorded process, unless it is gone or its id now belongs to a different process.
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
}
