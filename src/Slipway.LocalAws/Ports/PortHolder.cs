using System.Globalization;

namespace Slipway.LocalAws.Ports;

/// <summary>Finds which process holds a TCP port, for failure messages: /proc/net/tcp{,6} gives the socket's inode, /proc/{pid}/fd the process that has it open.</summary>
internal static class PortHolder
{
    /// <summary>Says who holds <paramref name="port"/>: "process 1234 (command line)", or why that cannot be told.</summary>
    public static string Describe(int port)
    {
        if (!OperatingSystem.IsLinux())
            return "which process holds it cannot be told on this operating system";
        var inodes = SocketInodes(port);
        if (inodes.Count == 0)
            return "no socket on that port is listed in /proc/net/tcp (it may be held in another network namespace)";
        var holders = Processes(inodes).ToList();
        if (holders.Count == 0)
            return "no process found that holds it (it may belong to another user, or run in a container)";
        return string.Join("; ", holders.Select(pid => $"process {pid} ({CommandLine(pid)})"));
    }

    /// <summary>The inodes of the sockets whose local port is <paramref name="port"/>, listeners first.</summary>
    private static List<string> SocketInodes(int port)
    {
        var suffix = ":" + port.ToString("X4", CultureInfo.InvariantCulture);
        var sockets = new List<(bool Listening, string Inode)>();
        foreach (var table in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
        {
            if (!File.Exists(table))
                continue;
            foreach (var line in File.ReadLines(table).Skip(1))
            {
                // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length > 9 && fields[1].EndsWith(suffix, StringComparison.Ordinal) && fields[9] != "0")
                    sockets.Add((fields[3] == "0A", fields[9]));
            }
        }

        return sockets.OrderByDescending(socket => socket.Listening).Select(socket => socket.Inode).Distinct().ToList();
    }

    private static IEnumerable<int> Processes(List<string> inodes)
    {
        var links = inodes.Select(inode => $"socket:[{inode}]").ToHashSet();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
                continue;
            if (HoldsAny(Path.Combine(directory, "fd"), links))
                yield return pid;
        }
    }

    private static bool HoldsAny(string fdDirectory, HashSet<string> links)
    {
        try
        {
            return Directory.EnumerateFileSystemEntries(fdDirectory).Any(fd => new FileInfo(fd).LinkTarget is { } target && links.Contains(target));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false; // the process ended, or is not ours to look at
        }
    }

    private static string CommandLine(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim();
            return text.Length == 0 ? "command line not readable" : text;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return "command line not readable";
        }
    }
}
