using System.Diagnostics;

namespace Slipway.Components.Tests.Rehearsal;

public class RehearsalBuild : SlipwayBuild, IRehearseCodeBuild;

/// <summary>The RehearseCodeBuild target maps its parameters to one rehearsal and reports phases and exported variables.</summary>
public sealed class RehearseCodeBuildTest : IDisposable
{
    private const string Buildspec = """
        version: 0.2
        env:
          parameter-store:
            TOKEN: /team/token
          exported-variables: [SEEN_TARGET, SEEN_BRANCH, SEEN_TRIGGER]
        phases:
          build:
            commands:
              - SEEN_TARGET=$SLIPWAY_TARGET
              - SEEN_BRANCH=${SLIPWAY_BRANCH:-none}
              - SEEN_TRIGGER=${CODEBUILD_WEBHOOK_TRIGGER:-none}
              - echo "token $TOKEN"
              - test -z "$FAIL"
        """;

    private readonly string _root = Directory.CreateTempSubdirectory("slipway-rehearse-target-").FullName;

    public RehearseCodeBuildTest()
    {
        Directory.CreateDirectory(Path.Combine(_root, ".nuke"));
        File.WriteAllText(Path.Combine(_root, ".gitignore"), ".nuke/temp/\n");
        File.WriteAllText(Path.Combine(_root, "buildspec.yml"), Buildspec);
        Git("init", "-q", "-b", "feature/x");
        Git("add", "-A");
        Git("commit", "-q", "-m", "buildspec");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void TestRehearseCodeBuild_Pipeline_PassesBranchAndTargetAsActionVariablesAndReportsExports()
    {
        var (code, output) = Run(new Dictionary<string, string?> { ["TOKEN"] = "very-secret-token" },
            "RehearseCodeBuild", "--codebuild-source", "pipeline", "--rehearsal-target", "Deploy");

        Assert.True(code == 0, output);
        Assert.Contains("// Phases: install succeeded, pre_build succeeded, build succeeded, post_build succeeded", output);
        Assert.Contains("// Exported: SEEN_TARGET=Deploy, SEEN_BRANCH=feature/x, SEEN_TRIGGER=none", output);
        Assert.Contains("token ***", output);
        Assert.DoesNotContain("very-secret-token", output);
    }

    [Fact]
    public void TestRehearseCodeBuild_Webhook_HasTheWebhookTriggerAndNoBranchVariable()
    {
        var (code, output) = Run(new Dictionary<string, string?> { ["TOKEN"] = "t0ken-value" }, "RehearseCodeBuild");

        Assert.True(code == 0, output);
        Assert.Contains("// Exported: SEEN_TARGET=, SEEN_BRANCH=none, SEEN_TRIGGER=branch/feature/x", output);
    }

    [Fact]
    public void TestRehearseCodeBuild_FailingBuild_FailsTheTargetNamingThePhase()
    {
        var (code, output) = Run(new Dictionary<string, string?> { ["TOKEN"] = "t0ken-value", ["FAIL"] = "1" }, "RehearseCodeBuild");

        Assert.NotEqual(0, code);
        Assert.Contains("build failed", output);
    }

    // FAIL reaches the rehearsed build as a StartBuild override through the request hook, as a user would change the request.
    private (int Code, string Output) Run(Dictionary<string, string?> environment, params string[] args)
    {
        var output = new StringWriter();
        var code = BuildRunner.Run(() => environment.ContainsKey("FAIL") ? new FailingRehearsalBuild() : new RehearsalBuild(), [], new BuildRunOptions
        {
            Arguments = [.. args, "--root", _root, "--no-logo"],
            Environment = environment,
            Output = output,
            WorkingDirectory = _root,
        });
        return (code, output.ToString());
    }

    private void Git(params string[] args)
    {
        var info = new ProcessStartInfo("git") { WorkingDirectory = _root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        info.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        info.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        info.Environment["GIT_AUTHOR_NAME"] = info.Environment["GIT_COMMITTER_NAME"] = "Test";
        info.Environment["GIT_AUTHOR_EMAIL"] = info.Environment["GIT_COMMITTER_EMAIL"] = "test@slipway.invalid";
        using var process = Process.Start(info)!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }
}

public class FailingRehearsalBuild : SlipwayBuild, IRehearseCodeBuild
{
    Configure<Slipway.CiConfiguration.Rehearsals.RehearsalRequest> IRehearseCodeBuild.RehearsalSettings => _ => _ with
    {
        OverrideVariables = new Dictionary<string, string>(_.OverrideVariables) { ["FAIL"] = "1" },
    };
}
