using Slipway.Execution;
using Slipway.Hosts;
using Slipway.IO;
using Slipway.Logging;

namespace Slipway;

/// <summary>The base class of a build: <c>class Build : SlipwayBuild, ITest { public static int Main() => Execute&lt;Build&gt;(x => x.Test); }</c>.</summary>
public abstract partial class SlipwayBuild : ISlipwayBuild
{
    private BuildSession? _session;

    internal BuildSession Session => _session ?? throw new InvalidOperationException("The build is not running; start it with SlipwayBuild.Execute<T>().");

    internal void Attach(BuildSession session) => _session = session;

    internal static BuildSession? SessionOf(ISlipwayBuild build) => (build as SlipwayBuild)?._session;

    /// <summary>Runs the build with the process's command line; <paramref name="defaultTargets"/> run when none is named.</summary>
    public static int Execute<T>(params Func<T, Target>[] defaultTargets)
        where T : SlipwayBuild, new() =>
        BuildRunner.RunFromProcess(() => new T(), defaultTargets.Select(x => (Func<object, Target>)(build => x((T)build))).ToList());

    /// <inheritdoc />
    public AbsolutePath RootDirectory => Session.Root;

    /// <inheritdoc />
    public AbsolutePath TemporaryDirectory => Session.TemporaryDirectory;

    /// <inheritdoc />
    public Host Host => Session.Host;

    /// <inheritdoc />
    public bool IsServerBuild => Session.Host.IsServerBuild;

    /// <inheritdoc />
    public bool IsLocalBuild => !IsServerBuild;

    /// <inheritdoc />
    public Verbosity Verbosity => Session.Logger.Verbosity;

    /// <inheritdoc />
    public CancellationToken CancellationToken => Session.CancellationToken;

    /// <inheritdoc />
    public bool IsPlanOnly => Session.IsPlanOnly;

    /// <inheritdoc />
    public IReadOnlyList<ExecutableTarget> ExecutionPlan => Session.Plan;

    /// <inheritdoc />
    public ExecutableTarget? CurrentTarget => Session.CurrentTarget;

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string?> EnvironmentVariables => Session.Environment;
}
