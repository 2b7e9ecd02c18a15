using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using Slipway.Tooling;

namespace Slipway.Versioning.Git;

/// <summary>Runs the git CLI quietly in one folder, turning a failure into a <see cref="GitException"/> that quotes git's error.</summary>
/// <remarks>
/// Git is started here rather than through <see cref="ToolRunner"/>, which splits, masks and keeps every output line for
/// logs: for the 20,000 lines of the benchmark repository's commit graph that took longer than git itself. Git's output
/// here is parsed, never shown, so it is read as a whole; only the error lines, which messages quote, are masked.
/// </remarks>
internal static class GitCli
{
    private const int QuotedErrorLines = 8;
    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Runs <c>git</c> with <paramref name="arguments"/> in <paramref name="directory"/>; throws <see cref="GitException"/> on a non-zero exit code unless <paramref name="allowFailure"/>.</summary>
    /// <remarks>The result's <see cref="ToolResult.Lines"/> holds git's error lines only.</remarks>
    /// <exception cref="ToolNotFoundException">git is not installed.</exception>
    public static async Task<ToolResult> RunAsync(
        string directory,
        IEnumerable<string> arguments,
        CancellationToken cancellationToken,
        string? standardInput = null,
        bool allowFailure = false)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var invocation = new ToolInvocation("git", arguments) { WorkingDirectory = directory };
        var commandLine = invocation.ToString();
        var stopwatch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = StartInfo(invocation) };
        try
        {
            process.Start();
        }
        catch (Win32Exception)
        {
            // ToolRunner says why a tool does not start (not on PATH, not executable) and how to install it.
            await ToolRunner.RunAsync(invocation with { EchoCommand = false, StreamOutput = false }, ToolOutput.None, cancellationToken)
                .ConfigureAwait(false);
            throw;
        }

        ToolResult result;
        using (cancellationToken.UnsafeRegister(_ => Kill(process), null))
        {
            var output = ReadAllAsync(process.StandardOutput.BaseStream);
            var error = process.StandardError.ReadToEndAsync(CancellationToken.None);
            await WriteInputAsync(process.StandardInput.BaseStream, standardInput).ConfigureAwait(false);
            await Task.WhenAll(output, error).ConfigureAwait(false);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            var errorText = await error.ConfigureAwait(false);
            var errorLines = errorText.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(line => new ToolOutputLine(ToolStream.StandardError, SecretMasker.Global.Mask(line.TrimEnd('\r')), "git"))
                .ToArray();
            result = new ToolResult(process.ExitCode, await output.ConfigureAwait(false), errorText, errorLines, stopwatch.Elapsed, commandLine);
        }

        return result.ExitCode != 0 && !allowFailure ? throw Failure(directory, result) : result;
    }

    /// <summary>The error for a git run that failed: the command, its exit code and its last error lines.</summary>
    public static GitException Failure(string directory, ToolResult result) =>
        new(
            $"'{result.CommandLine}' failed with exit code {result.ExitCode} in '{directory}'.{ErrorText(result)}\n" +
            "Check that the folder is an intact git repository this user can read; run the command there to see the full error.",
            directory, result.CommandLine);

    /// <summary>git's last error lines, masked, each on its own indented line; empty when it printed none.</summary>
    public static string ErrorText(ToolResult result)
    {
        var errors = result.Lines.Where(line => line.Stream == ToolStream.StandardError).Select(line => line.Text).ToList();
        return errors.Count == 0 ? "" : "\n" + string.Join('\n', errors.TakeLast(QuotedErrorLines).Select(line => "  " + line));
    }

    private static ProcessStartInfo StartInfo(ToolInvocation invocation)
    {
        var startInfo = new ProcessStartInfo(invocation.FileName)
        {
            WorkingDirectory = invocation.WorkingDirectory,
            UseShellExecute = false,
            CreateNoWindow = true,
            // Standard input is always redirected, and closed at once when there is nothing to give, so git never waits on a console.
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardErrorEncoding = Utf8,
        };
        foreach (var argument in invocation.Arguments)
            startInfo.ArgumentList.Add(argument);
        // Only reads: never take the index lock (git status would refresh and rewrite the index otherwise).
        startInfo.Environment["GIT_OPTIONAL_LOCKS"] = "0";
        // rev-list flushes its output after every commit when writing to a pipe: one system call per commit, which nearly
        // doubled the time of loading 20,000 commits.
        startInfo.Environment["GIT_FLUSH"] = "0";
        return startInfo;
    }

    // All of standard output in large blocking reads on a thread of its own, decoded once at the end. Asynchronous reads
    // of a pipe hand every chunk (a pipe holds 64 KiB) from the event loop to the thread pool: reading the 2 MB that
    // rev-list prints for the benchmark repository's 20,000 commits took about a quarter longer that way.
    private static Task<string> ReadAllAsync(Stream stream) =>
        Task.Factory.StartNew(
            () =>
            {
                using var buffer = new MemoryStream();
                stream.CopyTo(buffer, 1 << 16);
                return Utf8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);

    // Written as bytes, past the writer's buffer, so closing has nothing left to flush into a pipe git may have closed.
    private static async Task WriteInputAsync(Stream input, string? text)
    {
        await using (input.ConfigureAwait(false))
        {
            if (text is null)
                return;
            try
            {
                await input.WriteAsync(Utf8.GetBytes(text)).ConfigureAwait(false);
            }
            catch (IOException)
            {
                // git exited before reading all of its input; its exit code tells what happened.
            }
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (Exception exception) when (exception is InvalidOperationException or Win32Exception)
        {
            // Already exited.
        }
    }
}
