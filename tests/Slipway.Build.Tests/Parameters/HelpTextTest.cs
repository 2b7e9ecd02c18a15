using Slipway.Build.Tests.Infrastructure;

namespace Slipway.Build.Tests.Parameters;

public sealed class HelpBuild : SlipwayBuild, IHazDeployKey
{
    [Parameter("Where to deploy")]
    public DeployStage Stage { get; set; } = DeployStage.Staging;

    [Parameter("Test filters to apply")]
    public List<string> Filters { get; set; } = ["fast", "unit"];

    [Parameter("Wait this long for the deployment")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(5);

    [Parameter("Registry API token"), Secret]
    public string ApiToken { get; set; } = "help-snapshot-default-7c41e0d2b9";

    [Parameter]
    public bool Publish { get; set; }

    public Target Compile => _ => _.Description("Compiles the solution").Executes(() => { });

    public Target Pack => _ => _.DependsOn(Compile).Description("Packs the libraries").Executes(() => { });

    public Target Clean => _ => _.Unlisted().Executes(() => { });
}

public sealed class HelpTextTest : IDisposable
{
    private readonly InMemoryBuild _run = new();

    public void Dispose() => _run.Dispose();

    private static string Normalize(string text) => text.Replace("\r\n", "\n").TrimEnd();

    [Fact]
    public void TestHelp_MatchesSnapshot()
    {
        var run = _run.Run<HelpBuild>(["--help"], x => x.Pack);

        Assert.Equal(0, run.ExitCode);
        var expected = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Parameters", "Snapshots", "Help.txt"));
        Assert.Equal(Normalize(expected), Normalize(run.Output));
    }

    [Fact]
    public void TestHelp_NoTargetAndNoDefault_PrintsHelp()
    {
        var run = _run.Run<HelpBuild>([]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("  --stage <Dev|Staging|Production>", run.Output);
    }

    [Fact]
    public void TestHelp_Secret_HasNoDefaultButIsMarked()
    {
        var lines = Normalize(_run.Run<HelpBuild>(["--help"]).Output).Split('\n');
        var index = Array.IndexOf(lines, "  --api-token <string>  [secret]");

        Assert.True(index >= 0);
        Assert.Equal("      Registry API token", lines[index + 1]);
        Assert.Equal("      env: API_TOKEN", lines[index + 2]);
        Assert.DoesNotContain(lines, x => x.Contains("help-snapshot-default-7c41e0d2b9"));
    }

    [Fact]
    public void TestHelp_ListDefault_ShowsItems() =>
        Assert.Contains("      env: FILTERS · default: fast unit", _run.Run<HelpBuild>(["--help"]).Output);

    [Fact]
    public void TestHelp_ComponentParameter_IsListed() =>
        Assert.Contains("  --deploy-key <string>  [secret]", _run.Run<HelpBuild>(["--help"]).Output);
}
