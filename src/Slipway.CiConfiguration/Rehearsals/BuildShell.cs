using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Slipway.CiConfiguration.Rehearsals;

/// <summary>
/// One bash process that runs a build's commands one at a time, as CodeBuild's buildspec 0.2 does: every command of every phase in the
/// same shell instance, so variables, functions and the working directory persist. Each command is sent over a private pipe (fd 3),
/// run with <c>eval</c>, and followed by a marker carrying its exit code; the commands' own standard input is /dev/null.
/// </summary>
/// <remarks>
/// Standard error is merged into standard output, as in CodeBuild's log, so lines keep their order. A command that ends the shell
/// (<c>exit</c>, or a failure under <c>set -e</c>) fails with the shell's exit code and every later command fails the same way.
/// </remarks>
internal sealed class BuildShell : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _marker = "__slipway_rehearsal_" + Guid.NewGuid().ToString("N");
    private readonly Action<string> _line;
    private bool _ended;

    private BuildShell(Process process, Action<string> line)
    {
        _process = process;
        _line = line;
    }

    /// <summary>Starts bash in <paramref name="workingDirectory"/> with exactly <paramref name="environment"/>; each output line goes to <paramref name="line"/>.</summary>
    public static BuildShell Start(string workingDirectory, IReadOnlyDictionary<string, string> environment, Action<string> line)
    {
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        var info = new ProcessStartInfo("bash")
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = utf8,
            StandardOutputEncoding = utf8,
            StandardErrorEncoding = utf8,
        };
        info.ArgumentList.Add("--noprofile");
        info.ArgumentList.Add("--norc");
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(Driver);
        info.Environment.Clear();
        foreach (var (name, value) in environment)
            info.Environment[name] = value;
        var process = new Process { StartInfo = info };
        try
        {
            process.Start();
        }
        catch (Win32Exception exception)
        {
            throw new BuildspecException($"Could not start 'bash' for the rehearsal: {exception.Message}. CodeBuild's Linux images run commands in bash; install it.", exception);
        }

        var shell = new BuildShell(process, line);
        // Nothing should reach standard error after the driver's own redirection; whatever does is still shown.
        _ = Task.Run(async () =>
        {
            while (await process.StandardError.ReadLineAsync().ConfigureAwait(false) is { } text)
                line(text);
        });
        return shell;
    }

    // Reads NUL-terminated commands from fd 3 and answers each with "MARKER STATUS" on a line of its own.
    private const string Driver = """
        exec 3<&0 0</dev/null 2>&1
        while IFS= read -r -d '' __slipway_command <&3; do
          __slipway_marker=${__slipway_command%%$'\n'*}
          __slipway_command=${__slipway_command#*$'\n'}
          eval "$__slipway_command"
          __slipway_status=$?
          printf '\n%s %d\n' "$__slipway_marker" "$__slipway_status"
        done
        """;

    /// <summary>Runs one command in the shell; returns its exit code. Its output lines go to the line sink unless <paramref name="capture"/> is given.</summary>
    public async Task<int> RunAsync(string command, CancellationToken cancellationToken, List<string>? capture = null)
    {
        if (_ended)
            return _process.ExitCode;
        using var kill = cancellationToken.Register(Kill);
        try
        {
            await _process.StandardInput.WriteAsync($"{_marker}\n{command}\0").ConfigureAwait(false);
            await _process.StandardInput.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException)
        {
            // The shell has ended; its exit code is the command's, read below.
        }

        string? pending = null;
        while (await _process.StandardOutput.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } text)
        {
            // The driver prints a line break before the marker, so output without a final newline keeps its text.
            if (text.StartsWith(_marker + " ", StringComparison.Ordinal))
            {
                if (!string.IsNullOrEmpty(pending))
                    Emit(pending, capture);
                return int.Parse(text.AsSpan(_marker.Length + 1), System.Globalization.CultureInfo.InvariantCulture);
            }

            if (pending is not null)
                Emit(pending, capture);
            pending = text;
        }

        if (!string.IsNullOrEmpty(pending))
            Emit(pending, capture);
        cancellationToken.ThrowIfCancellationRequested();
        await _process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        _ended = true;
        return _process.ExitCode == 0 ? 1 : _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            _process.StandardInput.Close();
        }
        catch (IOException)
        {
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Kill();
        }

        _process.Dispose();
    }

    private void Emit(string text, List<string>? capture)
    {
        if (capture is null)
            _line(text);
        else
            capture.Add(text);
    }

    private void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (Exception exception) when (exception is InvalidOperationException or Win32Exception)
        {
            // Already gone.
        }
    }
}
