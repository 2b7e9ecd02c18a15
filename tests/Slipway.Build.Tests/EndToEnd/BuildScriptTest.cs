namespace Slipway.Build.Tests.EndToEnd;

/// <summary>Runs the real build.sh and build.cmd on a temporary copy of a sample build.</summary>
public class BuildScriptTest(SampleRepositoryFixture fixture) : IClassFixture<SampleRepositoryFixture>
{
    private readonly SampleRepository _sample = fixture.Repository;

    private ScriptRun Build(params string[] args) => _sample.Run("build.sh", args);

    private ScriptRun BuildWith(Dictionary<string, string> environment, params string[] args) => _sample.Run("build.sh", args, environment);

    [Fact]
    public void TestBuildSh_RebuildsOnlyWhenInputsChange()
    {
        File.AppendAllText(_sample.PathOf("build/Build.cs"), $"{Environment.NewLine}// touched {Guid.NewGuid()}{Environment.NewLine}");
        var first = Build("--help");
        Assert.Equal(0, first.ExitCode);
        Assert.Contains("build.sh: building", first.Error);

        var second = Build("--help");
        Assert.Equal(0, second.ExitCode);
        Assert.DoesNotContain("building", second.Error);
        Assert.Equal(first.Output, second.Output);

        File.WriteAllText(_sample.PathOf("build/Extra.cs"), "static class Extra { }");
        Assert.Contains("build.sh: building", Build("--help").Error);
        File.Delete(_sample.PathOf("build/Extra.cs"));
        Assert.Contains("build.sh: building", Build("--help").Error);
        Assert.DoesNotContain("building", Build("--help").Error);
    }

    [Fact]
    public void TestBuildSh_CompileErrorFailsAndTheNextRunRetries()
    {
        var broken = _sample.PathOf("build/Broken.cs");
        File.WriteAllText(broken, "class Broken { void M() { int x = \"no\"; } }");
        try
        {
            var run = Build("Hello");
            Assert.NotEqual(0, run.ExitCode);
            Assert.Contains("error CS0029", run.All);
        }
        finally
        {
            File.Delete(broken);
        }

        var fixedRun = Build("Hello");
        Assert.Equal(0, fixedRun.ExitCode);
        Assert.Contains("Hello, file!", fixedRun.Output);
    }

    [Fact]
    public void TestHelp_ListsTargetsAndParameters()
    {
        var run = Build("--help");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Hello (default)", run.Output);
        Assert.Contains("Greets someone.", run.Output);
        Assert.Contains("--name <string>", run.Output);
        Assert.Contains("env: NAME · default: world", run.Output);
        Assert.Contains("--token <string>  [secret]", run.Output);
    }

    [Fact]
    public void TestParameters_CommandLineBeatsEnvironmentBeatsFile()
    {
        Assert.Contains("Hello, file!", Build("Hello").Output);
        Assert.Contains("Hello, env!", BuildWith(new() { ["SLIPWAY_NAME"] = "env" }, "Hello").Output);
        Assert.Contains("Hello, cli!", BuildWith(new() { ["NAME"] = "env" }, "Hello", "--name", "cli").Output);
        Assert.Contains("Hello, with spaces & 'quotes'!", Build("Hello", "--name", "with spaces & 'quotes'").Output);
    }

    [Fact]
    public void TestFailure_ExitCodeAndSummary()
    {
        var run = Build("Fail", "Cleanup");
        Assert.Equal(1, run.ExitCode);
        Assert.Matches(@"Fail\s+Failed", run.Output);
        Assert.Matches(@"Cleanup\s+Succeeded", run.Output);
        Assert.Contains("Build failed on", run.Output);
    }

    [Fact]
    public void TestSecrets_MaskedInToolOutput()
    {
        const string secret = "sEcReT-e2e-4711";
        var run = BuildWith(new() { ["TOKEN"] = secret }, "Leak");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("[sh] tool says ***", run.Output);
        Assert.DoesNotContain(secret, run.All);
        Assert.DoesNotContain(secret, File.ReadAllText(_sample.PathOf(".nuke/temp/build.log")));
    }

    [Fact]
    public void TestCi_MissingRequiredParameterFailsWithoutPrompting()
    {
        var run = BuildWith(new() { ["CI"] = "true" }, "Leak");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Target 'Leak' requires parameter 'Token'. Pass --token VALUE, set the environment variable TOKEN", run.Output);
    }

    [Fact]
    public void TestHosts_CodeBuildDetected()
    {
        Assert.Contains("host=CodeBuild server=True", BuildWith(new() { ["CODEBUILD_BUILD_ID"] = "sample:1" }, "Where").Output);
        Assert.Contains("host=Terminal server=False", Build("Where").Output);
    }

    [Fact]
    public async Task TestSigint_AbortsTheTargetKillsItsToolRunsCleanupAndPrintsTheSummary()
    {
        Build("--help"); // built before the clock starts
        var pidFile = _sample.PathOf("long.pid");
        using var process = _sample.Start("build.sh", ["Long", "Cleanup", "--pid-file", pidFile]);
        var output = process.StandardOutput.ReadToEndAsync();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!File.Exists(pidFile + ".child") || File.ReadAllText(pidFile + ".child").Trim().Length == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the Long target did not start its tool");
            await Task.Delay(50);
        }

        var child = int.Parse(File.ReadAllText(pidFile + ".child").Trim());
        SampleRepository.Signal(process.Id, 2);
        var text = await output.WaitAsync(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync();
        Assert.NotEqual(0, process.ExitCode);
        Assert.Matches(@"Long\s+Aborted", text);
        Assert.Contains("cleanup ran", text);
        Assert.Matches(@"Cleanup\s+Succeeded", text);
        Assert.Contains("Build was aborted on", text);
        Assert.False(SampleRepository.IsAlive(child), "the tool started by the aborted target is still running");
    }

    [Fact]
    public void TestBuildCmd_RunsBuildShUnderAPosixShell()
    {
        var run = _sample.Run("build.cmd", ["Hello", "--name", "cmd"]);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Hello, cmd!", run.Output);
    }

    [Fact]
    public void TestBuildSh_WorksFromAnotherDirectory()
    {
        var run = _sample.Run("build.sh", ["Hello"], workingDirectory: Path.GetTempPath());
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Hello, file!", run.Output);
    }

    [Fact]
    public void TestSchema_IsWrittenForEditors()
    {
        Build("--help");
        var schema = File.ReadAllText(_sample.PathOf(".nuke/build.schema.json"));
        Assert.Contains("\"Hello\"", schema);
        Assert.Contains("\"Name\"", schema);
        Assert.Contains("Who to greet.", schema);
    }
}
