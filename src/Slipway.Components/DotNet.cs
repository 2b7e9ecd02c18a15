using Slipway.Logging;
using Slipway.Tooling;

namespace Slipway.Components;

/// <summary>Runs the dotnet CLI with the build's log and cancellation.</summary>
public static class DotNet
{
    /// <summary>Runs <c>dotnet</c> with <paramref name="arguments"/>, streaming its output to the build log; a non-zero exit fails with its last lines.</summary>
    public static Task<ToolResult> RunAsync(ISlipwayBuild build, IEnumerable<string> arguments, CancellationToken cancellationToken) =>
        ToolRunner.RunAsync(
            new ToolInvocation("dotnet", arguments) { WorkingDirectory = build.RootDirectory }
                .SetEnvironment("DOTNET_CLI_TELEMETRY_OPTOUT", "1")
                .SetEnvironment("DOTNET_NOLOGO", "1"),
            LogToolOutput.Current,
            cancellationToken);
}
