namespace Slipway.Versioning.Configuration;

/// <summary>Reads a repository's <c>GitVersion.yml</c> the way GitVersion 6 does: deep-merged onto the built-in workflow it names (GitFlow/v1 by default).</summary>
public static class ConfigurationLoader
{
    /// <summary>The workflow used when the file names none, or there is no file.</summary>
    public const string DefaultWorkflow = WorkflowDefaults.GitFlow;

    /// <summary>The configuration file names, in the order they are looked for in each folder (letter case is ignored, as GitVersion does).</summary>
    public static IReadOnlyList<string> FileNames { get; } = ["GitVersion.yml", "GitVersion.yaml", ".GitVersion.yml", ".GitVersion.yaml"];

    /// <summary>The built-in workflows <c>workflow:</c> may name (an empty string starts from no defaults).</summary>
    public static IReadOnlyList<string> Workflows => WorkflowDefaults.Names;

    /// <summary>
    /// The configuration for a repository. The file is looked up as each of <see cref="FileNames"/> in
    /// <paramref name="workingDirectory"/>, then in <paramref name="repositoryRoot"/>; the first found wins (when both folders
    /// have one, the working directory's is used and a warning says so: GitVersion stops there with "Ambiguous configuration
    /// file selection"). Without a file, or without a <c>workflow:</c> key, the defaults are GitFlow/v1.
    /// <paramref name="overrideYaml"/> (GitVersion's <c>/overrideconfig</c>) is merged last, over the file.
    /// </summary>
    /// <exception cref="ConfigurationException">The file is not valid YAML, names an unknown workflow, or has invalid values.</exception>
    public static GitVersionConfiguration Load(string workingDirectory, string repositoryRoot, string? overrideYaml = null)
    {
        var inWorkingDirectory = FindFile(workingDirectory);
        var inRepositoryRoot = FindFile(repositoryRoot);
        var path = inWorkingDirectory ?? inRepositoryRoot;

        var layers = new List<ConfigMap>();
        if (path is not null)
            layers.Add(YamlTreeReader.Read(File.ReadAllText(path), path));
        if (overrideYaml is not null)
            layers.Add(YamlTreeReader.Read(overrideYaml, "override configuration"));

        var warnings = new List<string>();
        if (inWorkingDirectory is not null && inRepositoryRoot is not null && !SameFile(inWorkingDirectory, inRepositoryRoot))
        {
            warnings.Add($"Both '{inWorkingDirectory}' and '{inRepositoryRoot}' exist; using '{inWorkingDirectory}' (the working directory's). " +
                         "GitVersion refuses such an ambiguous selection: delete one of them.");
        }

        return Build(layers, path, warnings);
    }

    /// <summary>The configuration from YAML text; <paramref name="sourceName"/> (a file name) is what messages name.</summary>
    /// <exception cref="ConfigurationException">The text is not valid YAML, names an unknown workflow, or has invalid values.</exception>
    public static GitVersionConfiguration Parse(string yaml, string sourceName) =>
        Build([YamlTreeReader.Read(yaml, sourceName)], sourceName, []);

    /// <summary>The built-in defaults of a workflow (<see cref="Workflows"/>), as if <c>GitVersion.yml</c> said only <c>workflow: NAME</c>.</summary>
    /// <exception cref="ConfigurationException">The workflow is not one of <see cref="Workflows"/>.</exception>
    public static GitVersionConfiguration Defaults(string workflow = DefaultWorkflow)
    {
        if (workflow.Length > 0 && !WorkflowDefaults.Names.Contains(workflow))
            throw new ConfigurationException(UnknownWorkflow(workflow, ""));
        return ConfigurationBinder.Bind(WorkflowDefaults.Tree(workflow), new Provenance(workflow, null, [], []));
    }

    /// <summary>The configuration file in <paramref name="directory"/> (the first of <see cref="FileNames"/> present), or null.</summary>
    public static string? FindFile(string directory)
    {
        if (!Directory.Exists(directory))
            return null;
        var files = Directory.GetFiles(directory);
        return FileNames
            .Select(name => files.FirstOrDefault(file => string.Equals(Path.GetFileName(file), name, StringComparison.OrdinalIgnoreCase)))
            .FirstOrDefault(file => file is not null);
    }

    private static GitVersionConfiguration Build(IReadOnlyList<ConfigMap> layers, string? sourceFile, List<string> warnings)
    {
        var workflow = DefaultWorkflow;
        var notes = new List<string>();
        foreach (var layer in layers)
        {
            if (layer.Entry("workflow") is { } entry)
                workflow = WorkflowOf(entry) ?? workflow;
            UnknownKeys.Check(layer, warnings, notes);
        }

        var merged = layers.Aggregate(WorkflowDefaults.Tree(workflow), ConfigurationMerge.Merge);
        return ConfigurationBinder.Bind(merged, new Provenance(workflow, sourceFile, warnings, notes));
    }

    // `workflow: ~` leaves the choice to the defaults; '' is GitVersion's "no base workflow".
    private static string? WorkflowOf(ConfigEntry entry) => entry.Value switch
    {
        ConfigScalar { Value: null } => null,
        ConfigScalar { Value: { } name } when name.Length == 0 || WorkflowDefaults.Names.Contains(name) => name,
        ConfigScalar { Value: { } name } => throw new ConfigurationException(UnknownWorkflow(name, $"{entry.Value.Location}: ")),
        var other => throw new ConfigurationException(
            $"{other.Location}: 'workflow' is {other.Describe()}; use one of {string.Join(", ", WorkflowDefaults.Names)}."),
    };

    private static string UnknownWorkflow(string name, string where) =>
        $"{where}Unknown workflow '{name}'. Use one of {string.Join(", ", WorkflowDefaults.Names)} " +
        $"(or '' for no built-in defaults), or remove 'workflow:' for {DefaultWorkflow}.{KeySuggestion.DidYouMean(name, WorkflowDefaults.Names)}";

    private static bool SameFile(string one, string other) =>
        string.Equals(Path.GetFullPath(one), Path.GetFullPath(other), StringComparison.Ordinal);
}
