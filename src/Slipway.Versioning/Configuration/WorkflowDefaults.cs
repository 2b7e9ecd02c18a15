using System.Collections.Concurrent;

namespace Slipway.Versioning.Configuration;

/// <summary>GitVersion's built-in workflows (<c>workflow:</c>), embedded as the YAML GitVersion itself ships.</summary>
internal static class WorkflowDefaults
{
    public const string GitFlow = "GitFlow/v1";

    /// <summary>The workflows <c>workflow:</c> may name; an empty string starts from no defaults at all.</summary>
    public static readonly IReadOnlyList<string> Names = [GitFlow, "GitHubFlow/v1", "TrunkBased/preview1"];

    private static readonly ConcurrentDictionary<string, ConfigMap> Cache = new();

    /// <summary>The defaults tree of a known workflow (<see cref="Names"/>), or an empty tree for <c>''</c>.</summary>
    public static ConfigMap Tree(string workflow) =>
        workflow.Length == 0 ? ConfigMap.Empty("no workflow") : Cache.GetOrAdd(workflow, Read);

    private static ConfigMap Read(string workflow)
    {
        // GitFlow/v1 is the resource Slipway.Versioning.Configuration.Workflows.GitFlow.v1.yml (GitVersion's own naming).
        var resource = $"{typeof(WorkflowDefaults).Namespace}.Workflows.{workflow.Replace('/', '.')}.yml";
        using var stream = typeof(WorkflowDefaults).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The built-in workflow resource '{resource}' is missing from {typeof(WorkflowDefaults).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return YamlTreeReader.Read(reader.ReadToEnd(), $"{workflow} defaults");
    }
}
