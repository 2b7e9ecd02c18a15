using System.Diagnostics;
using System.Text.Json.Nodes;
using Slipway.Build.Tests.Infrastructure;
using Slipway.Output;
using Slipway.Tooling;

namespace Slipway.Build.Tests.Output;

public class ExportingBuild : SlipwayBuild
{
    [Parameter("A token."), Secret] public string? Token => this.TryGetValue<string>();

    public Target Version => _ => _.Executes(() =>
    {
        this.ExportVariable("SLIPWAY_VERSION", "1.2.0-alpha.3");
        this.ReportSummary("Version", "1.2.0-alpha.3");
        Slipway.Logging.Log.Information("computing");
    });

    public Target Push => _ => _.DependsOn(Version).Executes(() =>
    {
        this.ExportVariable("SLIPWAY_IMAGE_URI", "example/it's:1.2.0");
        this.ExportVariable("SLIPWAY_VERSION", "1.2.0-alpha.4");
    });

    public Target Broken => _ => _.DependsOn(Version).Executes(() => throw new InvalidOperationException("registry refused the push"));

    public Target LeakSecret => _ => _.Executes(() => this.ExportVariable("SLIPWAY_TOKEN", "pre-" + Token));

    public Target ReservedName => _ => _.Executes(() => this.ExportVariable("AWS_REGION", "eu-west-1"));

    public bool? StaleFileSeen { get; private set; }

    public Target Observe => _ => _.Executes(() => StaleFileSeen = File.Exists(TemporaryDirectory / "exported-variables.sh"));
}

/// <summary>The files a run leaves for CI: exported-variables.sh (sourced by the buildspec) and build-summary.json (the run record).</summary>
public sealed class RunFilesTest : IDisposable
{
    private readonly InMemoryBuild _build = new();

    public void Dispose() => _build.Dispose();

    private string Exports => _build.ReadFile(".nuke/temp/exported-variables.sh");

    private JsonNode Record => JsonNode.Parse(_build.ReadFile(".nuke/temp/build-summary.json"))!;

    [Fact]
    public async Task TestExports_SourcedByBash_GiveTheLastValueOfEachVariableQuotedSafely()
    {
        var run = _build.Run<ExportingBuild>(["Push"]);

        Assert.Equal(0, run.ExitCode);
        var script = $". '{Path.Combine(_build.Root, ".nuke/temp/exported-variables.sh")}' && printf '%s|%s' \"$SLIPWAY_VERSION\" \"$SLIPWAY_IMAGE_URI\"";
        var shell = Process.Start(new ProcessStartInfo("bash", ["-c", script]) { RedirectStandardOutput = true })!;
        var output = await shell.StandardOutput.ReadToEndAsync();
        await shell.WaitForExitAsync();
        Assert.Equal("1.2.0-alpha.4|example/it's:1.2.0", output);
        Assert.Equal(2, Exports.Split('\n').Count(x => x.StartsWith("export ", StringComparison.Ordinal)));
    }

    [Fact]
    public void TestExports_FailedRun_KeepsWhatWasExportedBeforeTheFailureAndRecordsTheFailure()
    {
        var run = _build.Run<ExportingBuild>(["Broken"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("export SLIPWAY_VERSION='1.2.0-alpha.3'", Exports);
        var record = Record;
        Assert.Equal("failed", (string?)record["outcome"]);
        var broken = record["targets"]!.AsArray().Single(x => (string?)x!["name"] == "Broken")!;
        Assert.Equal("Failed", (string?)broken["status"]);
        Assert.Equal("registry refused the push", (string?)broken["error"]);
    }

    [Fact]
    public void TestExports_ANewRun_RemovesTheFileOfTheLastRunBeforeItsTargetsRun()
    {
        _build.WriteFile(".nuke/temp/exported-variables.sh", "export SLIPWAY_STALE='x'\n");
        var build = new ExportingBuild();

        _build.Run(() => build, ["Observe"], CancellationToken.None);

        Assert.False(build.StaleFileSeen);
        Assert.DoesNotContain("SLIPWAY_STALE", Exports);
    }

    [Fact]
    public void TestExportVariable_AReservedName_FailsTheTargetNamingTheVariable()
    {
        var run = _build.Run<ExportingBuild>(["ReservedName"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Exported variable 'AWS_REGION' uses a prefix CodeBuild reserves", run.Output);
    }

    [Fact]
    public void TestExportVariable_AValueHoldingASecret_FailsAndTheSecretIsInNeitherFile()
    {
        _build.Environment["SLIPWAY_TOKEN"] = "s3cr3t-value-xyz";

        var run = _build.Run<ExportingBuild>(["LeakSecret"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("would carry a secret", run.Output);
        Assert.DoesNotContain("s3cr3t-value-xyz", run.Output);
        Assert.DoesNotContain("s3cr3t-value-xyz", Exports);
        Assert.DoesNotContain("s3cr3t-value-xyz", _build.ReadFile(".nuke/temp/build-summary.json"));
    }

    [Theory]
    [InlineData("1VERSION")]
    [InlineData("MY-VERSION")]
    [InlineData("CODEBUILD_VERSION")]
    [InlineData("aws_region")]
    public void TestCheckName_NamesCodeBuildCannotExport_AreRefused(string name) =>
        Assert.Throws<ArgumentException>(() => ExportedVariablesFile.CheckName(name));

    [Fact]
    public void TestRecord_SucceededRun_HoldsTargetsInPlanOrderWithNotesAndExportsAndTheHost()
    {
        _build.Environment["CODEBUILD_BUILD_ID"] = "svc-build:0b1c";
        _build.Environment["CODEBUILD_RESOLVED_SOURCE_VERSION"] = "4f2a9c0e";

        var run = _build.Run<ExportingBuild>(["Push"]);

        Assert.Equal(0, run.ExitCode);
        var record = Record;
        Assert.Equal("succeeded", (string?)record["outcome"]);
        Assert.Equal("ExportingBuild", (string?)record["build"]);
        Assert.Equal("CodeBuild", (string?)record["host"]!["name"]);
        Assert.Equal("svc-build:0b1c", (string?)record["host"]!["buildId"]);
        Assert.Equal("4f2a9c0e", (string?)record["host"]!["resolvedSourceVersion"]);
        Assert.Equal(["Version", "Push"], record["targets"]!.AsArray().Select(x => (string?)x!["name"]));
        Assert.Equal("1.2.0-alpha.3", (string?)record["targets"]![0]!["notes"]![0]!["value"]);
        Assert.Equal("1.2.0-alpha.4", (string?)record["exportedVariables"]!["SLIPWAY_VERSION"]);
    }

    [Fact]
    public void TestLog_OnCodeBuild_EachTargetsLinesCarryItsNameAndATargetEndsWithItsStatus()
    {
        _build.Environment["CODEBUILD_BUILD_ID"] = "svc-build:0b1c";

        var run = _build.Run<ExportingBuild>(["Broken"]);

        Assert.Contains("[INF] [Version] computing", run.Output);
        Assert.Contains("[INF] [Version] Succeeded in < 1sec (end of 'Version')", run.Output);
        Assert.Contains("[ERR] [Broken] InvalidOperationException: registry refused the push", run.Output);
        Assert.Contains("[INF] [Broken] Failed in < 1sec (end of 'Broken')", run.Output);
    }

    [Fact]
    public void TestLog_OnATerminal_LinesCarryNoTargetName()
    {
        var run = _build.Run<ExportingBuild>(["Version"]);

        Assert.Contains("[INF] computing", run.Output);
        Assert.DoesNotContain("(end of 'Version')", run.Output);
    }

    [Fact]
    public void TestRender_AQuoteInAValue_IsClosedEscapedAndReopened() =>
        Assert.Equal("export A='it'\\''s'\n", ExportedVariablesFile.Render([new("A", "it's")]).Split('\n', 2)[1]);

    [Fact]
    public void TestRecord_IsMasked() =>
        Assert.DoesNotContain("hunter2", RunRecord.Render(
            new RunRecordInput("B", "succeeded", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, new Slipway.Hosts.Terminal(new Dictionary<string, string?>(), false), [], [new("X", "hunter2")]),
            new SecretMasker("hunter2")));
}
