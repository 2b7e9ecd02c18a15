using Slipway.Build.Tests.Infrastructure;

namespace Slipway.Build.Tests.Execution;

/// <summary>A build whose plan depends on values computed while planning: an awaited static condition, preflight checks, plan details.</summary>
public sealed class ComputedPlanBuild : SlipwayBuild
{
    public bool IsMain { get; set; }

    public string? MissingValue { get; set; }

    public string? OtherProblem { get; set; }

    public List<string> Ran { get; } = [];

    public int PlanDetailCalls { get; private set; }

    public Target Compile => _ => _.Executes(() => Ran.Add(nameof(Compile)));

    public Target BuildImage => _ => _
        .DependsOn(Compile)
        .OnlyWhenStatic(async ct => { await Task.Yield(); return !IsMain; })
        .WhenSkipped(DependencyBehavior.Skip)
        .Executes(() => Ran.Add(nameof(BuildImage)));

    public Target Register => _ => _
        .After(BuildImage)
        .Preflight(_ => Task.FromResult(MissingValue is null ? null : $"the value '{MissingValue}' is missing"))
        .Executes(() => Ran.Add(nameof(Register)));

    public Target Deploy => _ => _
        .DependsOn(BuildImage, Register)
        .Preflight(_ => Task.FromResult(MissingValue is null ? null : $"the value '{MissingValue}' is missing"))
        .Preflight(_ => OtherProblem is null ? Task.FromResult<string?>(null) : throw new BuildDefinitionException(OtherProblem))
        .PlanDetails(async _ =>
        {
            await Task.Yield();
            PlanDetailCalls++;
            return "would deploy revision 7\n--- running\n+++ new";
        })
        .Executes(() => Ran.Add(nameof(Deploy)));
}

public sealed class PlanComputedTest : IDisposable
{
    private readonly InMemoryBuild _run = new();
    private readonly ComputedPlanBuild _build = new();

    public void Dispose() => _run.Dispose();

    private BuildRun Run(params string[] args) => _run.Run(() => _build, args, CancellationToken.None);

    [Fact]
    public void TestAwaitedStaticCondition_FalseSkipsTargetAndItsDependencies()
    {
        _build.IsMain = true;

        var run = Run("Deploy");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["Register", "Deploy"], _build.Ran);
        Assert.Contains("'BuildImage' was skipped (WhenSkipped)", run.Output);
    }

    [Fact]
    public void TestAwaitedStaticCondition_TrueRunsEverything()
    {
        var run = Run("Deploy");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["Compile", "BuildImage", "Register", "Deploy"], _build.Ran);
    }

    [Fact]
    public void TestPreflight_ProblemsReportedOnceTogetherBeforeAnythingRuns()
    {
        _build.MissingValue = "cluster";
        _build.OtherProblem = "the service 'web' is not ready";

        var run = Run("Deploy");

        Assert.Equal(BuildRunner.InvalidInvocation, run.ExitCode);
        Assert.Empty(_build.Ran);
        Assert.Contains("2 problems found before anything ran:", run.Output);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(run.Output, "the value 'cluster' is missing"));
        Assert.Contains("the service 'web' is not ready", run.Output);
    }

    [Fact]
    public void TestPreflight_SkippedTargetIsNotChecked()
    {
        _build.MissingValue = "cluster";

        var run = Run("Deploy", "--skip", "Register", "Deploy");

        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public void TestPlanDetails_ShownUnderTheTargetByPlanOnly()
    {
        var plan = Run("Deploy", "--plan");

        Assert.Equal(0, plan.ExitCode);
        Assert.Empty(_build.Ran);
        Assert.Contains("Deploy:\n  would deploy revision 7\n  --- running\n  +++ new", plan.Output.Replace("\r", ""));
        Assert.Contains("checked before anything runs:", plan.Output);
        Assert.Equal(1, _build.PlanDetailCalls);

        var run = Run("Deploy");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(1, _build.PlanDetailCalls);
    }

    [Theory]
    [InlineData(true, "Deploy", "--plan")]
    [InlineData(false, "Deploy")]
    [InlineData(false, "--help")]
    public void TestIsPlanOnly_TrueOnlyForPlan(bool expected, params string[] args)
    {
        var run = Run(args);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal(expected, _build.IsPlanOnly);
    }
}
