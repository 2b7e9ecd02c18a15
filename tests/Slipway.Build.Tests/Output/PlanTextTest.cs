using Slipway.Build.Tests.Infrastructure;

namespace Slipway.Build.Tests.Output;

public class PlanBuild : SlipwayBuild
{
#pragma warning disable IDE1006 // a [Parameter] field is named as its option reads, as NUKE builds name them
    [Parameter("Deployment token")] readonly string? Token = null;
#pragma warning restore IDE1006

    public Target Restore => _ => _.Executes(() => { });
    public Target Compile => _ => _.DependsOn(Restore).Executes(() => { });
    public Target Lint => _ => _.OnlyWhenStatic(() => IsServerBuild).Executes(() => { });
    public Target Test => _ => _.DependsOn(Compile).After(Lint).Produces("artifacts/test-results/*.trx").Executes(() => { });
    public Target Deploy => _ => _
        .DependsOn(Test, Lint)
        .Requires(() => Token)
        .OnlyWhenDynamic(() => Token != "skip")
        .Triggers(Notify)
        .Executes(() => { });
    public Target Notify => _ => _.AssuredAfterFailure().Executes(() => { });
}

public class PlanTextTest
{
    [Fact]
    public void TestPlan_Snapshot()
    {
        using var runner = new InMemoryBuild();
        var run = runner.Run<PlanBuild>(["Deploy", "--plan", "--skip", "restore"]);
        Assert.Equal(0, run.ExitCode);
        Snapshot.Match("Output/Snapshots/Plan.txt", run.Output);
    }
}
