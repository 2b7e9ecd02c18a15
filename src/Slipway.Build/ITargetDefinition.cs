using System.Runtime.CompilerServices;

namespace Slipway;

/// <summary>The fluent definition of a target: its actions, relations to other targets, conditions and requirements.</summary>
public interface ITargetDefinition
{
    /// <summary>Sets the one-line description shown by --help.</summary>
    ITargetDefinition Description(string description);

    /// <summary>Adds a synchronous action; actions run in the order they were added.</summary>
    ITargetDefinition Executes(Action action);

    /// <summary>Adds an asynchronous action, awaited before the next one starts.</summary>
    ITargetDefinition Executes(Func<Task> action);

    /// <summary>Adds an asynchronous action that observes the build's cancellation (Ctrl-C, SIGTERM).</summary>
    ITargetDefinition Executes(Func<CancellationToken, Task> action);

    /// <summary>These targets are scheduled and must complete before this one.</summary>
    ITargetDefinition DependsOn(params Target[] targets);

    /// <summary>Component form of <see cref="DependsOn(Target[])"/>; fails when the build lacks <typeparamref name="T"/>.</summary>
    ITargetDefinition DependsOn<T>(params Func<T, Target>[] targets);

    /// <summary>Like <see cref="DependsOn{T}"/> but does nothing when the build lacks component <typeparamref name="T"/>.</summary>
    ITargetDefinition TryDependsOn<T>(params Func<T, Target>[] targets);

    /// <summary>This target becomes a dependency of the given targets.</summary>
    ITargetDefinition DependentFor(params Target[] targets);

    /// <summary>Component form of <see cref="DependentFor(Target[])"/>.</summary>
    ITargetDefinition DependentFor<T>(params Func<T, Target>[] targets);

    /// <summary>Like <see cref="DependentFor{T}"/> but does nothing when the build lacks <typeparamref name="T"/>.</summary>
    ITargetDefinition TryDependentFor<T>(params Func<T, Target>[] targets);

    /// <summary>Runs after the given targets when both are planned; schedules nothing.</summary>
    ITargetDefinition After(params Target[] targets);

    /// <summary>Component form of <see cref="After(Target[])"/>.</summary>
    ITargetDefinition After<T>(params Func<T, Target>[] targets);

    /// <summary>Like <see cref="After{T}"/> but does nothing when the build lacks <typeparamref name="T"/>.</summary>
    ITargetDefinition TryAfter<T>(params Func<T, Target>[] targets);

    /// <summary>Runs before the given targets when both are planned; schedules nothing.</summary>
    ITargetDefinition Before(params Target[] targets);

    /// <summary>Component form of <see cref="Before(Target[])"/>.</summary>
    ITargetDefinition Before<T>(params Func<T, Target>[] targets);

    /// <summary>Like <see cref="Before{T}"/> but does nothing when the build lacks <typeparamref name="T"/>.</summary>
    ITargetDefinition TryBefore<T>(params Func<T, Target>[] targets);

    /// <summary>When this target is planned (and not skipped), the given targets are planned to run after it.</summary>
    ITargetDefinition Triggers(params Target[] targets);

    /// <summary>Component form of <see cref="Triggers(Target[])"/>.</summary>
    ITargetDefinition Triggers<T>(params Func<T, Target>[] targets);

    /// <summary>Like <see cref="Triggers{T}"/> but does nothing when the build lacks <typeparamref name="T"/>.</summary>
    ITargetDefinition TryTriggers<T>(params Func<T, Target>[] targets);

    /// <summary>This target is planned to run after any of the given targets that is planned.</summary>
    ITargetDefinition TriggeredBy(params Target[] targets);

    /// <summary>Component form of <see cref="TriggeredBy(Target[])"/>.</summary>
    ITargetDefinition TriggeredBy<T>(params Func<T, Target>[] targets);

    /// <summary>Like <see cref="TriggeredBy{T}"/> but does nothing when the build lacks <typeparamref name="T"/>.</summary>
    ITargetDefinition TryTriggeredBy<T>(params Func<T, Target>[] targets);

    /// <summary>A condition checked for every planned target before anything runs; false skips the target, with the expression as the reason.</summary>
    ITargetDefinition OnlyWhenStatic(Func<bool> condition, [CallerArgumentExpression(nameof(condition))] string? expression = null);

    /// <summary>Awaited form of <see cref="OnlyWhenStatic(Func{bool}, string?)"/>, for a plan that depends on a computed value (e.g. the branch kind); checked while planning, so WhenSkipped applies.</summary>
    ITargetDefinition OnlyWhenStatic(Func<CancellationToken, Task<bool>> condition, [CallerArgumentExpression(nameof(condition))] string? expression = null);

    /// <summary>A condition checked just before the target runs; false skips it, with the expression as the reason.</summary>
    ITargetDefinition OnlyWhenDynamic(Func<bool> condition, [CallerArgumentExpression(nameof(condition))] string? expression = null);

    /// <summary>Awaited form of <see cref="OnlyWhenDynamic(Func{bool}, string?)"/>, for a condition that asks a service; it gets the build's cancellation.</summary>
    ITargetDefinition OnlyWhenDynamic(Func<CancellationToken, Task<bool>> condition, [CallerArgumentExpression(nameof(condition))] string? expression = null);

    /// <summary>A check just before the target runs that returns why to skip it (null to run); the reason shows in the log and the summary, e.g. "already built".</summary>
    ITargetDefinition SkipWhenDynamic(Func<string?> reason, [CallerArgumentExpression(nameof(reason))] string? expression = null);

    /// <summary>Awaited form of <see cref="SkipWhenDynamic(Func{string?}, string?)"/>, for a check that asks a service (e.g. a registry); it gets the build's cancellation.</summary>
    ITargetDefinition SkipWhenDynamic(Func<CancellationToken, Task<string?>> reason, [CallerArgumentExpression(nameof(reason))] string? expression = null);

    /// <summary>Requires a parameter to have a value (not null, not empty); checked before anything runs, prompting on a terminal.</summary>
    ITargetDefinition Requires(Func<object?> parameter, [CallerArgumentExpression(nameof(parameter))] string? expression = null);

    /// <summary>Requires a predicate to hold; checked before anything runs.</summary>
    ITargetDefinition Requires(Func<bool> predicate, [CallerArgumentExpression(nameof(predicate))] string? expression = null);

    /// <summary>
    /// A check awaited for every scheduled target after the requirements and before anything runs: it returns a problem (null when ready).
    /// Every problem of every target is reported in one error, each distinct text once, so targets sharing a check report it once.
    /// </summary>
    ITargetDefinition Preflight(Func<CancellationToken, Task<string?>> problem, [CallerArgumentExpression(nameof(problem))] string? expression = null);

    /// <summary>Text --plan shows under the target (e.g. what a deploy would change), awaited only by --plan; null shows nothing.</summary>
    ITargetDefinition PlanDetails(Func<CancellationToken, Task<string?>> details);

    /// <summary>Whether dependencies run when this target is skipped by a static condition or --skip.</summary>
    ITargetDefinition WhenSkipped(DependencyBehavior behavior);

    /// <summary>A failure of this target does not stop targets that do not depend on it.</summary>
    ITargetDefinition ProceedAfterFailure();

    /// <summary>Runs even after another target failed or the build was aborted (clean-up, notifications).</summary>
    ITargetDefinition AssuredAfterFailure();

    /// <summary>Hides the target from --help and the schema; it can still be invoked.</summary>
    ITargetDefinition Unlisted();

    /// <summary>Declares the artifact paths (globs, relative to the root) this target produces.</summary>
    ITargetDefinition Produces(params string[] artifacts);

    /// <summary>Declares the artifact paths (globs, relative to the root) this target consumes.</summary>
    ITargetDefinition Consumes(params string[] artifacts);

    /// <summary>Re-applies component <typeparamref name="T"/>'s definition of the target with the same name.</summary>
    ITargetDefinition Inherit<T>();

    /// <summary>Re-applies the given target definition of component <typeparamref name="T"/>.</summary>
    ITargetDefinition Inherit<T>(Func<T, Target> target);

    /// <summary>Re-applies the base class's definition of this (overridden) target.</summary>
    ITargetDefinition Base();
}
