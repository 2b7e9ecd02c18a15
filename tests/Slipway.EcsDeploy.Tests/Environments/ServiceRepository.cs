namespace Slipway.EcsDeploy.Tests.Environments;

/// <summary>A temporary service repository folder (named as a team's would be) holding an environments file.</summary>
internal sealed class ServiceRepository : IDisposable
{
    private readonly string _parent = Path.Combine(Path.GetTempPath(), "slipway-environments-" + Guid.NewGuid().ToString("N"));

    public ServiceRepository(string name = "Orders_Service")
    {
        Root = Path.Combine(_parent, name);
        Directory.CreateDirectory(Path.Combine(Root, "deploy"));
    }

    public string Root { get; }

    /// <summary>Writes <paramref name="content"/> to <paramref name="path"/> in the repository.</summary>
    public ServiceRepository Write(string path, string content)
    {
        var full = Path.Combine(Root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return this;
    }

    /// <summary>Writes the environments file at its default place.</summary>
    public ServiceRepository Environments(string content) => Write("deploy/environments.json", content);

    public Slipway.EcsDeploy.Environments.EnvironmentsFile Load() => Slipway.EcsDeploy.Environments.EnvironmentsFile.Load(Root);

    /// <summary>The example files shipped beside the loader, found from the test's output folder.</summary>
    public static string Example(string name)
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "src", "Slipway.EcsDeploy", "Environments", name);
            if (File.Exists(candidate))
                return File.ReadAllText(candidate);
        }

        throw new FileNotFoundException($"'{name}' not found above '{AppContext.BaseDirectory}'");
    }

    public void Dispose() => Directory.Delete(_parent, recursive: true);
}
