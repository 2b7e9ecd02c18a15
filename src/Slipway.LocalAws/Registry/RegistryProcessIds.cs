using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Slipway.LocalAws.Registry;

/// <summary>Finds registry processes by their command line (<c>docker-registry serve {config}</c>) in /proc, so a registry left behind by a killed platform can be found and stopped. Linux only; elsewhere nothing is found.</summary>
internal static class RegistryProcessIds
{
    /// <summary>The ids of the processes serving <paramref name="configPath"/>.</summary>
    public static IReadOnlyList<int> Find(string configPath)
    {
        if (!Directory.Exists("/proc"))
            return [];
        var found = new List<int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && Serves(pid, configPath))
                found.Add(pid);
        }

        return found;
    }

    /// <summary>Whether process <paramref name="pid"/> is alive and serving <paramref name="configPath"/>.</summary>
    public static bool Serves(int pid, string configPath)
    {
        try
        {
            // A zombie, killed but not yet reaped, has an empty command line and so never matches.
            var arguments = File.ReadAllText($"/proc/{pid}/cmdline", Encoding.UTF8).Split('\0', StringSplitOptions.RemoveEmptyEntries);
            return arguments is [_, "serve", var config] && config == configPath;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Kills every process serving <paramref name="configPath"/> and waits until they are gone.</summary>
    public static void KillAll(string configPath)
    {
        foreach (var pid in Find(configPath))
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                process.Kill();
                process.WaitForExit(TimeSpan.FromSeconds(5));
            }
            catch (Exception exception) when (exception is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                // It exited on its own meanwhile.
            }
        }
    }
}
