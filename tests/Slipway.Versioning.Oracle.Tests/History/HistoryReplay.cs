using System.Diagnostics;
using System.Globalization;

namespace Slipway.Versioning.Oracle.Tests.History;

/// <summary>
/// Plays history steps with the real git in a folder. Every step gets the next date of a clock (one minute a step from
/// a fixed start) and fixed names, so a step list gives the same shas on every machine. A step git refuses (a branch
/// a shrunk history no longer has) is skipped and reported, so any subset of a history can be played.
/// </summary>
public sealed class HistoryReplay : IDisposable
{
    private static readonly DateTimeOffset Epoch = new(2024, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly string Root = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "slipway-oracle");
    private int _ticks;

    /// <summary>Creates an empty repository whose first branch is main.</summary>
    public HistoryReplay()
    {
        Path = System.IO.Path.Combine(Root, Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path);
        if (Run(["init", "-q", "-b", "main"]) is { } failure)
            throw new InvalidOperationException(failure);
    }

    /// <summary>The work tree.</summary>
    public string Path { get; }

    /// <summary>Plays one step; returns git's message when git refused it (the repository is then unchanged by it), else null.</summary>
    public string? Play(HistoryStep step)
    {
        if (step.Configuration is null)
            return Run(step.GitArguments);
        File.WriteAllText(System.IO.Path.Combine(Path, "GitVersion.yml"), step.Configuration);
        return Run(["add", "GitVersion.yml"]) ?? Run(["commit", "-q", "-m", "Add GitVersion.yml"]);
    }

    /// <summary>The output of a read-only git command (trimmed).</summary>
    public string Read(params string[] arguments)
    {
        var (exitCode, output) = Git(arguments);
        return exitCode == 0 ? output.Trim() : "";
    }

    /// <summary>Deletes the folder.</summary>
    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder left behind is harmless.
        }
    }

    private string? Run(IReadOnlyList<string> arguments)
    {
        _ticks++;
        var (exitCode, output) = Git(arguments);
        return exitCode == 0 ? null : $"git {string.Join(" ", arguments)} exited {exitCode}: {output.Trim()}";
    }

    private (int ExitCode, string Output) Git(IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = Path, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        var date = Epoch.AddMinutes(_ticks).ToString("yyyy-MM-dd'T'HH:mm:ss'+0000'", CultureInfo.InvariantCulture);
        start.Environment["GIT_AUTHOR_DATE"] = date;
        start.Environment["GIT_COMMITTER_DATE"] = date;
        start.Environment["GIT_AUTHOR_NAME"] = "Oracle Test";
        start.Environment["GIT_AUTHOR_EMAIL"] = "oracle@slipway.invalid";
        start.Environment["GIT_COMMITTER_NAME"] = "Oracle Test";
        start.Environment["GIT_COMMITTER_EMAIL"] = "oracle@slipway.invalid";
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        start.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        start.Environment["GIT_MERGE_AUTOEDIT"] = "no";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("'git' could not be started.");
        var stderr = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + stderr.Result);
    }
}
