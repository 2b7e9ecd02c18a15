using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace Slipway.Build.Tests.EndToEnd;

/// <summary>The result of running a script of the sample repository as a real process.</summary>
public sealed record ScriptRun(int ExitCode, string Output, string Error)
{
    public string All => Output + Error;
}

/// <summary>A temporary copy of the sample build with this repository's real build.sh/build.cmd, built against the engine assemblies under test.</summary>
public sealed class SampleRepository : IDisposable
{
    public SampleRepository()
    {
        RepositoryRoot = FindRepositoryRoot();
        Root = Path.Combine(Path.GetTempPath(), "slipway-sample-" + Guid.NewGuid().ToString("N")[..12]);
        CopyDirectory(Path.Combine(RepositoryRoot, "tests", "Slipway.Build.Tests", "Fixtures", "SampleBuild"), Root);
        foreach (var file in new[] { "build.sh", "build.cmd", "global.json" })
            File.Copy(Path.Combine(RepositoryRoot, file), Path.Combine(Root, file));
        File.WriteAllText(Path.Combine(Root, "Directory.Build.props"),
            $"<Project><PropertyGroup><SlipwayLib>{AppContext.BaseDirectory.TrimEnd('/')}</SlipwayLib></PropertyGroup></Project>");
    }

    /// <summary>This repository's root (holding build.sh and Slipway.sln).</summary>
    public string RepositoryRoot { get; }

    /// <summary>The sample's root.</summary>
    public string Root { get; }

    /// <summary>A path under the sample root.</summary>
    public string PathOf(string relative) => Path.Combine(Root, relative);

    /// <summary>Runs a script of the sample (e.g. build.sh) with arguments, waiting at most <paramref name="timeout"/>.</summary>
    public ScriptRun Run(string script, IEnumerable<string> args, IDictionary<string, string>? environment = null, TimeSpan? timeout = null, string? workingDirectory = null)
    {
        using var process = Start(script, args, environment, workingDirectory);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{script} {string.Join(' ', args)} did not finish.\n{output.Result}\n{error.Result}");
        }

        return new ScriptRun(process.ExitCode, output.Result, error.Result);
    }

    /// <summary>Starts a script without waiting; the caller reads its output.</summary>
    public Process Start(string script, IEnumerable<string> args, IDictionary<string, string>? environment = null, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo(script.EndsWith(".cmd", StringComparison.Ordinal) ? "sh" : Path.Combine(Root, script))
        {
            WorkingDirectory = workingDirectory ?? Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        if (script.EndsWith(".cmd", StringComparison.Ordinal))
            info.ArgumentList.Add(Path.Combine(Root, script));
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        // The test process may itself run on CI; each test decides the host it wants.
        foreach (var name in new[] { "CI", "CODEBUILD_BUILD_ID", "GITHUB_ACTIONS", "SLIPWAY_FORCE_BUILD", "SLIPWAY_NO_BUILD" })
            info.Environment.Remove(name);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
            info.Environment[key] = value;
        var process = Process.Start(info)!;
        process.StandardInput.Close();
        return process;
    }

    /// <summary>Sends a POSIX signal to a process.</summary>
    public static void Signal(int pid, int signal)
    {
        if (kill(pid, signal) != 0)
            throw new InvalidOperationException($"kill({pid}, {signal}) failed: {Marshal.GetLastPInvokeError()}");
    }

    /// <summary>Whether a process with this id is alive (a zombie waiting to be reaped counts as gone).</summary>
    public static bool IsAlive(int pid)
    {
        if (kill(pid, 0) != 0)
            return false;
        var stat = $"/proc/{pid}/stat";
        return !File.Exists(stat) || File.ReadAllText(stat).Split(')').Last().TrimStart().FirstOrDefault() != 'Z';
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "build.sh")) && File.Exists(Path.Combine(directory.FullName, "Slipway.sln")))
                return directory.FullName;
        }

        throw new InvalidOperationException("The repository root (with build.sh and Slipway.sln) was not found above " + AppContext.BaseDirectory);
    }

    private static void CopyDirectory(string source, string destination)
    {
        Directory.CreateDirectory(destination);
        foreach (var file in Directory.GetFiles(source))
            File.Copy(file, Path.Combine(destination, Path.GetFileName(file)));
        foreach (var directory in Directory.GetDirectories(source))
        {
            var name = Path.GetFileName(directory);
            if (name is "bin" or "obj")
                continue;
            CopyDirectory(directory, Path.Combine(destination, name));
        }
    }
}

/// <summary>One sample repository per test class, built once by its first run.</summary>
public sealed class SampleRepositoryFixture : IDisposable
{
    public SampleRepository Repository { get; } = new();

    public void Dispose() => Repository.Dispose();
}
