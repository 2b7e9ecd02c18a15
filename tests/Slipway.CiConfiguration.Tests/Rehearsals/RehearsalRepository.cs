using System.Diagnostics;
using Slipway.CiConfiguration.Rehearsals;

namespace Slipway.CiConfiguration.Tests.Rehearsals;

/// <summary>A temporary git repository made with real git: two commits on <c>main</c>, a third on <c>feature/x</c> holding the buildspec under test.</summary>
public sealed class RehearsalRepository : IDisposable
{
    private readonly string _parent = Directory.CreateTempSubdirectory("slipway-rehearsal-").FullName;

    public RehearsalRepository(string buildspec, IReadOnlyDictionary<string, string>? files = null)
    {
        Root = Path.Combine(_parent, "repo");
        Directory.CreateDirectory(Root);
        Git("init", "-q", "-b", "main");
        File.WriteAllText(Path.Combine(Root, "README.md"), "first\n");
        Commit("First");
        File.AppendAllText(Path.Combine(Root, "README.md"), "second\n");
        Commit("Second");
        Git("checkout", "-q", "-b", "feature/x");
        File.WriteAllText(Path.Combine(Root, "buildspec.yml"), buildspec);
        foreach (var (path, text) in files ?? new Dictionary<string, string>())
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(Root, path))!);
            File.WriteAllText(Path.Combine(Root, path), text);
        }

        Commit("The buildspec");
    }

    public string Root { get; }

    public string Head => Git("rev-parse", "HEAD");

    /// <summary>A request for the feature branch with a fresh output folder.</summary>
    public RehearsalRequest Request(CodeBuildSourceKind kind = CodeBuildSourceKind.Webhook) =>
        new(Root, Path.Combine(_parent, "out-" + Guid.NewGuid().ToString("N")[..8])) { Kind = kind, ImageEnvironment = ImageEnvironment };

    /// <summary>A minimal image environment: PATH and HOME, nothing from the test's own CI.</summary>
    public static IReadOnlyDictionary<string, string> ImageEnvironment { get; } = new Dictionary<string, string>
    {
        ["PATH"] = Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin",
        ["HOME"] = Environment.GetEnvironmentVariable("HOME") ?? "/root",
    };

    /// <summary>Runs git in <paramref name="directory"/> (default: the repository) and returns its trimmed output; fails the test when git fails.</summary>
    public string GitIn(string directory, params string[] arguments)
    {
        var info = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            info.ArgumentList.Add(argument);
        info.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        info.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        info.Environment["GIT_AUTHOR_NAME"] = info.Environment["GIT_COMMITTER_NAME"] = "Slipway Test";
        info.Environment["GIT_AUTHOR_EMAIL"] = info.Environment["GIT_COMMITTER_EMAIL"] = "test@slipway.invalid";
        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"git {string.Join(' ', arguments)} failed: {error.Result}");
        return output.Trim();
    }

    public string Git(params string[] arguments) => GitIn(Root, arguments);

    public void Dispose() => Directory.Delete(_parent, recursive: true);

    private void Commit(string message)
    {
        Git("add", "-A");
        Git("commit", "-q", "-m", message);
    }
}
