using Slipway.Aws.Ecr;

namespace Slipway.EcsDeploy.Environments;

/// <summary>The environments file of a service repository (<c>deploy/environments.json</c>): a <c>defaults</c> section every environment inherits, and the environments by name.</summary>
public sealed partial class EnvironmentsFile
{
    /// <summary>Where the file is looked for, relative to the service repository.</summary>
    public const string DefaultPath = "deploy/environments.json";

    /// <summary>Where its schema is written, next to it; the file's <c>"$schema": "./environments.schema.json"</c> points editors at it.</summary>
    public const string DefaultSchemaPath = "deploy/environments.schema.json";

    private readonly IReadOnlyDictionary<string, TextPosition> _positions;
    private readonly string _repositoryFolderName;

    private EnvironmentsFile(string displayPath, string folder, string repositoryFolderName, EnvironmentsFileContent content, Overrides overrides)
    {
        DisplayPath = displayPath;
        Folder = folder;
        _repositoryFolderName = repositoryFolderName;
        Defaults = content.Defaults;
        Environments = content.Environments;
        _positions = content.EnvironmentPositions;
        _overrides = overrides;
    }

    /// <summary>The file as messages name it: relative to the repository when inside it.</summary>
    public string DisplayPath { get; }

    /// <summary>The folder holding the file, which template paths are relative to.</summary>
    public string Folder { get; }

    /// <summary>The <c>defaults</c> section as written.</summary>
    public EnvironmentSettings Defaults { get; }

    /// <summary>The environments as written, by name.</summary>
    public IReadOnlyDictionary<string, EnvironmentSettings> Environments { get; }

    /// <summary>Reads and checks <paramref name="path"/> (default <see cref="DefaultPath"/>, relative to <paramref name="repository"/>): every mistake in it is reported at once, naming the file, line and key.</summary>
    /// <exception cref="EnvironmentsFileException">The file is missing, is not JSON, or holds wrong or unknown keys or values.</exception>
    public static EnvironmentsFile Load(string repository, string? path = null)
    {
        var root = System.IO.Path.GetFullPath(repository);
        var full = System.IO.Path.GetFullPath(path ?? DefaultPath, root);
        var relative = System.IO.Path.GetRelativePath(root, full);
        var display = (relative.StartsWith("..", StringComparison.Ordinal) || System.IO.Path.IsPathRooted(relative) ? full : relative).Replace('\\', '/');
        if (!File.Exists(full))
        {
            throw new EnvironmentsFileException("", [
                $"{display}: the environments file does not exist in '{root}': create it with the environments the branches deploy to " +
                "(development, staging, production); the example in Slipway.EcsDeploy's Environments/README.md is a start"]);
        }

        var content = new EnvironmentsFileReader(display).Read(File.ReadAllBytes(full));
        var folderName = System.IO.Path.GetFileName(root.TrimEnd(System.IO.Path.DirectorySeparatorChar));
        var file = new EnvironmentsFile(display, System.IO.Path.GetDirectoryName(full)!, folderName, content, Overrides.None);
        file.Check();
        return file;
    }

    /// <summary>Writes the JSON schema of the file to <paramref name="path"/> when its content changed; returns whether it wrote.</summary>
    public static bool WriteSchema(string path) => EnvironmentsSchema.WriteIfChanged(path, EnvironmentsSchema.Render());

    /// <summary>The environment <paramref name="name"/> with defaults and overrides applied, its values checked.</summary>
    /// <exception cref="EnvironmentsFileException">The file has no such environment.</exception>
    public DeploymentEnvironment Get(string name) => Require(name, EnvironmentNeeds.None);

    /// <summary>
    /// The environment <paramref name="name"/>, after checking it has every value in <paramref name="needs"/> (what the planned targets need):
    /// all missing values are reported in one error naming the file, the environment, each key and what to add.
    /// </summary>
    /// <param name="name">The environment, e.g. <see cref="EnvironmentNames.Staging"/>.</param>
    /// <param name="needs">The values that must be there.</param>
    /// <param name="neededFor">Who needs them, for the message (e.g. "the targets Deploy, RegisterTaskDef").</param>
    /// <exception cref="EnvironmentsFileException">The environment is not in the file, or values are missing or wrong.</exception>
    public DeploymentEnvironment Require(string name, EnvironmentNeeds needs, string? neededFor = null)
    {
        if (!Environments.ContainsKey(name))
        {
            var known = Environments.Count == 0 ? "it has none" : $"it has {string.Join(", ", Environments.Keys.Select(x => $"'{x}'"))}";
            throw new EnvironmentsFileException("", [
                $"{DisplayPath}: environment '{name}' is not in the file ({known}).{KeySuggestion.DidYouMean(name, Environments.Keys)} " +
                $"Add \"{name}\": {{ ... }} to \"environments\""]);
        }

        var (environment, origins) = Resolve(name);
        var problems = ValueProblems(environment, origins).Concat(Missing(environment, origins, needs)).ToList();
        if (problems.Count == 0)
            return environment;
        var who = neededFor is null ? "" : $" for {neededFor}";
        throw new EnvironmentsFileException($"{DisplayPath}: environment '{name}' is not ready{who}:", problems);
    }

    // Every environment's values are checked when the file is read, so a mistake in production's section shows on a feature branch already.
    private void Check()
    {
        var problems = Environments.Keys.SelectMany(name => { var (environment, origins) = Resolve(name); return ValueProblems(environment, origins); }).Distinct().ToList();
        if (problems.Count > 0)
            throw new EnvironmentsFileException(problems.Count == 1 ? "" : $"{DisplayPath} has {problems.Count} problems:", problems);
    }

    private IEnumerable<string> ValueProblems(DeploymentEnvironment environment, IReadOnlyDictionary<string, string> origins) =>
        EnvironmentValues.Problems(environment).Select(x => $"{origins[x.Key]}: {x.Problem}");

    private IEnumerable<string> Missing(DeploymentEnvironment environment, IReadOnlyDictionary<string, string> origins, EnvironmentNeeds needs)
    {
        var name = environment.Name;
        var at = _positions[name];
        foreach (var key in EnvironmentKeys.All.Where(x => x.Need != EnvironmentNeeds.None && needs.HasFlag(x.Need)))
        {
            // The local platform has one registry per account and its own region: nothing to write for them.
            if (environment.Platform == DeploymentPlatform.Local && key.Need is EnvironmentNeeds.Registry or EnvironmentNeeds.Region)
                continue;
            var value = Value(environment, key.Need);
            if (value is null || value is IReadOnlyList<string> { Count: 0 })
            {
                yield return $"{DisplayPath}({at.Line},{at.Column}): '{name}.{key.Name}' is missing: {key.Description} " +
                    $"Add \"{key.Name}\" to \"{name}\" (or to \"defaults\" for every environment), or pass '{name}.{key.Name}=...' as an override.";
            }
            else if (key.Need == EnvironmentNeeds.TaskDefinitionTemplate && !File.Exists(environment.TaskDefinitionTemplate))
            {
                var written = System.IO.Path.GetRelativePath(Folder, environment.TaskDefinitionTemplate!).Replace('\\', '/');
                yield return $"{origins[key.Name]}: '{written}' does not exist (the path is relative to {DisplayPath}'s folder): " +
                    "write the template there, or correct the path.";
            }
        }
    }

    private static object? Value(DeploymentEnvironment environment, EnvironmentNeeds need) => need switch
    {
        EnvironmentNeeds.Account => environment.Account,
        EnvironmentNeeds.RoleArn => environment.RoleArn,
        EnvironmentNeeds.Region => environment.Region,
        EnvironmentNeeds.Registry => environment.Registry,
        EnvironmentNeeds.Repository => environment.Repository,
        EnvironmentNeeds.Cluster => environment.Cluster,
        EnvironmentNeeds.Service => environment.Service,
        EnvironmentNeeds.Containers => environment.Containers,
        EnvironmentNeeds.TaskDefinitionTemplate => environment.TaskDefinitionTemplate,
        _ => throw new ArgumentOutOfRangeException(nameof(need), need, "not a single value"),
    };

    // Later layers win: computed defaults, "defaults", the environment's section, overrides of every environment, overrides of this one.
    private (DeploymentEnvironment Environment, IReadOnlyDictionary<string, string> Origins) Resolve(string name)
    {
        var layers = new[] { Defaults, Environments[name], _overrides.Every, _overrides.For(name) };
        var merged = new EnvironmentSettings();
        var origins = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var layer in layers)
        {
            foreach (var key in EnvironmentKeys.All.Where(x => x.Get(layer) is not null))
            {
                merged = key.Set(merged, key.Get(layer));
                origins[key.Name] = layer.Origins[key.Name];
            }
        }

        var platform = merged.Platform ?? DeploymentPlatform.Aws;
        var repository = merged.Repository;
        if (repository is null)
        {
            repository = EcrRepositoryName.FromFolder(_repositoryFolderName);
            origins["repository"] = $"{DisplayPath}: 'repository' (by default the repository folder's name '{_repositoryFolderName}')";
        }

        var registry = merged.Registry;
        if (registry is null && platform == DeploymentPlatform.Aws && merged.Account is { } account && merged.Region is { } region)
            registry = $"{account}.dkr.ecr.{region}.amazonaws.com";
        var template = merged.TaskDefinitionTemplate is { } written ? System.IO.Path.GetFullPath(written, Folder) : null;
        var serviceDefinition = merged.ServiceDefinition is { } service ? System.IO.Path.GetFullPath(service, Folder) : null;
        var environment = new DeploymentEnvironment(name, platform, merged.Account, merged.RoleArn, merged.Region, registry, repository,
            merged.Cluster, merged.Service, merged.Containers ?? [], template, serviceDefinition);
        return (environment, origins);
    }
}
