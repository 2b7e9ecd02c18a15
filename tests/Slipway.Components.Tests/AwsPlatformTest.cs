using Slipway.Aws.Ecr;
using Slipway.LocalAws;

namespace Slipway.Components.Tests;

public class AwsBuild : SlipwayBuild, IHazAws
{
    public string? Registry { get; private set; }
    public string? Uri { get; private set; }

    public Target Push => _ => _.Executes(async ct =>
    {
        using var ecr = new EcrClient(await ((IHazAws)this).GetAwsOptionsAsync());
        var created = await ecr.CreateRepositoryAsync(new CreateRepositoryRequest { RepositoryName = "svc" }, ct);
        Uri = created.Repository!.RepositoryUri;
        Registry = (await ecr.GetAuthorizationTokenAsync(ct)).AuthorizationData[0].ProxyEndpoint;
    });

    /// <summary>Uses the platform only to show its plan, as Deploy --plan's diff does.</summary>
    public Target Look => _ => _
        .PlanDetails(async _ => $"platform: {(await ((IHazAws)this).GetLocalPlatformAsync()).Endpoint}")
        .Executes(() => { });
}

/// <summary>The local platform starts by itself for a build on the local platform.</summary>
public class AwsPlatformTest : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("slipway-aws-build-").FullName;

    public AwsPlatformTest() => Directory.CreateDirectory(Path.Combine(_root, ".nuke"));

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task TestLocalPlatform_StartsForTheBuildAndServesEcr()
    {
        var build = new AwsBuild();
        var (code, output) = Run(build, "Push", "--local-aws-keep", "false");
        Assert.True(code == 0, output);
        Assert.StartsWith("127.0.0.1:", build.Uri);
        Assert.EndsWith("/svc", build.Uri);
        Assert.StartsWith("http://127.0.0.1:", build.Registry);
        // The platform ended with the build: its data stays, nothing runs from it any more.
        Assert.True(File.Exists(Path.Combine(_root, ".nuke", "temp", "local-aws", "accounts.json")));
        AssertNothingRunsFromThePlatform();
        await Task.CompletedTask;
    }

    [Fact]
    public async Task TestPlan_OnATerminal_LeavesNoPlatformRunning()
    {
        try
        {
            var (code, output) = Run(new AwsBuild(), "Look", "--plan"); // a terminal (no CI variables), no --local-aws-keep

            Assert.True(code == 0, output);
            Assert.Contains("platform: http://127.0.0.1:", output);
            AssertNothingRunsFromThePlatform();
        }
        finally
        {
            await LocalAwsPlatform.StopDetachedAsync(PlatformData); // never leave a host running, whatever failed above
        }
    }

    [Fact]
    public async Task TestPlan_WithLocalAwsKeepTrue_KeepsThePlatform()
    {
        try
        {
            var (code, output) = Run(new AwsBuild(), "Look", "--plan", "--local-aws-keep", "true");

            Assert.True(code == 0, output);
            Assert.Contains("keeps running after the build", output);
            Assert.True(File.Exists(Path.Combine(PlatformData, "runtime.json")), output);
        }
        finally
        {
            await LocalAwsPlatform.StopDetachedAsync(PlatformData);
        }
    }

    string PlatformData => Path.Combine(_root, ".nuke", "temp", "local-aws");

    (int Code, string Output) Run(AwsBuild build, params string[] args)
    {
        var output = new StringWriter();
        var code = BuildRunner.Run(() => build, [], new BuildRunOptions
        {
            Arguments = [.. args, "--root", _root, "--no-logo"],
            Environment = new Dictionary<string, string?>(),
            Output = output,
            WorkingDirectory = _root,
        });
        return (code, output.ToString());
    }

    void AssertNothingRunsFromThePlatform()
    {
        Assert.False(File.Exists(Path.Combine(PlatformData, "runtime.json")), "the platform is still running after the build");
        var registries = Directory.GetDirectories("/proc").Select(x => Path.Combine(x, "cmdline")).Where(File.Exists)
            .Select(x => { try { return File.ReadAllText(x); } catch (IOException) { return ""; } })
            .Count(x => x.Contains("docker-registry") && x.Contains(_root));
        Assert.Equal(0, registries);
    }

    [Fact]
    public void TestPlatform_DefaultsToLocalExceptOnCodeBuild()
    {
        var output = new StringWriter();
        BuildRunner.Run(() => new AwsBuild(), [], new BuildRunOptions
        {
            Arguments = ["--help", "--root", _root],
            Environment = new Dictionary<string, string?> { ["CODEBUILD_BUILD_ID"] = "p:1" },
            Output = output,
            WorkingDirectory = _root,
        });
        Assert.Contains("--platform <Local|Aws>", output.ToString());
        Assert.Contains("default: Aws", output.ToString());
    }

    [Theory]
    [InlineData(null, "· default: true")]
    [InlineData("true", "· default: false")]
    public void TestLocalAwsKeep_DefaultsToKeepingOnATerminalOnly(string? ci, string expected)
    {
        var output = new StringWriter();
        BuildRunner.Run(() => new AwsBuild(), [], new BuildRunOptions
        {
            Arguments = ["--help", "--root", _root],
            Environment = new Dictionary<string, string?> { ["CI"] = ci },
            Output = output,
            WorkingDirectory = _root,
        });
        var help = output.ToString();
        var option = help[help.IndexOf("--local-aws-keep <bool>", StringComparison.Ordinal)..];
        Assert.True(option.Contains(expected, StringComparison.Ordinal) && option.IndexOf(expected, StringComparison.Ordinal) < option.IndexOf("\n  --", StringComparison.Ordinal), help);
    }
}
