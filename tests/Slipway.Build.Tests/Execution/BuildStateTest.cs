using Slipway.Build.Tests.Infrastructure;

namespace Slipway.Build.Tests.Execution;

/// <summary>A build whose two targets read the same per-run values.</summary>
public class StateBuild : SlipwayBuild
{
    static int _created;

    public List<int> Seen { get; } = [];
    public Resource? Platform { get; private set; }

    Task<Resource> PlatformAsync() => this.State().GetOrAddAsync("platform", async _ =>
    {
        await Task.Yield();
        return this.DisposeAtEnd(new Resource(Interlocked.Increment(ref _created)));
    }, CancellationToken);

    public Target First => _ => _.Executes(async () => Seen.Add((Platform = await PlatformAsync()).Number));
    public Target Second => _ => _.DependsOn(First).Executes(async () =>
    {
        Seen.Add((await PlatformAsync()).Number);
        this.State().Set("result", "pushed");
    });

    public sealed class Resource(int number) : IAsyncDisposable
    {
        public int Number => number;
        public bool Disposed { get; private set; }

        public ValueTask DisposeAsync()
        {
            Disposed = true;
            return ValueTask.CompletedTask;
        }
    }
}

/// <summary>A build whose skip check awaits a lookup, as a registry query does.</summary>
public class AsyncConditionBuild : SlipwayBuild
{
    public bool Enabled { get; init; }
    public string? AlreadyDone { get; init; }
    public List<string> Ran { get; } = [];

    async Task<string?> LookUpAsync(CancellationToken cancellationToken)
    {
        await Task.Delay(1, cancellationToken);
        return AlreadyDone;
    }

    public Target Build => _ => _.SkipWhenDynamic(ct => LookUpAsync(ct)).Executes(() => Ran.Add("Build"));
    async Task<bool> IsEnabledAsync(CancellationToken cancellationToken)
    {
        await Task.Delay(1, cancellationToken);
        return Enabled;
    }

    public Target Deploy => _ => _.OnlyWhenDynamic(async ct => await IsEnabledAsync(ct)).Executes(() => Ran.Add("Deploy"));
}

public class BuildStateTest : IDisposable
{
    readonly InMemoryBuild _runner = new();

    public void Dispose() => _runner.Dispose();

    [Fact]
    public void TestGetOrAdd_CreatesOnce()
    {
        var state = new BuildState();
        var calls = 0;
        Assert.Equal(1, state.GetOrAdd("n", () => ++calls));
        Assert.Equal(1, state.GetOrAdd("n", () => ++calls));
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task TestGetOrAddAsync_ConcurrentCallersShareOneComputation()
    {
        var state = new BuildState();
        var gate = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = 0;
        Task<int> Create(CancellationToken _)
        {
            Interlocked.Increment(ref calls);
            return gate.Task;
        }

        var first = state.GetOrAddAsync("version", Create);
        var second = state.GetOrAddAsync("version", Create);
        Assert.False(state.TryGet<int>("version", out _));
        gate.SetResult(42);

        var results = await Task.WhenAll(first, second);
        Assert.Equal([42, 42], results);
        Assert.Equal(1, calls);
        Assert.True(state.TryGet<int>("version", out var value));
        Assert.Equal(42, value);
    }

    [Fact]
    public async Task TestGetOrAddAsync_AFailureIsNotKept()
    {
        var state = new BuildState();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            state.GetOrAddAsync<int>("registry", async _ => { await Task.Yield(); throw new InvalidOperationException("no answer"); }));
        Assert.Equal("no answer", error.Message);

        Assert.Equal(7, await state.GetOrAddAsync("registry", _ => Task.FromResult(7)));
    }

    [Fact]
    public void TestGetOrAdd_AFailureIsNotKept()
    {
        var state = new BuildState();
        Assert.Throws<InvalidOperationException>(() => state.GetOrAdd<int>("n", () => throw new InvalidOperationException("first")));
        Assert.Equal(3, state.GetOrAdd("n", () => 3));
    }

    [Fact]
    public async Task TestGetOrAddAsync_ACallerStopsWaitingOnItsOwnCancellation()
    {
        var state = new BuildState();
        var gate = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        _ = state.GetOrAddAsync("slow", _ => gate.Task);
        using var cancel = new CancellationTokenSource();
        var waiting = state.GetOrAddAsync("slow", _ => gate.Task, cancel.Token);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        gate.SetResult(1);
        Assert.Equal(1, await state.GetOrAddAsync("slow", _ => Task.FromResult(2)));
    }

    [Fact]
    public void TestSetAndTryGet_AndATypeMismatchNamesTheKey()
    {
        var state = new BuildState();
        Assert.False(state.TryGet<string>("image", out _));
        state.Set("image", "svc:1.0.0");
        Assert.True(state.TryGet<string>("image", out var image));
        Assert.Equal("svc:1.0.0", image);
        var error = Assert.Throws<InvalidOperationException>(() => state.TryGet<int>("image", out _));
        Assert.Contains("'image'", error.Message);
        Assert.Contains("String", error.Message);
    }

    [Fact]
    public void TestState_IsSharedByTargetsOfOneRunAndNotBetweenBuilds()
    {
        var one = new StateBuild();
        var two = new StateBuild();
        Assert.Equal(0, _runner.Run(() => one, ["Second"], CancellationToken.None).ExitCode);
        Assert.Equal(0, _runner.Run(() => two, ["Second"], CancellationToken.None).ExitCode);

        Assert.Equal(2, one.Seen.Count);
        Assert.Single(one.Seen.Distinct());
        Assert.Single(two.Seen.Distinct());
        Assert.NotEqual(one.Seen[0], two.Seen[0]);
    }

    [Fact]
    public void TestState_ResourcesEndWithTheRunAndResultsStayReadable()
    {
        var build = new StateBuild();
        Assert.Equal(0, _runner.Run(() => build, ["Second"], CancellationToken.None).ExitCode);

        Assert.True(build.Platform!.Disposed);
        Assert.True(build.State().TryGet<string>("result", out var result));
        Assert.Equal("pushed", result);
    }

    [Fact]
    public void TestState_NeedsARunningBuild()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new StateBuild().State());
        Assert.Contains("State()", error.Message);
    }

    [Fact]
    public void TestAsyncSkipCheck_SkipsWithItsReasonInTheLogAndSummary()
    {
        var build = new AsyncConditionBuild { AlreadyDone = "image already in the registry" };
        var run = _runner.Run(() => build, ["Build"], CancellationToken.None);
        Assert.Equal(0, run.ExitCode);
        Assert.Empty(build.Ran);
        Assert.Contains("Skipping 'Build': image already in the registry", run.Output);
        Assert.Matches(@"Build\s+Skipped[^\n]*\n\s*// image already in the registry", run.Output.Replace("\r", ""));
    }

    [Fact]
    public void TestAsyncSkipCheck_RunsTheTargetWhenItReturnsNull()
    {
        var build = new AsyncConditionBuild { AlreadyDone = null };
        Assert.Equal(0, _runner.Run(() => build, ["Build"], CancellationToken.None).ExitCode);
        Assert.Equal(["Build"], build.Ran);
    }

    [Fact]
    public void TestAsyncOnlyWhen_SkipsWithItsExpression()
    {
        var build = new AsyncConditionBuild { Enabled = false };
        var run = _runner.Run(() => build, ["Deploy"], CancellationToken.None);
        Assert.Equal(0, run.ExitCode);
        Assert.Empty(build.Ran);
        Assert.Contains("// OnlyWhenDynamic: await IsEnabledAsync(ct)", run.Output);
        Assert.Equal(["Deploy"], RunDeploy(new AsyncConditionBuild { Enabled = true }).Ran);
    }

    [Fact]
    public void TestAsyncChecks_ShowInThePlanAsTheSyncFormDoes()
    {
        var run = _runner.Run<AsyncConditionBuild>(["Build", "Deploy", "--plan"]);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("skipped when (checked at run time): LookUpAsync(ct)", run.Output);
        Assert.Contains("only when (checked at run time): await IsEnabledAsync(ct)", run.Output);
    }

    AsyncConditionBuild RunDeploy(AsyncConditionBuild build)
    {
        Assert.Equal(0, _runner.Run(() => build, ["Deploy"], CancellationToken.None).ExitCode);
        return build;
    }
}
