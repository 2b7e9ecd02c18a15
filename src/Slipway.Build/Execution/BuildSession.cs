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
    public bool IsPlanOnly { get; init; }
    public IConsolePrompt? Prompt { get; init; }
    public ParameterService? Parameters { get; set; }
    public IReadOnlyList<ExecutableTarget> Targets { get; set; } = [];
    public IReadOnlyList<ExecutableTarget> Plan { get; set; } = [];
    public CancellationToken CancellationToken { get; set; }
    public ExecutableTarget? CurrentTarget { get; set; }
    public AbsolutePath TemporaryDirectory => Root / ".nuke" / "temp";

    /// <summary>The values targets exported (<c>ExportVariable</c>), in the order first exported; a later value replaces an earlier one.</summary>
    public List<KeyValuePair<string, string>> ExportedVariables { get; } = [];

    /// <summary>The run's shared values; a new run starts with an empty one.</summary>
    public BuildState State { get; } = new();

    private readonly List<IAsyncDisposable> _resources = [];

    /// <summary>Keeps a resource until the run ends.</summary>
    public void AddResource(IAsyncDisposable resource)
    {
        lock (_resources)
            _resources.Add(resource);
    }

    /// <summary>Disposes the run's resources, newest first; a failing one is logged and the rest still run.</summary>
    public void DisposeResources()
    {
        List<IAsyncDisposable> resources;
        lock (_resources)
        {
            resources = Enumerable.Reverse(_resources).ToList();
            _resources.Clear();
        }

        foreach (var resource in resources)
        {
            try
            {
                resource.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
            catch (Exception exception)
            {
                Logger.Write(LogLevel.Warning, $"Releasing {resource.GetType().Name} at the end of the build failed: {exception.Message}");
            }
        }
    }
}
