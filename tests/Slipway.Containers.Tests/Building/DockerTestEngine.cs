using System.Diagnostics;
using Slipway.Tooling;

namespace Slipway.Containers.Tests.Building;

/// <summary>What the docker tests share: the engine check, build contexts with the static busybox, and captured output.</summary>
static class DockerTestEngine
{
    const string Busybox = "/bin/busybox";

    /// <summary>Fails (never skips) when no engine answers, saying how to get one.</summary>
    public static void Require()
    {
        var start = new ProcessStartInfo("docker", ["version", "--format", "{{.Server.Version}}"]) { RedirectStandardOutput = true, RedirectStandardError = true };
        string error;
        int exitCode;
        try
        {
            using var process = Process.Start(start)!;
            process.StandardOutput.ReadToEnd();
            error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            exitCode = process.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            (error, exitCode) = (exception.Message, -1);
        }
        Assert.True(exitCode == 0,
            $"The docker tests need a running Docker engine and none answers ({error.Trim()}). Run './build.sh Test', which starts one, " +
            "or start dockerd as root: 'setsid dockerd --storage-driver=vfs --iptables=false --ip6tables=false --bridge=none >/tmp/dockerd.log 2>&1 &'.");
        Assert.True(File.Exists(Busybox), $"The docker tests build images from the static busybox at '{Busybox}': apt-get install busybox-static.");
    }

    /// <summary>A fresh context folder holding busybox and the given Dockerfile.</summary>
    public static string CreateContext(string dockerfile)
    {
        var folder = Directory.CreateTempSubdirectory("slipway-context-").FullName;
        File.Copy(Busybox, Path.Combine(folder, "busybox"));
        File.WriteAllText(Path.Combine(folder, "Dockerfile"), dockerfile);
        return folder;
    }
}

/// <summary>Keeps every command line and output line a tool run showed.</summary>
sealed class CapturedOutput : IToolOutput
{
    readonly List<string> _commands = [];
    readonly List<string> _lines = [];

    public IReadOnlyList<string> Commands { get { lock (_commands) return _commands.ToArray(); } }

    public IReadOnlyList<string> Lines { get { lock (_lines) return _lines.ToArray(); } }

    public void Command(string redactedCommandLine)
    {
        lock (_commands)
            _commands.Add(redactedCommandLine);
    }

    public void Line(ToolOutputLine line)
    {
        lock (_lines)
            _lines.Add(line.Text);
    }
}
