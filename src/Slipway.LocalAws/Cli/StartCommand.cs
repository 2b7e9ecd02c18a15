using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Slipway.LocalAws.Cli;

/// <summary><c>slipway-local-aws start</c>: runs the platform in the foreground until Ctrl-C or SIGTERM.</summary>
internal static class StartCommand
{
    /// <summary>Starts the platform, prints how to reach it, waits for a stop signal, then stops it; returns the exit code.</summary>
    public static async Task<int> RunAsync(CommandLineArguments command, TextWriter output)
    {
        using var stopRequested = new CancellationTokenSource();
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stopRequested.Cancel();
        }

        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var quit = PosixSignalRegistration.Create(PosixSignal.SIGQUIT, Stop);

        var options = new LocalAwsOptions
        {
            DataDirectory = command.DataDirectory, Port = command.Port, Region = command.Region, HostedByCli = true, ToolOutput = new PlatformMessages(Console.Error),
        };
        await using var platform = await LocalAwsPlatform.StartAsync(options, stopRequested.Token);
        await output.WriteLineAsync(command.Json ? Json(platform) : Text(platform));
        await output.FlushAsync();
        await Task.Delay(Timeout.Infinite, stopRequested.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await output.WriteLineAsync("Stopping the local AWS platform.");
        return 0;
    }

    private static string Text(LocalAwsPlatform platform)
    {
        var lines = new List<string>
        {
            $"Local AWS platform running (region {platform.Region}, data {platform.DataDirectory}).",
            $"  Endpoint: {platform.Endpoint}  (ECR, STS)",
        };
        foreach (var account in platform.Accounts)
        {
            lines.Add($"  Account {account.Name} {account.Id}: registry {platform.RegistryEndpoint(account.Id).Authority}");
            lines.Add($"    AWS_ACCESS_KEY_ID={account.AccessKeyId} AWS_SECRET_ACCESS_KEY={account.SecretAccessKey}");
        }

        lines.Add("Press Ctrl-C, or run 'slipway-local-aws stop --data " + platform.DataDirectory + "', to stop.");
        return string.Join(Environment.NewLine, lines);
    }

    private static string Json(LocalAwsPlatform platform) => new JsonObject
    {
        ["endpoint"] = platform.Endpoint.ToString(),
        ["region"] = platform.Region,
        ["dataDirectory"] = platform.DataDirectory,
        ["accounts"] = new JsonArray([.. platform.Accounts.Select(account => (JsonNode)new JsonObject
        {
            ["id"] = account.Id,
            ["name"] = account.Name,
            ["accessKeyId"] = account.AccessKeyId,
            ["secretAccessKey"] = account.SecretAccessKey,
            ["registryEndpoint"] = platform.RegistryEndpoint(account.Id).ToString(),
        })]),
    }.ToJsonString(new JsonSerializerOptions(Server.AwsJson.Options) { WriteIndented = true });
}
