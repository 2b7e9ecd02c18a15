using System.Diagnostics;
using Slipway.Aws;
using Slipway.Aws.Ecr;
using Slipway.LocalAws;

namespace Slipway.Components.Tests.Images;

public class ServiceBuild : SlipwayBuild, IPushEcr, IPromoteRelease;

/// <summary>A service build that changes the components' calls through their Configure hooks.</summary>
public class ConfiguredServiceBuild : ServiceBuild, IDockerBuild, IPushEcr
{
    Configure<Containers.Building.DockerBuildRequest> IDockerBuild.DockerBuildSettings => _ => _ with
    {
        Labels = new Dictionary<string, string> { ["slipway.test.hook"] = "applied" },
    };

    Configure<Containers.Ecr.EcrImagePushRequest> IPushEcr.PushEcrSettings => _ => _ with { Repository = _.Repository with { ScanOnPush = false } };
}

/// <summary>A service's git repository made by a test: a FROM-scratch Dockerfile with the static busybox, commits with increasing dates, and builds of it on the local platform.</summary>
public sealed class ServiceRepository : IAsyncDisposable
{
    const string Busybox = "/bin/busybox";
    static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    int _commits;

    public ServiceRepository()
    {
        RequireDocker();
        Directory.CreateDirectory(Path.Combine(Root, ".nuke"));
        File.Copy(Busybox, Path.Combine(Root, "busybox"));
        // The run's label comes first, so no layer is shared with another test's image: removing those images on dispose
        // would otherwise delete a cached parent layer under a build running at the same time ("unknown parent image ID").
        File.WriteAllText(Path.Combine(Root, "Dockerfile"), $"FROM scratch\nLABEL slipway.test.run={Guid.NewGuid():N}\nCOPY busybox /bin/busybox\nCMD [\"/bin/busybox\", \"true\"]\n");
        File.WriteAllText(Path.Combine(Root, ".gitignore"), ".nuke/temp/\nartifacts/\n");
        Git("init", "-q", "-b", "main");
        // The build writes .nuke/build.schema.json, which a service repository commits; without it every run would see a changed work tree.
        var help = Run("--help");
        Assert.True(help.Code == 0, help.Output);
        Git("add", "-A");
        Commit("initial");
        Git("tag", "1.0.0");
    }

    /// <summary>The work tree.</summary>
    public string Root { get; } = Directory.CreateTempSubdirectory("slipway-service-").FullName;

    /// <summary>The local platform's data folder the builds use.</summary>
    public string PlatformData => Path.Combine(Root, ".nuke", "temp", "local-aws");

    /// <summary>Every image id the builds made, removed on dispose.</summary>
    public List<string> Images { get; } = [];

    /// <summary>Commits (empty) with a date after the previous commit's.</summary>
    public void Commit(string message)
    {
        var date = Start.AddMinutes(++_commits).ToString("O");
        Git(["commit", "-q", "--allow-empty", "-m", message], ("GIT_AUTHOR_DATE", date), ("GIT_COMMITTER_DATE", date));
    }

    /// <summary>Runs git in the work tree; returns standard output.</summary>
    public string Git(params string[] args) => Git(args, []);

    /// <summary>The full sha of HEAD.</summary>
    public string Head => Git("rev-parse", "HEAD").Trim();

    /// <summary>Makes the build each <see cref="Run"/> runs (default: a plain <see cref="ServiceBuild"/>).</summary>
    public Func<ServiceBuild> NewBuild { get; set; } = () => new ServiceBuild();

    /// <summary>Whether <see cref="Run"/> adds --image-repository svc and --local-aws-keep false when they are not given (false: the builds' own defaults).</summary>
    public bool TestDefaults { get; set; } = true;

    /// <summary>Runs a build with the given targets and parameters (plus --root, and unless given or <see cref="TestDefaults"/> is false: --image-repository svc and --local-aws-keep false, the platform stops with the build).</summary>
    public (int Code, string Output, ServiceBuild Build) Run(params string[] args)
    {
        var run = RunOnce(args);
        // Docker 20.10's classic builder loses an intermediate image when another test removes images at the same moment
        // ("unknown parent image ID", "unable to find image" while exporting a step): the engine's race, not the build's.
        // Builds are re-run safe, so such a run is tried once more; any other failure is returned as it is.
        return run.Code != 0 && EngineRaces.Any(run.Output.Contains) ? RunOnce(args) : run;
    }

    static readonly string[] EngineRaces = ["unknown parent image ID", "unable to find image \"sha256:"];

    (int Code, string Output, ServiceBuild Build) RunOnce(string[] args)
    {
        var output = new StringWriter();
        var build = NewBuild();
        var code = BuildRunner.Run(() => build, [], new BuildRunOptions
        {
            Arguments = [.. args, "--root", Root, "--no-logo", .. !TestDefaults || args.Contains("--image-repository") ? Array.Empty<string>() : ["--image-repository", "svc"],
                .. !TestDefaults || args.Contains("--local-aws-keep") ? Array.Empty<string>() : ["--local-aws-keep", "false"]],
            Environment = new Dictionary<string, string?>(),
            Output = output,
            WorkingDirectory = Root,
        });
        if (((IDockerBuild)build).BuiltImage is { } built)
            Images.Add(built.ImageId);
        return (code, output.ToString(), build);
    }

    /// <summary>Starts the platform on the builds' data folder to look at what they left.</summary>
    public Task<LocalAwsPlatform> PlatformAsync() => LocalAwsPlatform.StartAsync(new LocalAwsOptions { DataDirectory = PlatformData }, CancellationToken.None);

    /// <summary>An ECR client for an account of a running platform.</summary>
    public static EcrClient Ecr(LocalAwsPlatform platform, string account)
    {
        var keys = platform.Account(account);
        return new EcrClient(new AwsClientOptions
        {
            Region = platform.Region,
            ServiceUrl = platform.Endpoint.ToString(),
            Credentials = new Amazon.Runtime.BasicAWSCredentials(keys.AccessKeyId, keys.SecretAccessKey),
        });
    }

    /// <summary>The digest a tag names in an account's repository "svc", or null.</summary>
    public static async Task<string?> DigestAsync(LocalAwsPlatform platform, string account, string tag)
    {
        using var ecr = Ecr(platform, account);
        try
        {
            return await new EcrImageTags(ecr).GetDigestAsync("svc", tag);
        }
        catch (Aws.RepositoryNotFoundException)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var image in Images)
            await RunAsync("docker", ["image", "rm", "--force", image]);
        Directory.Delete(Root, recursive: true);
    }

    string Git(string[] args, params (string Name, string Value)[] environment)
    {
        var (code, output) = RunAsync("git", args, [("GIT_CONFIG_GLOBAL", "/dev/null"), ("GIT_CONFIG_NOSYSTEM", "1"), ("GIT_AUTHOR_NAME", "Test"), ("GIT_COMMITTER_NAME", "Test"),
            ("GIT_AUTHOR_EMAIL", "test@slipway.invalid"), ("GIT_COMMITTER_EMAIL", "test@slipway.invalid"), .. environment]).GetAwaiter().GetResult();
        Assert.True(code == 0, $"git {string.Join(' ', args)} failed: {output}");
        return output;
    }

    /// <summary>Runs <paramref name="tool"/> in the work tree; returns its exit code and output.</summary>
    public async Task<(int Code, string Output)> RunAsync(string tool, string[] args, params (string Name, string Value)[] environment)
    {
        var info = new ProcessStartInfo(tool) { WorkingDirectory = Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        foreach (var (name, value) in environment)
            info.Environment[name] = value;
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + stderr);
    }

    /// <summary>Fails (never skips) when no engine answers.</summary>
    public static void RequireDocker()
    {
        var info = new ProcessStartInfo("docker", ["version", "--format", "{{.Server.Version}}"]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"These tests need a running Docker engine and none answers ({error.Trim()}). Run './build.sh Test', which starts one.");
        Assert.True(File.Exists(Busybox), $"These tests build images from the static busybox at '{Busybox}': apt-get install busybox-static.");
    }
}
