namespace Slipway.Tooling;

/// <summary>Finds a tool's executable the way a shell would, so a missing tool fails with a clear message rather than a Win32Exception.</summary>
internal static class ToolLocator
{
    private const UnixFileMode AnyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    /// <summary>The full path of <paramref name="fileName"/>: a path resolved against <paramref name="workingDirectory"/>, or a name searched on <paramref name="path"/>.</summary>
    public static string Resolve(string fileName, string workingDirectory, string? path)
    {
        if (IsPath(fileName))
        {
            var fullPath = Path.GetFullPath(fileName, workingDirectory);
            return IsExecutable(fullPath)
                ? fullPath
                : throw new ToolNotFoundException(fileName, [fullPath], "Check that the file exists and is executable.");
        }

        var directories = (path ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            // Relative entries would make the result depend on the current directory, a classic hijacking hole.
            .Where(Path.IsPathFullyQualified)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        foreach (var directory in directories)
        {
            foreach (var candidate in Candidates(Path.Combine(directory, fileName)))
            {
                if (IsExecutable(candidate))
                    return candidate;
            }
        }

        throw new ToolNotFoundException(fileName, directories, ToolInstallHints.For(fileName));
    }

    private static bool IsPath(string fileName) =>
        fileName.Contains('/') || (OperatingSystem.IsWindows() && (fileName.Contains('\\') || Path.IsPathRooted(fileName)));

    private static IEnumerable<string> Candidates(string path)
    {
        if (!OperatingSystem.IsWindows() || Path.HasExtension(path))
            return [path];

        var extensions = System.Environment.GetEnvironmentVariable("PATHEXT") ?? ".COM;.EXE;.BAT;.CMD";
        return extensions.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(extension => path + extension);
    }

    private static bool IsExecutable(string path) =>
        File.Exists(path) && (OperatingSystem.IsWindows() || (File.GetUnixFileMode(path) & AnyExecute) != 0);
}
