using System.Diagnostics;
using Slipway.CiConfiguration.Buildspecs;

namespace Slipway.CiConfiguration.Tests.Buildspecs;

public class BuildspecGeneratorTest
{
    [Fact]
    public void TestGenerate_SecretsGoToTheirStoresNeverToPlainVariables()
    {
        var generated = BuildspecGenerator.Generate(BuildspecRequests.Full());
        var env = generated.Buildspec.Env;
        Assert.Equal("/svc/registry-password", env.ParameterStore["REGISTRY_PASSWORD"]);
        Assert.Equal("prod/api:token::", env.SecretsManager["API_TOKEN"]);
        Assert.DoesNotContain("REGISTRY_PASSWORD", env.Variables.Keys);
        Assert.DoesNotContain("API_TOKEN", env.Variables.Keys);
        Assert.DoesNotContain("API_TOKEN", env.ExportedVariables);
    }

    [Fact]
    public void TestGenerate_BuildPhaseRunsTheTargetThenSourcesTheExportedVariables()
    {
        var commands = BuildspecGenerator.Generate(BuildspecRequests.Full() with { BranchTargets = [] }).Buildspec.Phases.Build!.Commands;
        Assert.Equal(["./build.sh ${SLIPWAY_TARGET:-Deploy}", ". ./.nuke/temp/exported-variables.sh"], commands);
    }

    [Fact]
    public void TestGenerate_BranchTargetsEqualToTheDefaultNeedNoCase()
    {
        var request = BuildspecRequests.Full() with { BranchTargets = [new BranchTarget("main|master", "Deploy"), new BranchTarget("develop", "Deploy")] };
        Assert.Equal("./build.sh ${SLIPWAY_TARGET:-Deploy}", BuildspecGenerator.Generate(request).Buildspec.Phases.Build!.Commands[0]);
    }

    [Theory]
    [InlineData("feature/login", null, null, "Test")]
    [InlineData("bugfix/crash", null, null, "Test")]
    [InlineData("release/2.4.0", null, null, "PromoteRelease")]
    [InlineData("hotfix/urgent", null, null, "PromoteRelease")]
    [InlineData("main", null, null, "Deploy")]
    [InlineData("develop", null, null, "Deploy")]
    [InlineData("", null, null, "Deploy")]
    [InlineData(null, "refs/heads/feature/from-webhook", null, "Test")]
    [InlineData("release/1.0.0", "refs/heads/feature/webhook-loses", null, "PromoteRelease")]
    [InlineData("feature/x", null, "Compile Pack", "Compile Pack")]
    public void TestBuildCommand_RunsTheBranchTargetUnlessSlipwayTargetIsSet(string? branch, string? webhookRef, string? target, string expected)
    {
        var command = BuildspecGenerator.Generate(BuildspecRequests.Full()).Buildspec.Phases.Build!.Commands[0];
        var folder = Directory.CreateTempSubdirectory("slipway-buildspec-command-").FullName;
        try
        {
            // A stand-in build.sh that prints its arguments: the command is run by /bin/sh exactly as the buildspec holds it.
            File.WriteAllText(Path.Combine(folder, "build.sh"), "#!/bin/sh\necho \"$*\"\n");
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(Path.Combine(folder, "build.sh"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            var info = new ProcessStartInfo("/bin/sh") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
            info.ArgumentList.Add("-c");
            info.ArgumentList.Add(command);
            foreach (var name in new[] { "SLIPWAY_BRANCH", "CODEBUILD_WEBHOOK_HEAD_REF", "SLIPWAY_TARGET" })
                info.Environment.Remove(name);
            if (branch is not null)
                info.Environment["SLIPWAY_BRANCH"] = branch;
            if (webhookRef is not null)
                info.Environment["CODEBUILD_WEBHOOK_HEAD_REF"] = webhookRef;
            if (target is not null)
                info.Environment["SLIPWAY_TARGET"] = target;
            using var process = Process.Start(info)!;
            var output = process.StandardOutput.ReadToEnd();
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, error);
            Assert.Equal(expected, output.Trim());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
