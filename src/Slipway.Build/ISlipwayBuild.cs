using Slipway.Execution;
using Slipway.Hosts;
using Slipway.IO;
using Slipway.Logging;

namespace Slipway;

/// <summary>What every build and component can see of the running build; components extend it (<c>interface ITest : ISlipwayBuild</c>).</summary>
public interface ISlipwayBuild
{
    /// <summary>The repository root: the folder holding <c>.nuke/</c>.</summary>
    AbsolutePath RootDirectory { get; }

    /// <summary><c>.nuke/temp</c>: scratch space, git-ignored.</summary>
    AbsolutePath TemporaryDirectory { get; }

    /// <summary>Where the build runs (terminal, CI, CodeBuild).</summary>
    Host Host { get; }

    /// <summary>True on a CI server.</summary>
    bool IsServerBuild { get; }

    /// <summary>True on a developer's machine.</summary>
    bool IsLocalBuild { get; }

    /// <summary>The log verbosity of this run.</summary>
    Verbosity Verbosity { get; }

    /// <summary>Cancelled when the user presses Ctrl-C or the process gets SIGTERM; pass it to long operations.</summary>
    CancellationToken CancellationToken { get; }

    /// <summary>True when the run only shows its plan (--plan): no target runs, so nothing it starts should outlive it.</summary>
    bool IsPlanOnly { get; }

    /// <summary>The planned targets in execution order.</summary>
    IReadOnlyList<ExecutableTarget> ExecutionPlan { get; }

    /// <summary>The target whose actions are running, if any.</summary>
    ExecutableTarget? CurrentTarget { get; }

    /// <summary>The environment variables the build was started with.</summary>
    IReadOnlyDictionary<string, string?> EnvironmentVariables { get; }
}
