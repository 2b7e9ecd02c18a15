using Slipway.EcsDeploy.Environments;
using Slipway.EcsDeploy.TaskDefinitions;

namespace Slipway.Pipeline.Tests.Sample;

/// <summary>The sample service in this repository (<c>sample/</c>): where it is, copies of it, and its template rendered.</summary>
public static class SampleService
{
    /// <summary>The static busybox the sample's Dockerfile copies from its build context (package busybox-static).</summary>
    public const string Busybox = "/bin/busybox";

    /// <summary>The folder <c>sample/</c> of this checkout, found above the test's output folder.</summary>
    public static string Folder { get; } = FindFolder();

    /// <summary>Copies the sample's committed files to <paramref name="destination"/> (created) and the static busybox its build needs; returns it.</summary>
    public static string CopyTo(string destination)
    {
        foreach (var file in Directory.EnumerateFiles(Folder, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Folder, file);
            if (relative == "busybox")
                continue; // a developer's own copy, ignored by git; the fresh one below is used
            var target = Path.Combine(destination, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        Assert.True(File.Exists(Busybox), $"The sample's image is built from the static busybox at '{Busybox}': apt-get install busybox-static.");
        File.Copy(Busybox, Path.Combine(destination, "busybox"));
        return destination;
    }

    /// <summary>The sample's environments file, as RegisterTaskDef and Deploy load it.</summary>
    public static EnvironmentsFile Environments(string? root = null) => EnvironmentsFile.Load(root ?? Folder);

    /// <summary>The variables RegisterTaskDef gives the template: image by digest, version, commit, environment.</summary>
    public static Dictionary<string, string> Variables(string image, string version, string commit, string environment) => new()
    {
        ["Image"] = image,
        ["Version"] = version,
        ["Commit"] = commit,
        ["Environment"] = environment,
    };

    /// <summary>The template of <paramref name="environment"/> with <paramref name="variables"/>.</summary>
    public static TaskDefinitionTemplateFile Template(DeploymentEnvironment environment, IReadOnlyDictionary<string, string> variables) =>
        new(environment.TaskDefinitionTemplate!, variables);

    private static string FindFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "sample");
            if (File.Exists(Path.Combine(candidate, "Dockerfile")) && File.Exists(Path.Combine(candidate, "deploy", "environments.json")))
                return candidate;
        }

        throw new DirectoryNotFoundException($"The sample service (sample/Dockerfile, sample/deploy/environments.json) was not found above '{AppContext.BaseDirectory}'.");
    }
}
