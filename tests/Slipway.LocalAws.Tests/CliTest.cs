using System.Text.Json.Nodes;
using Amazon.Runtime;
using Amazon.SecurityToken.Model;
using Slipway.LocalAws.Cli;
using Slipway.LocalAws.Tests.Infrastructure;
using Slipway.Tooling;

namespace Slipway.LocalAws.Tests;

/// <summary>The <c>slipway-local-aws</c> executable: start prints how to reach the platform and runs until <c>stop</c>, which leaves nothing running.</summary>
public sealed class CliTest : IDisposable
{
    private static readonly string Executable = Path.Combine(AppContext.BaseDirectory, "slipway-local-aws");

    private readonly string _data = Directory.CreateTempSubdirectory("slipway-local-aws-cli-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public async Task TestStartStop_RunsUntilStopAndLeavesNoProcess()
    {
        var output = new StartOutput();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var run = ToolRunner.RunAsync(new ToolInvocation(Executable, "start", "--data", _data, "--json") { CheckExitCode = false }, output, cancel.Token);
        var started = await output.Document.Task.WaitAsync(TimeSpan.FromSeconds(60));
        var development = started["accounts"]!.AsArray().Single(account => (string?)account!["name"] == "development")!;
        var runtime = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(_data, "runtime.json")))!;
        var registryPids = runtime["registries"]!.AsArray().Select(registry => (int)registry!["processId"]!).ToList();

        using var sts = new Amazon.SecurityToken.AmazonSecurityTokenServiceClient(
            new BasicAWSCredentials((string)development["accessKeyId"]!, (string)development["secretAccessKey"]!),
            new Amazon.SecurityToken.AmazonSecurityTokenServiceConfig { ServiceURL = (string)started["endpoint"]!, AuthenticationRegion = "us-east-1" });
        var identity = await sts.GetCallerIdentityAsync(new GetCallerIdentityRequest());
        Assert.Equal("111111111111", identity.Account);
        Assert.All(registryPids, pid => Assert.True(ProcessProbe.IsRunning(pid, "docker-registry")));

        var stop = await ToolRunner.RunAsync(new ToolInvocation(Executable, "stop", "--data", _data));
        var exited = await run.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.StartsWith($"Stopped the local AWS platform at {started["endpoint"]}", stop.Text);
        Assert.Equal(0, exited.ExitCode);
        Assert.Contains("Stopping the local AWS platform.", exited.StandardOutput);
        Assert.All(registryPids, pid => Assert.False(ProcessProbe.IsRunning(pid, "docker-registry"), $"registry {pid} outlived the platform"));
        Assert.False(File.Exists(Path.Combine(_data, "runtime.json")));
    }

    [Fact]
    public async Task TestStop_AfterTheHostWasKilledStopsItsRegistries()
    {
        var output = new StartOutput();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var run = ToolRunner.RunAsync(new ToolInvocation(Executable, "start", "--data", _data, "--json") { CheckExitCode = false }, output, cancel.Token);
        await output.Document.Task.WaitAsync(TimeSpan.FromSeconds(60));
        var runtime = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(_data, "runtime.json")))!;
        var registryPids = runtime["registries"]!.AsArray().Select(registry => (int)registry!["processId"]!).ToList();

        // SIGKILL gives the platform no chance to stop its registries.
        await ToolRunner.RunAsync(new ToolInvocation("kill", "-KILL", ((int)runtime["hostProcessId"]!).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        await run.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.All(registryPids, pid => Assert.True(ProcessProbe.IsRunning(pid, "docker-registry"), $"registry {pid} died with its host"));
        var stop = await ToolRunner.RunAsync(new ToolInvocation(Executable, "stop", "--data", _data));

        Assert.StartsWith("Stopped the local AWS platform", stop.Text);
        Assert.All(registryPids, pid => Assert.False(ProcessProbe.IsRunning(pid, "docker-registry"), $"registry {pid} is still running"));
    }

    [Fact]
    public async Task TestStop_NothingRunningSaysSo()
    {
        var stop = await ToolRunner.RunAsync(new ToolInvocation(Executable, "stop", "--data", _data));

        Assert.Equal($"No local AWS platform is running from '{_data}'.", stop.Text);
    }

    [Fact]
    public async Task TestMain_UnknownOptionExitsWithUsage()
    {
        var result = await ToolRunner.RunAsync(new ToolInvocation(Executable, "start", "--colour", "red") { CheckExitCode = false });

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("Option '--colour' does not exist for 'start'.", result.StandardError);
        Assert.Contains("slipway-local-aws start [--data DIR]", result.StandardError);
    }

    [Fact]
    public void TestParse_ReadsEveryOption()
    {
        var parsed = CommandLineArguments.Parse(["start", "--data", "/tmp/x", "--port", "4566", "--region", "eu-west-1", "--json"]);

        Assert.Equal(new CommandLineArguments("start", "/tmp/x", 4566, "eu-west-1", true), parsed);
        Assert.Equal("Port '70000' is not a port number (0-65535).", Assert.Throws<ArgumentException>(() => CommandLineArguments.Parse(["start", "--port", "70000"])).Message);
    }

    /// <summary>Collects standard output until the JSON document <c>start --json</c> prints is complete.</summary>
    private sealed class StartOutput : IToolOutput
    {
        private readonly List<string> _lines = [];

        public TaskCompletionSource<JsonObject> Document { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Command(string redactedCommandLine)
        {
        }

        public void Line(ToolOutputLine line)
        {
            if (line.Stream != ToolStream.StandardOutput || Document.Task.IsCompleted)
                return;
            _lines.Add(line.Text);
            if (line.Text == "}")
                Document.SetResult((JsonObject)JsonNode.Parse(string.Join('\n', _lines))!);
        }
    }
}
