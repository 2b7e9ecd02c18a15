using Slipway.Build.Tests.Infrastructure;

namespace Slipway.Build.Tests.Execution;

public class ExecutionPlannerTest : IDisposable
{
    private readonly InMemoryBuild _runner = new();

    public void Dispose() => _runner.Dispose();

    private (ChainBuild Build, BuildRun Run) RunChain(params string[] args)
    {
        var build = new ChainBuild();
        return (build, _runner.Run(() => build, args, CancellationToken.None));
    }

    [Fact]
    public void TestOrder_DependenciesRunFirst()
    {
        var (build, run) = RunChain("Test");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["Restore", "Compile", "Test"], build.Ran);
    }

    [Fact]
    public void TestOrder_AfterOrdersButDoesNotSchedule()
    {
        var (build, _) = RunChain("Pack");
        Assert.Equal(["Restore", "Compile", "Pack"], build.Ran);
        var (both, _) = RunChain("Pack", "Test", "Clean");
        Assert.Equal(["Clean", "Restore", "Compile", "Test", "Pack"], both.Ran);
    }

    [Fact]
    public void TestOrder_IsDeterministicWhateverTheInvocationOrder()
    {
        var (first, _) = RunChain("Test", "Clean");
        var (second, _) = RunChain("Clean", "Test");
        Assert.Equal(first.Ran, second.Ran);
        Assert.Equal(["Clean", "Restore", "Compile", "Test"], first.Ran);
    }

    [Fact]
    public void TestNames_MatchIgnoringCaseAndHyphens()
    {
        var (build, run) = RunChain("com-PILE", "--target", "c-l-e-a-n");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["Clean", "Restore", "Compile"], build.Ran);
    }

    [Fact]
    public void TestUnknownTarget_FailsWithDidYouMeanAndList()
    {
        var (build, run) = RunChain("Tset");
        Assert.Equal(2, run.ExitCode);
        Assert.Empty(build.Ran);
        Assert.Contains("Target 'Tset' does not exist. Did you mean 'Test'? Available targets are: Clean, Compile, Pack, Restore, Test.", run.Output);
    }

    [Fact]
    public void TestCycle_ReportsTheTargetsOnTheCycle()
    {
        var build = new CycleBuild();
        var run = _runner.Run(() => build, ["Free"], CancellationToken.None);
        Assert.Equal(2, run.ExitCode);
        Assert.Empty(build.Ran);
        Assert.Contains("Circular dependencies between targets:", run.Output);
        Assert.Contains("A -> B -> C -> A", run.Output);
        Assert.DoesNotContain("Free ->", run.Output);
    }

    [Fact]
    public void TestCycle_ATargetThatDependsOnItselfIsACycle()
    {
        var build = new SelfCycleBuild();
        var run = _runner.Run(() => build, ["Loop"], CancellationToken.None);
        Assert.Equal(2, run.ExitCode);
        Assert.Empty(build.Ran);
        Assert.Contains("Circular dependencies between targets:", run.Output);
        Assert.Contains("Loop -> Loop", run.Output);
    }

    [Theory]
    [InlineData(typeof(ChainBuild))]
    [InlineData(typeof(RelationsBuild))]
    [InlineData(typeof(ComponentBuild))]
    public void TestPlan_EveryInvokedTargetIsInThePlan(Type buildType)
    {
        var targets = buildType.GetProperties().Where(x => x.PropertyType == typeof(Target)).Select(x => x.Name).ToList();
        Assert.NotEmpty(targets);
        // Each target alone, then all at once: whatever else is scheduled, each invoked one must be planned as invoked.
        foreach (var invoked in targets.Select(x => new[] { x }).Append([.. targets]))
        {
            var run = _runner.Run(() => (RecordingBuild)Activator.CreateInstance(buildType)!, [.. invoked, "--plan"], CancellationToken.None);
            Assert.Equal(0, run.ExitCode);
            Assert.All(invoked, name => Assert.Matches($@"(?m)^\s*\d+\. {name}\s+run\s+<- invoked", run.Output));
        }
    }

    [Fact]
    public void TestRelations_DependentForTriggersTriggeredByBefore()
    {
        var build = new RelationsBuild();
        var run = _runner.Run(() => build, ["Work", "Late"], CancellationToken.None);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["Late", "Setup", "Work", "Notify", "Audit"], build.Ran);
    }

    [Fact]
    public void TestPlan_ExplainsWhyEachTargetRunsAndRunsNothing()
    {
        var build = new RelationsBuild();
        var run = _runner.Run(() => build, ["Work", "--plan"], CancellationToken.None);
        Assert.Equal(0, run.ExitCode);
        Assert.Empty(build.Ran);
        Assert.Contains("1. Setup     run   <- dependency of 'Work'", run.Output);
        Assert.Contains("2. Work      run   <- invoked", run.Output);
        Assert.Contains("3. Notify    run   <- triggered by 'Work'", run.Output);
        Assert.Contains("4. Audit     run   <- triggered by 'Work'", run.Output);
        Assert.Contains("4 to run, 0 to skip. Nothing was run (--plan).", run.Output);
    }

    [Fact]
    public void TestStaticCondition_SkipsWithTheExpressionAsReason()
    {
        var build = new ConditionBuild { Enabled = false };
        var run = _runner.Run(() => build, ["Publish", "Lint"], CancellationToken.None);
        Assert.Equal(0, run.ExitCode);
        // Publish is skipped, so its own dependencies Compile and Restore are skipped (WhenSkipped.Skip);
        // Shared is still needed by Lint; Announce is not triggered by a skipped target.
        Assert.Equal(["Shared", "Lint"], build.Ran);
        Assert.Contains("Skipping 'Publish': OnlyWhenStatic: Enabled", run.Output);
        Assert.Contains("Skipping 'Compile': 'Publish' was skipped (WhenSkipped)", run.Output);
        Assert.Contains("Skipping 'Restore': 'Compile' was skipped (WhenSkipped)", run.Output);
        Assert.DoesNotContain("Announce", run.Output);
    }

    [Fact]
    public void TestStaticCondition_TrueRunsAndTriggers()
    {
        var build = new ConditionBuild { Enabled = true };
        var run = _runner.Run(() => build, ["Publish"], CancellationToken.None);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["Restore", "Shared", "Compile", "Publish", "Announce"], build.Ran);
    }

    [Fact]
    public void TestSkip_WithoutNamesSkipsEverythingNotInvoked()
    {
        var (build, run) = RunChain("Test", "--skip");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["Test"], build.Ran);
        Assert.Contains("Skipping 'Compile': --skip", run.Output);
    }

    [Fact]
    public void TestSkip_NamedTargetsOnly()
    {
        var (build, run) = RunChain("Test", "--skip", "restore");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["Compile", "Test"], build.Ran);
    }

    [Fact]
    public void TestSkip_UnknownNameFails()
    {
        var (_, run) = RunChain("Test", "--skip", "Restroe");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Did you mean 'Restore'?", run.Output);
    }

    [Fact]
    public void TestComponents_OverrideInheritsAndComponentReferencesResolve()
    {
        var build = new ComponentBuild();
        var run = _runner.Run(() => build, ["Pack", "Maybe"], CancellationToken.None);
        Assert.Equal(0, run.ExitCode);
        // Independent targets run in declaration order (class members before component members), whatever the invocation order.
        Assert.Equal(["Maybe", "component-compile", "override", "component-test", "Pack"], build.Ran);
    }

    [Fact]
    public void TestComponents_HelpKeepsInheritedDescription()
    {
        var run = _runner.Run(() => new ComponentBuild(), ["--help"], CancellationToken.None);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Component compile", run.Output);
    }

    [Fact]
    public void TestComponents_TwoTargetsWithOneNameFail()
    {
        var run = _runner.Run(() => new ClashBuild(), ["Deploy"], CancellationToken.None);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Target 'Deploy' is defined twice: by 'IDeployA' and by 'IDeployB'.", run.Output);
    }

    [Fact]
    public void TestBase_ReappliesTheBaseClassDefinition()
    {
        var build = new DerivedBuild();
        var run = _runner.Run(() => build, ["Compile"], CancellationToken.None);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["base-compile", "derived-compile"], build.Ran);
    }

    [Fact]
    public void TestDefaults_RunWhenNoTargetIsNamed_HelpWhenNone()
    {
        var build = new ChainBuild();
        var run = _runner.Run(() => build, [], CancellationToken.None, x => x.Compile);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["Restore", "Compile"], build.Ran);

        var help = _runner.Run(() => new ChainBuild(), [], CancellationToken.None);
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("Targets (with their direct dependencies):", help.Output);
    }
}

public class ParameterFileTargetsTest : IDisposable
{
    private readonly InMemoryBuild _runner = new();

    public void Dispose() => _runner.Dispose();

    [Fact]
    public void TestTargetAndSkip_FromAProfileWhenTheCommandLineNamesNone()
    {
        _runner.WriteFile(".nuke/parameters.ci.json", """{ "Target": ["Test"], "Skip": ["Restore"] }""");
        var build = new ChainBuild();
        var run = _runner.Run(() => build, ["--profile", "ci"], CancellationToken.None);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["Compile", "Test"], build.Ran);
        Assert.DoesNotContain("Unknown parameter", run.Output);

        var named = new ChainBuild();
        Assert.Equal(0, _runner.Run(() => named, ["Compile", "--profile", "ci"], CancellationToken.None).ExitCode);
        Assert.Equal(["Compile"], named.Ran);
    }
}
