using System.Diagnostics;

namespace Slipway.Versioning.Oracle.Tests.Tools;

/// <summary>Runs the real GitVersion 6.8.2 (<c>dotnet gitversion.dll PATH /output json /nocache</c>, no shell) on a repository.</summary>
public static class GitVersionOracle
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    // GitVersion reads build-server variables (CI, GITHUB_REF, CODEBUILD_*, ...) and would take the CI's branch instead of the
    // test repository's: it gets only what dotnet itself needs.
    private static readonly string[] KeptVariables = ["PATH", "HOME", "TMPDIR", "LANG", "DOTNET_ROOT", "DOTNET_CLI_HOME", "NUGET_PACKAGES"];

    /// <summary>GitVersion's variables for HEAD of <paramref name="repository"/>, or the error it stopped with.</summary>
    public static async Task<VersionOutput> RunAsync(string repository, CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { OracleSettings.GitVersionDll, repository, "/output", "json", "/nocache" })
            start.ArgumentList.Add(argument);
        start.Environment.Clear();
        foreach (var name in KeptVariables)
        {
            if (Environment.GetEnvironmentVariable(name) is { } value)
                start.Environment[name] = value;
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";

        using var process = Process.Start(start) ?? throw new InvalidOperationException("'dotnet' could not be started to run GitVersion.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"GitVersion did not finish within {Timeout.TotalSeconds} s on '{repository}'.");
        }

        var output = await stdout;
        var errors = await stderr;
        if (process.ExitCode != 0 || !output.TrimStart().StartsWith('{'))
        {
            var message = string.Join(" ", (output + "\n" + errors).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Where(x => x.Contains("ERROR", StringComparison.OrdinalIgnoreCase) || x.Contains("Exception", StringComparison.Ordinal)).Take(2));
            return VersionOutput.Failed($"GitVersion exited {process.ExitCode}: {(message.Length > 0 ? message : output.Trim())}");
        }

        return VersionOutput.FromJson(output);
    }
}
