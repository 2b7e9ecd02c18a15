using Slipway.Hosts;
using Slipway.IO;
using Slipway.Logging;
using Slipway.Parameters;

namespace Slipway.Execution;

/// <summary>Everything one build run shares: root, host, log, parameters, targets and cancellation.</summary>
internal sealed class BuildSession
{
    public required AbsolutePath Root { get; init; }
    public required Host Host { get; init; }
    public required Logger Logger { get; init; }
    public required IReadOnlyDictionary<string, string?> Environment { get; init; }
    public required bool IsInteractive { get; init; }
    public IConsolePrompt? Prompt { get; init; }
    public ParameterService? Parameters { get; set; }
    public IReadOnlyList<ExecutableTarget> Targets { get; set; } = [];
    public IReadOnlyList<ExecutableTarget> Plan { get; set; } = [];
    public CancellationToken CancellationToken { get; set; }
    public ExecutableTarget? CurrentTarget { get; set; }
    public AbsolutePath TemporaryDirectory => Root / ".nuke" / "temp";
}
