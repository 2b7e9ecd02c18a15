using Slipway.Execution;

namespace Slipway;

/// <summary>Lifecycle hooks: override them to act at each stage of a run.</summary>
public abstract partial class SlipwayBuild
{
    /// <summary>After targets and parameters exist, before planning.</summary>
    protected internal virtual void OnBuildCreated()
    {
    }

    /// <summary>After planning and requirement checks, before the first target runs (not called for --help and --plan).</summary>
    protected internal virtual void OnBuildInitialized()
    {
    }

    /// <summary>Before a target's actions run.</summary>
    protected internal virtual void OnTargetRunning(ExecutableTarget target)
    {
    }

    /// <summary>After a target's actions completed.</summary>
    protected internal virtual void OnTargetSucceeded(ExecutableTarget target)
    {
    }

    /// <summary>When a target is skipped (condition, --skip, --continue).</summary>
    protected internal virtual void OnTargetSkipped(ExecutableTarget target)
    {
    }

    /// <summary>After a target's action threw.</summary>
    protected internal virtual void OnTargetFailed(ExecutableTarget target, Exception exception)
    {
    }

    /// <summary>After the summary, whatever the outcome; <paramref name="succeeded"/> says which.</summary>
    protected internal virtual void OnBuildFinished(bool succeeded)
    {
    }
}
