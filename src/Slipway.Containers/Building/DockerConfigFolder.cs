namespace Slipway.Containers.Building;

/// <summary>A private <c>DOCKER_CONFIG</c> folder for registry logins, readable only by the user and deleted with everything in it on dispose.</summary>
/// <remarks>Logins stay out of the user's own <c>~/.docker/config.json</c>, and no token outlives the build that fetched it.</remarks>
public sealed class DockerConfigFolder : IAsyncDisposable, IDisposable
{
    /// <summary>Creates an empty folder under <paramref name="parent"/>, or under the system temporary folder when null.</summary>
    public DockerConfigFolder(string? parent = null)
    {
        if (parent is null)
        {
            Path = Directory.CreateTempSubdirectory("slipway-docker-config-").FullName;
        }
        else
        {
            Directory.CreateDirectory(parent);
            Path = Directory.CreateDirectory(System.IO.Path.Combine(parent, $"docker-config-{Guid.NewGuid():N}")).FullName;
        }

        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        File.WriteAllText(System.IO.Path.Combine(Path, OwnerFile), Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    const string OwnerFile = "slipway-owner.pid";

    /// <summary>Deletes the folders under <paramref name="parent"/> whose owning process has ended without removing them (a killed build); returns how many.</summary>
    public static int RemoveAbandoned(string parent)
    {
        if (!Directory.Exists(parent))
            return 0;
        var removed = 0;
        foreach (var folder in Directory.EnumerateDirectories(parent, "docker-config-*"))
        {
            var owner = System.IO.Path.Combine(folder, OwnerFile);
            if (File.Exists(owner) && int.TryParse(File.ReadAllText(owner), out var pid) && IsRunning(pid))
                continue;
            try
            {
                Directory.Delete(folder, recursive: true);
                removed++;
            }
            catch (IOException)
            {
                // Another build is removing it at the same moment.
            }
        }
        return removed;
    }

    static bool IsRunning(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>The folder's full path, to pass as <c>DOCKER_CONFIG</c>.</summary>
    public string Path { get; }

    /// <summary>Deletes the folder and the logins in it.</summary>
    public void Dispose()
    {
        if (Directory.Exists(Path))
            Directory.Delete(Path, recursive: true);
    }

    /// <summary>Deletes the folder and the logins in it.</summary>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
