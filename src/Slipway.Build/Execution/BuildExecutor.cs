using System.Diagnostics;
using Slipway.Logging;
using Slipway.Tooling;

namespace Slipway.Execution;

/// <summary>Runs planned targets in order: dynamic conditions, actions, failure and abort handling, hooks.</summary>
internal sealed class BuildExecutor(SlipwayBuild build, BuildSession session, BuildAttempt? attempt)
{
    private static readonly ExecutionStatus[] Unfinished = [ExecutionStatus.Failed, ExecutionStatus.Aborted, ExecutionStatus.NotRun];

    /// <summary>Runs the plan. <paramref name="abort"/> is the first Ctrl-C; <paramref name="kill"/> the second, which also stops assured targets.</summary>
    public async Task ExecuteAsync(IReadOnlyList<ExecutableTarget> plan, CancellationToken abort, CancellationToken kill)
    {
        var stopped = false;
        foreach (var target in plan)
        {
            var aborted = abort.IsCancellationRequested;
            if (target.Status == ExecutionStatus.Skipped)
            {
                session.Logger.Write(LogLevel.Information, $"Skipping '{target.Name}': {target.SkipReason}");
                build.RaiseTargetSkipped(target);
                continue;
            }

            if ((stopped || aborted) && !target.Definition.IsAssuredAfterFailure)
            {
                NotRun(target, aborted ? "the build was aborted" : "an earlier target failed");
                continue;
            }

            // A target needs its dependencies and the target that triggered it; assured targets run regardless.
            var blocker = target.Definition.IsAssuredAfterFailure
                ? null
                : target.Dependencies.Concat(target.TriggeredBy).FirstOrDefault(x => plan.Contains(x) && Unfinished.Contains(x.Status));
            if (blocker is not null)
            {
                NotRun(target, $"'{blocker.Name}' did not complete");
                continue;
            }

            // A check that throws fails the target with its message, as a failing action would.
            string? reason = null;
            Exception? checkError = null;
            try
            {
                reason = await DynamicSkipReasonAsync(target, aborted ? kill : abort);
            }
            catch (Exception exception)
            {
                checkError = exception;
            }

            if (reason is not null)
            {
                target.Status = ExecutionStatus.Skipped;
                target.SkipReason = reason;
                session.Logger.Write(LogLevel.Information, $"Skipping '{target.Name}': {reason}");
                build.RaiseTargetSkipped(target);
                continue;
            }

            await RunAsync(target, aborted ? kill : abort, checkError);
            if (target.Status == ExecutionStatus.Failed && !target.Definition.IsProceedAfterFailure)
                stopped = true;
        }
    }

    private void NotRun(ExecutableTarget target, string reason)
    {
        target.Status = ExecutionStatus.NotRun;
        target.SkipReason = reason;
    }

    private async Task<string?> DynamicSkipReasonAsync(ExecutableTarget target, CancellationToken token)
    {
        // A check sees the token its actions will: a registry lookup in it stops on Ctrl-C.
        session.CancellationToken = token;
        foreach (var condition in target.Definition.DynamicConditions)
        {
            if (!await condition.Evaluate(token))
                return $"OnlyWhenDynamic: {condition.Text}";
        }

        foreach (var check in target.Definition.DynamicSkipChecks)
        {
            if (await check.Reason(token) is { Length: > 0 } reason)
                return reason;
        }

        return null;
    }

    private async Task RunAsync(ExecutableTarget target, CancellationToken token, Exception? checkError)
    {
        session.Logger.TargetHeader(target.Name);
        if (session.Host.GroupsTargetLogs)
            session.Logger.Group = target.Name;
        session.CurrentTarget = target;
        session.CancellationToken = token;
        target.Status = ExecutionStatus.Running;
        var stopwatch = Stopwatch.StartNew();
        try
        {
            build.RaiseTargetRunning(target);
            if (checkError is not null)
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(checkError);
            foreach (var action in target.Definition.Actions)
            {
                token.ThrowIfCancellationRequested();
                await RunActionAsync(action, token);
            }

            target.Status = target.Definition.Actions.Count == 0 ? ExecutionStatus.Collective : ExecutionStatus.Succeeded;
            target.Duration = stopwatch.Elapsed;
            attempt?.RecordSuccess(target.Name);
            build.RaiseTargetSucceeded(target);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            target.Status = ExecutionStatus.Aborted;
            target.Duration = stopwatch.Elapsed;
            session.Logger.Write(LogLevel.Error, $"Target '{target.Name}' was aborted.");
        }
        catch (Exception exception)
        {
            target.Status = ExecutionStatus.Failed;
            target.Duration = stopwatch.Elapsed;
            target.Error = exception;
            session.Logger.Write(LogLevel.Error, Describe(exception));
            if (exception.GetType().Namespace?.StartsWith("Slipway", StringComparison.Ordinal) != true)
                session.Logger.Write(LogLevel.Verbose, exception.ToString());
            build.RaiseTargetFailed(target, exception);
        }
        finally
        {
            session.CurrentTarget = null;
            if (session.Host.GroupsTargetLogs)
            {
                session.Logger.Write(LogLevel.Information, $"{target.Status} in {Output.SummaryTable.FormatDuration(target.Duration)} (end of '{target.Name}')");
                session.Logger.Group = null;
            }
        }
    }

    /// <summary>How long an aborted action may take to stop cooperatively (killing its tools) before the build moves on without it.</summary>
    internal static TimeSpan AbortGracePeriod { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Awaits an action; once the build is cancelled, waits only a grace period, so a target that ignores the token cannot hold Ctrl-C hostage.</summary>
    private static async Task RunActionAsync(Func<CancellationToken, Task> action, CancellationToken token)
    {
        var task = Task.Run(() => action(token), CancellationToken.None);
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (token.Register(() => cancelled.TrySetResult()))
        {
            if (await Task.WhenAny(task, cancelled.Task) == task)
            {
                await task;
                return;
            }
        }

        // Cancelled: a cooperative action is now killing its tools; let it finish that before clean-up targets run.
        await Task.WhenAny(task, Task.Delay(AbortGracePeriod));
        _ = task.ContinueWith(static t => _ = t.Exception, TaskScheduler.Default);
        throw new OperationCanceledException(token);
    }

    // Slipway's own exceptions carry messages written for the user; anything else is unexpected and shows its type.
    private static string Describe(Exception exception) => exception switch
    {
        _ when exception.GetType().Namespace?.StartsWith("Slipway", StringComparison.Ordinal) == true => exception.Message,
        AggregateException { InnerExceptions.Count: 1 } aggregate => Describe(aggregate.InnerExceptions[0]),
        _ => $"{exception.GetType().Name}: {exception.Message}",
    };
}
