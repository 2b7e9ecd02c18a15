using Slipway.Build.Tests.Infrastructure;
using Slipway.Execution;

namespace Slipway.Build.Tests.Execution;

public class FailingBuild : RecordingBuild
{
    public bool FailCompile { get; set; } = true;
    public Target Restore => _ => Record(_, "Restore");
    public Target Compile => _ => _.DependsOn(Restore).Executes(() =>
    {
        Ran.Add("Compile");
        if (FailCompile)
            throw new InvalidOperationException("compiler exploded");
    });
    public Target Test => _ => Record(_.DependsOn(Compile), "Test");
    public Target Docs => _ => Record(_.After(Compile), "Docs");
    public Target Cleanup => _ => Record(_.After(Test, Docs).AssuredAfterFailure(), "Cleanup");
    public Target All => _ => _.DependsOn(Test, Docs, Cleanup);
}

public class ProceedingBuild : RecordingBuild
{
    public Target Lint => _ => _.ProceedAfterFailure().Executes(() =>
    {
        Ran.Add("Lint");
        throw new InvalidOperationException("style");
    });
    public Target Report => _ => Record(_.DependsOn(Lint), "Report");
    public Target Compile => _ => Record(_.After(Lint), "Compile");
}

public class AsyncBuild : RecordingBuild
{
    public Target Slow => _ => _
        .Executes(async () =>
        {
            await Task.Delay(50);
            Ran.Add("slow-1");
        })
        .Executes(async ct =>
        {
            await Task.Delay(10, ct);
            Ran.Add("slow-2");
        });
    public Target Fast => _ => Record(_.DependsOn(Slow), "Fast");
    public Target Group => _ => _.Description("A collective target").DependsOn(Fast);
}

public class NotingBuild : RecordingBuild
{
    public Target Package => _ => _.Executes(() => this.ReportSummary("Packages", "3"));
}

public class AbortBuild : RecordingBuild
{
    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public Target Long => _ => _.Executes(async ct =>
    {
        Ran.Add("Long");
        Started.SetResult();
        await Task.Delay(TimeSpan.FromSeconds(30), ct);
        Ran.Add("Long finished");
    });
    public Target Stubborn => _ => _.Executes(() =>
    {
        // Ignores cancellation: the executor must still stop waiting for it.
        Ran.Add("Stubborn");
        Started.SetResult();
        Thread.Sleep(TimeSpan.FromSeconds(30));
    });
    public Target After => _ => Record(_.After(Long, Stubborn), "After");
    public Target Cleanup => _ => Record(_.After(After).AssuredAfterFailure(), "Cleanup");
}

public class HookBuild : RecordingBuild
{
    public List<string> Events { get; } = [];
    public Target Ok => _ => Record(_, "Ok");
    public Target Skip => _ => _.OnlyWhenStatic(() => false).Executes(() => { });
    public Target Bad => _ => _.DependsOn(Ok, Skip).Executes(() => throw new InvalidOperationException("bad"));
    protected override void OnBuildCreated() => Events.Add("created");
    protected override void OnBuildInitialized() => Events.Add("initialized");
    protected override void OnTargetRunning(ExecutableTarget target) => Events.Add("running " + target.Name);
    protected override void OnTargetSucceeded(ExecutableTarget target) => Events.Add("succeeded " + target.Name);
    protected override void OnTargetSkipped(ExecutableTarget target) => Events.Add("skipped " + target.Name);
    protected override void OnTargetFailed(ExecutableTarget target, Exception exception) => Events.Add($"failed {target.Name}: {exception.Message}");
    protected override void OnBuildFinished(bool succeeded) => Events.Add("finished " + succeeded);
}

public class ResourceBuild : RecordingBuild
{
    public sealed class Resource(List<string> log, string name) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            log.Add("disposed " + name);
            return ValueTask.CompletedTask;
        }
    }

    public bool Fail { get; set; }
    public Target Use => _ => _.Executes(() =>
    {
        this.DisposeAtEnd(new Resource(Ran, "first"));
        this.DisposeAtEnd(new Resource(Ran, "second"));
        if (Fail)
            throw new InvalidOperationException("failed while holding resources");
    });
    protected override void OnBuildFinished(bool succeeded) => Ran.Add("finished");
}

public class BuildExecutorTest : IDisposable
{
    private readonly InMemoryBuild _runner = new();

    public void Dispose() => _runner.Dispose();

    [Fact]
    public void TestFailure_StopsTheBuildButAssuredTargetsRun()
    {
        var build = new FailingBuild();
        var run = _runner.Run(() => build, ["All"], CancellationToken.None);
        Assert.Equal(1, run.ExitCode);
        Assert.Equal(["Restore", "Compile", "Cleanup"], build.Ran);
        Assert.Matches(@"Compile\s+Failed\s+(< 1sec|\d+:\d\d)", run.Output);
        Assert.Contains("// compiler exploded", run.Output);
        Assert.Matches(@"Test\s+NotRun", run.Output);
        Assert.Matches(@"Cleanup\s+Succeeded", run.Output);
        Assert.Contains("[ERR] InvalidOperationException: compiler exploded", run.Output);
        Assert.Contains("Build failed on 2026-11-22 12:00:00.", run.Output);
    }

    [Fact]
    public void TestProceedAfterFailure_RunsTargetsThatDoNotNeedTheFailedOne()
    {
        var build = new ProceedingBuild();
        var run = _runner.Run(() => build, ["Report", "Compile"], CancellationToken.None);
        Assert.Equal(1, run.ExitCode);
        Assert.Equal(["Lint", "Compile"], build.Ran);
        Assert.Matches(@"Report\s+NotRun", run.Output);
        Assert.Contains("// 'Lint' did not complete", run.Output);
    }

    [Fact]
    public void TestAsync_ActionsAreAwaitedInOrder_CollectiveStatus()
    {
        var build = new AsyncBuild();
        var run = _runner.Run(() => build, ["Group"], CancellationToken.None);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["slow-1", "slow-2", "Fast"], build.Ran);
        Assert.Matches(@"Group\s+Collective", run.Output);
        Assert.Contains("Build succeeded on 2026-11-22 12:00:00.", run.Output);
    }

    [Fact]
    public void TestSummary_ShowsNotesTheTargetReports()
    {
        var run = _runner.Run(() => new NotingBuild(), ["Package"], CancellationToken.None);
        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"Package\s+Succeeded\s+(< 1sec|\d+:\d\d)\n  // Packages: 3", run.Output.Replace("\r", ""));
    }

    [Fact]
    public void TestDynamicCondition_IsCheckedJustBeforeRunning()
    {
        var build = new ConditionBuild { DynamicEnabled = false };
        var run = _runner.Run(() => build, ["Deploy"], CancellationToken.None);
        Assert.Equal(0, run.ExitCode);
        Assert.Empty(build.Ran);
        Assert.Contains("// OnlyWhenDynamic: DynamicEnabled", run.Output);
    }

    [Fact]
    public void TestDynamicSkipCheck_SkipsWithItsReasonAndDependentsStillRun()
    {
        var build = new ConditionBuild { AlreadyDone = "image already in the registry" };
        var run = _runner.Run(() => build, ["Push"], CancellationToken.None);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["Push"], build.Ran);
        Assert.Matches(@"Build\s+Skipped[^\n]*\n\s*// image already in the registry", run.Output.Replace("\r", ""));
    }

    [Fact]
    public void TestDynamicSkipCheck_ThatThrowsFailsTheTargetWithItsMessage()
    {
        var build = new ConditionBuild { AlreadyDone = "throw" };
        var run = _runner.Run(() => build, ["Push"], CancellationToken.None);
        Assert.Equal(1, run.ExitCode);
        Assert.Empty(build.Ran);
        Assert.Contains("no registry answers", run.Output);
        Assert.Matches(@"Build\s+Failed", run.Output);
    }

    [Fact]
    public void TestDynamicSkipCheck_RunsTheTargetWhenItReturnsNull()
    {
        var build = new ConditionBuild { AlreadyDone = null };
        var run = _runner.Run(() => build, ["Push"], CancellationToken.None);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["Build", "Push"], build.Ran);
    }

    [Theory]
    [InlineData("Long")]
    [InlineData("Stubborn")]
    public async Task TestAbort_StopsTheRunningTargetRunsAssuredTargetsAndPrintsTheSummary(string target)
    {
        var build = new AbortBuild();
        using var abort = new CancellationTokenSource();
        var running = Task.Run(() => _runner.Run(() => build, [target, "After", "Cleanup"], abort.Token));
        await build.Started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        abort.Cancel();
        var run = await running.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(1, run.ExitCode);
        Assert.Equal([target, "Cleanup"], build.Ran);
        Assert.Matches(target + @"\s+Aborted", run.Output);
        Assert.Matches(@"After\s+NotRun", run.Output);
        Assert.Matches(@"Cleanup\s+Succeeded", run.Output);
        Assert.Contains("Build was aborted on", run.Output);
    }

    [Fact]
    public void TestContinue_ResumesAfterTheLastSucceededTarget()
    {
        var first = new FailingBuild();
        Assert.Equal(1, _runner.Run(() => first, ["Test"], CancellationToken.None).ExitCode);
        Assert.Equal(["Restore", "Compile"], first.Ran);

        var second = new FailingBuild { FailCompile = false };
        var run = _runner.Run(() => second, ["Test", "--continue"], CancellationToken.None);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["Compile", "Test"], second.Ran);
        Assert.Contains("// succeeded in the previous attempt (--continue)", run.Output);

        // A fully successful run leaves nothing to continue from.
        var third = new FailingBuild { FailCompile = false };
        Assert.Equal(0, _runner.Run(() => third, ["Test", "--continue"], CancellationToken.None).ExitCode);
        Assert.Equal(["Restore", "Compile", "Test"], third.Ran);
    }

    [Fact]
    public void TestContinue_DifferentInvocationRunsEverything()
    {
        Assert.Equal(1, _runner.Run(() => new FailingBuild(), ["Test"], CancellationToken.None).ExitCode);
        var build = new FailingBuild { FailCompile = false };
        var run = _runner.Run(() => build, ["Compile", "--continue"], CancellationToken.None);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["Restore", "Compile"], build.Ran);
        Assert.Contains("no earlier attempt of this exact command", run.Output);
    }

    [Fact]
    public void TestHooks_AreCalledInLifecycleOrder()
    {
        var build = new HookBuild();
        var run = _runner.Run(() => build, ["Bad"], CancellationToken.None);
        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            ["created", "initialized", "running Ok", "succeeded Ok", "skipped Skip", "running Bad", "failed Bad: bad", "finished False"],
            build.Events);
    }

    [Theory]
    [InlineData(false, 0)]
    [InlineData(true, 1)]
    public void TestDisposeAtEnd_ReleasesResourcesNewestFirstAfterTheBuildWhateverTheOutcome(bool fail, int exitCode)
    {
        var build = new ResourceBuild { Fail = fail };
        Assert.Equal(exitCode, _runner.Run(() => build, ["Use"], CancellationToken.None).ExitCode);
        Assert.Equal(["finished", "disposed second", "disposed first"], build.Ran);
    }

    [Fact]
    public void TestHelpAndPlan_DoNotInitializeTheBuild()
    {
        var build = new HookBuild();
        Assert.Equal(0, _runner.Run(() => build, ["Bad", "--plan"], CancellationToken.None).ExitCode);
        Assert.Equal(["created"], build.Events);
    }

    [Fact]
    public void TestWarningsAndErrors_AreRepeatedBeforeTheSummary()
    {
        var run = _runner.Run(() => new FailingBuild(), ["Compile", "--unknown-thing", "x"], CancellationToken.None);
        var repeat = run.Output.IndexOf("Repeating warnings and errors:", StringComparison.Ordinal);
        Assert.True(repeat > 0, run.Output);
        var tail = run.Output[repeat..];
        Assert.Contains("[WRN] Unknown parameter '--unknown-thing' is ignored.", tail);
        Assert.Contains("[ERR] InvalidOperationException: compiler exploded", tail);
        Assert.True(tail.IndexOf("Target", StringComparison.Ordinal) > 0);
    }
}
