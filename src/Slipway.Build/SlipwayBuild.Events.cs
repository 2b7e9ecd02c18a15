using Slipway.Execution;

namespace Slipway;

/// <summary>Lifecycle hooks: override them to act at each stage of a run.</summary>
public abstract partial class SlipwayBuild
{
    /// <summary>After targets and parameters exist, before planning.</summary>
    protected virtual void OnBuildCreated()
    {
    }

    /// <summary>After planning and requirement checks, before the first target runs (not called for --help and --plan).</summary>
    protected virtual void OnBuildInitialized()
    {
    }

    /// <summary>Before a target's actions run.</summary>
    protected virtual void OnTargetRunning(ExecutableTarget target)
    {
    }

    /// <summary>After a target's actions completed.</summary>
    protected virtual void OnTargetSucceeded(ExecutableTarget target)
    {
    }

    /// <summary>When a target is skipped (condition, --skip, --continue).</summary>
    protected virtual void OnTargetSkipped(ExecutableTarget target)
    {
    }

    /// <summary>After a target's action threw.</summary>
    protected virtual void OnTargetFailed(ExecutableTarget target, Exception exception)
    {
    }

    /// <summary>After the summary, whatever the outcome; <paramref name="succeeded"/> says which.</summary>
    protected virtual void OnBuildFinished(bool succeeded)
    {
    }

    // The executor calls hooks through these, so builds override plain protected members.
    internal void RaiseBuildCreated() => OnBuildCreated();
    internal void RaiseBuildInitialized() => OnBuildInitialized();
    internal void RaiseTargetRunning(ExecutableTarget target) => OnTargetRunning(target);
    internal void RaiseTargetSucceeded(ExecutableTarget target) => OnTargetSucceeded(target);
    internal void RaiseTargetSkipped(ExecutableTarget target) => OnTargetSkipped(target);
    internal void RaiseTargetFailed(ExecutableTarget target, Exception exception) => OnTargetFailed(target, exception);
    internal void RaiseBuildFinished(bool succeeded) => OnBuildFinished(succeeded);
}
