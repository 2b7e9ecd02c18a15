namespace Slipway.Tooling.Tests;

/// <summary>Invocations of the POSIX tools the tests drive.</summary>
internal static class Tools
{
    /// <summary>Runs <paramref name="script"/> in <c>/bin/sh</c>, with <paramref name="arguments"/> as <c>$1</c>, <c>$2</c>, ...</summary>
    public static ToolInvocation Sh(string script, params string[] arguments) =>
        new("/bin/sh", ["-c", script, "sh", .. arguments]) { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>A secret unique to one test, so parallel tests sharing <see cref="SecretMasker.Global"/> cannot interfere.</summary>
    public static string NewSecret() => "s3cret-" + Guid.NewGuid().ToString("N");

    /// <summary>Whether process <paramref name="pid"/> is still running; a zombie awaiting its reaper counts as gone.</summary>
    public static bool IsRunning(int pid)
    {
        try
        {
            // /proc/<pid>/stat is "pid (comm) S ...", where S is the state; comm may contain spaces, so read after the last ')'.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var state = stat[(stat.LastIndexOf(')') + 2)..][0];
            return state is not ('Z' or 'X');
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException or IOException)
        {
            return false;
        }
    }

    /// <summary>Waits up to <paramref name="timeout"/> for process <paramref name="pid"/> to end; true when it did.</summary>
    public static async Task<bool> WaitUntilGoneAsync(int pid, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (IsRunning(pid))
        {
            if (DateTime.UtcNow > deadline)
                return false;
            await Task.Delay(25);
        }

        return true;
    }

    /// <summary>Reads the pid a script wrote to <paramref name="path"/>, waiting briefly for the write.</summary>
    public static async Task<int> ReadPidAsync(string path)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (File.Exists(path) && int.TryParse(File.ReadAllText(path).Trim(), out var pid))
                return pid;
            await Task.Delay(20);
        }

        throw new InvalidOperationException($"No pid was written to '{path}'.");
    }

    /// <summary>Kills process <paramref name="pid"/> if it still runs, so a failing test leaves nothing behind.</summary>
    public static void KillQuietly(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            process.Kill();
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Already gone.
        }
    }
}
