using Slipway.Tooling;

namespace Slipway.LocalAws.Tests.Ecs.Infrastructure;

/// <summary>The Docker CLI as the tests' own independent view of the engine: what runs, with which labels.</summary>
public static class TestDocker
{
    private const string Setup =
        "The ECS tests run real containers and FAIL without a Docker engine. Run them with './build.sh Test' or '.ci/run' on a machine set up for them, " +
        "or start the engine yourself (Debian, as root): 'apt-get install -y docker.io busybox-static', then " +
        "'dockerd --storage-driver=vfs --iptables=false --ip6tables=false --bridge=none >/tmp/dockerd.log 2>&1 &' and wait until 'docker info' answers.";

    /// <summary>Fails the test, saying how to start one, when no engine answers or the static busybox the test images are built from is missing.</summary>
    public static async Task RequireEngineAsync()
    {
        ToolResult result;
        try
        {
            result = await RunAsync("info", "--format", "{{.ServerVersion}}");
        }
        catch (ToolNotFoundException exception)
        {
            throw new InvalidOperationException($"{Setup}\n{exception.Message}", exception);
        }

        if (result.ExitCode != 0)
            throw new InvalidOperationException($"{Setup}\n'docker info' said: {result.StandardError.Trim()}");
        if (!File.Exists(HttpdImage.Busybox))
            throw new InvalidOperationException($"{Setup}\n'{HttpdImage.Busybox}' (package busybox-static) is missing.");
    }

    /// <summary>Runs <c>docker {arguments}</c> and returns the result whatever the exit code.</summary>
    public static Task<ToolResult> RunAsync(params string[] arguments) =>
        ToolRunner.RunAsync(new ToolInvocation("docker", arguments) { CheckExitCode = false, Timeout = TimeSpan.FromMinutes(2) });

    /// <summary>The full ids of the containers, running or not, that carry label <paramref name="label"/> (<c>name=value</c> or <c>name</c>).</summary>
    public static async Task<IReadOnlyList<string>> ContainersAsync(string label)
    {
        var result = await RunAsync("ps", "--all", "--quiet", "--no-trunc", "--filter", $"label={label}");
        Assert.True(result.ExitCode == 0, $"docker ps failed: {result.StandardError}");
        return result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    /// <summary>Whether container <paramref name="id"/> exists and runs.</summary>
    public static async Task<bool> IsRunningAsync(string id)
    {
        var result = await RunAsync("inspect", "--format", "{{.State.Running}}", id);
        return result.ExitCode == 0 && result.Text == "true";
    }
}
