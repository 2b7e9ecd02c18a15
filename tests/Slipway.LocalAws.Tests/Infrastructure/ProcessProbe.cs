namespace Slipway.LocalAws.Tests.Infrastructure;

/// <summary>Looks at processes by id through /proc, to prove that nothing was left running.</summary>
public static class ProcessProbe
{
    /// <summary>Whether <paramref name="pid"/> is a live process running <paramref name="executableName"/> (zombies have an empty command line and do not count).</summary>
    public static bool IsRunning(int pid, string executableName)
    {
        try
        {
            var arguments = File.ReadAllText($"/proc/{pid}/cmdline").Split('\0', StringSplitOptions.RemoveEmptyEntries);
            return arguments.Length > 0 && Path.GetFileName(arguments[0]) == executableName;
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>Waits up to <paramref name="timeout"/> for <paramref name="pid"/> to stop running <paramref name="executableName"/>.</summary>
    public static async Task<bool> WaitUntilGoneAsync(int pid, string executableName, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (IsRunning(pid, executableName))
        {
            if (DateTime.UtcNow > deadline)
                return false;
            await Task.Delay(50);
        }

        return true;
    }
}
