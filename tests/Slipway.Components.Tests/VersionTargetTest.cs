using System.Diagnostics;
using System.Text.Json;

namespace Slipway.Components.Tests;

public class VersionBuild : SlipwayBuild, IVersion;

/// <summary>The Version target on a real git repository made by the test.</summary>
public class VersionTargetTest : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("slipway-version-target-").FullName;
    private int _commands;

    public VersionTargetTest()
    {
        Directory.CreateDirectory(Path.Combine(_root, ".nuke"));
        Git("init", "-q", "-b", "main");
        Git("commit", "-q", "--allow-empty", "-m", "initial");
        Git("tag", "2.3.0");
        Git("checkout", "-q", "-b", "release/2.4.0");
        Git("commit", "-q", "--allow-empty", "-m", "stabilize");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private void Git(params string[] args)
    {
        var info = new ProcessStartInfo("git") { WorkingDirectory = _root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        // Isolated from the machine's git configuration and the CI's GIT_* variables; commits get strictly increasing dates.
        foreach (var name in info.Environment.Keys.Where(name => name.StartsWith("GIT_", StringComparison.Ordinal)).ToList())
            info.Environment.Remove(name);
        info.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        info.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        info.Environment["GIT_AUTHOR_NAME"] = info.Environment["GIT_COMMITTER_NAME"] = "Test";
        info.Environment["GIT_AUTHOR_EMAIL"] = info.Environment["GIT_COMMITTER_EMAIL"] = "test@slipway.invalid";
        info.Environment["GIT_AUTHOR_DATE"] = info.Environment["GIT_COMMITTER_DATE"] = new DateTimeOffset(2026, 1, 1, 0, ++_commands, 0, TimeSpan.Zero).ToString("O");
        using var process = Process.Start(info)!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }

    private (int Code, string Output) Run(params string[] args)
    {
        var output = new StringWriter();
        var code = BuildRunner.Run(() => new VersionBuild(), [], new BuildRunOptions
        {
            Arguments = [.. args, "--root", _root, "--no-logo"],
            Environment = new Dictionary<string, string?>(),
            Output = output,
            WorkingDirectory = _root,
        });
        return (code, output.ToString());
    }

    [Fact]
    public void TestVersion_PrintsTheVariablesAndReportsVersionAndImageTag()
    {
        var (code, output) = Run("Version");
        Assert.True(code == 0, output);
        Assert.Matches(@"FullSemVer\s+2\.4\.0-beta\.1\+1", output);
        Assert.Contains("// Version: 2.4.0-beta.1+1", output);
        Assert.Contains("// Image tag: 2.4.0-candidate-1", output);
        Assert.Contains("is a Release branch; environment Staging", output);
        var exports = File.ReadAllText(Path.Combine(_root, ".nuke", "temp", "exported-variables.sh"));
        Assert.Contains("export SLIPWAY_VERSION='2.4.0-beta.1+1'\n", exports);
        Assert.Contains("export SLIPWAY_IMAGE_TAG='2.4.0-candidate-1'\n", exports);
    }

    [Fact]
    public void TestVersion_JsonOutputAndBranchParameter()
    {
        var (code, output) = Run("Version", "--output", "json", "--branch", "hotfix/urgent", "--verbosity", "quiet");
        Assert.True(code == 0, output);
        var json = output[output.IndexOf('{')..(output.LastIndexOf('}') + 1)];
        var root = JsonDocument.Parse(json).RootElement;
        Assert.Equal("hotfix/urgent", root.GetProperty("BranchName").GetString());
        Assert.Equal("2.3.1-beta.1+1", root.GetProperty("FullSemVer").GetString());
    }

    [Fact]
    public void TestVersion_NoGitFailsTheTargetWithTheReason()
    {
        Directory.Delete(Path.Combine(_root, ".git"), recursive: true);
        var (code, output) = Run("Version");
        Assert.Equal(1, code);
        Assert.Contains("is not inside a git repository", output);
    }
}
