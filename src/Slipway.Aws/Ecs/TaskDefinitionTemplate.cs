using System.Text.Json;
using System.Text.Json.Nodes;
using Slipway.Aws.Text;

namespace Slipway.Aws.Ecs;

/// <summary>A task definition file written by the user: parsed, and rejected with a clear message when it has keys ECS would not take.</summary>
public static class TaskDefinitionTemplate
{
    /// <summary>Parses a template; <paramref name="source"/> (e.g. the file name) is named in errors.</summary>
    public static TaskDefinition Parse(string json, string source)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            throw new TaskDefinitionTemplateException(
                $"Task definition template '{source}' is not valid JSON: {e.Message}", source, [], [], e);
        }
        if (node is not JsonObject template)
            throw new TaskDefinitionTemplateException(
                $"Task definition template '{source}' must be a JSON object with 'family' and 'containerDefinitions'.", source, [], []);
        Validate(template, source);
        return new TaskDefinition(template);
    }

    /// <summary>Reads and parses a template file.</summary>
    public static async Task<TaskDefinition> LoadAsync(string path, CancellationToken cancellationToken = default) =>
        Parse(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false), path);

    private static void Validate(JsonObject template, string source)
    {
        var keys = template.Select(p => p.Key).ToList();
        var readOnly = keys.Where(k => TaskDefinitionMembers.ReadOnly.Contains(k, StringComparer.Ordinal)).ToList();
        var unknown = keys.Where(k => !TaskDefinitionMembers.IsRequestMember(k) && !readOnly.Contains(k)).ToList();
        var missing = TaskDefinitionMembers.Required.Where(k => !template.ContainsKey(k)).ToList();
        if (readOnly.Count == 0 && unknown.Count == 0 && missing.Count == 0)
            return;
        var problems = new List<string>();
        if (readOnly.Count > 0)
            problems.Add($"read-only keys that ECS sets itself and RegisterTaskDefinition rejects (remove them): {Quote(readOnly)}");
        if (unknown.Count > 0)
            problems.Add($"unknown keys: {string.Join(", ", unknown.Select(Describe))}");
        if (missing.Count > 0)
            problems.Add($"missing required keys: {Quote(missing)}");
        if (template.ContainsKey("taskDefinition"))
            problems.Add("this looks like a DescribeTaskDefinition response: use the object under 'taskDefinition'");
        throw new TaskDefinitionTemplateException(
            $"Task definition template '{source}' cannot be registered: {string.Join("; ", problems)}. " +
            $"Allowed keys are: {Quote(TaskDefinitionMembers.Request)}.", source, readOnly, unknown);
    }

    private static string Describe(string key)
    {
        var suggestion = Suggestions.Closest(key, TaskDefinitionMembers.Request, 2);
        return suggestion is null ? $"'{key}'" : $"'{key}' (did you mean '{suggestion}'?)";
    }

    private static string Quote(IEnumerable<string> keys) => string.Join(", ", keys.Select(k => $"'{k}'"));
}

/// <summary>A task definition template has keys RegisterTaskDefinition does not accept, or lacks required ones.</summary>
public sealed class TaskDefinitionTemplateException : AwsConfigurationException
{
    /// <summary>Creates the exception with the offending keys.</summary>
    public TaskDefinitionTemplateException(string message, string source, IReadOnlyList<string> readOnlyKeys,
        IReadOnlyList<string> unknownKeys, Exception? innerException = null) : base(message, innerException)
    {
        TemplateName = source;
        ReadOnlyKeys = readOnlyKeys;
        UnknownKeys = unknownKeys;
    }

    /// <summary>The template's name or path.</summary>
    public string TemplateName { get; }

    /// <summary>Keys DescribeTaskDefinition returns but RegisterTaskDefinition forbids.</summary>
    public IReadOnlyList<string> ReadOnlyKeys { get; }

    /// <summary>Keys that are no RegisterTaskDefinition member.</summary>
    public IReadOnlyList<string> UnknownKeys { get; }
}
