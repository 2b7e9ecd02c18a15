namespace Slipway.LocalAws.Cli;

/// <summary><c>slipway-local-aws stop</c>: stops the platform a <c>start</c> runs from a data folder, and any registry or container a killed platform left behind.</summary>
internal static class StopCommand
{
    /// <summary>Stops the platform recorded in the data folder's <c>runtime.json</c>; returns the exit code.</summary>
    public static async Task<int> RunAsync(CommandLineArguments command, TextWriter output)
    {
        await output.WriteLineAsync(await LocalAwsPlatform.StopDetachedAsync(command.DataDirectory));
        return 0;
    }
}
