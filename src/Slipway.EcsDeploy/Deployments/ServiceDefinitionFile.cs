using System.Text.Json;
using System.Text.Json.Nodes;

namespace Slipway.EcsDeploy.Deployments;

/// <summary>
/// A service definition file: CreateService's request members as JSON (comments and trailing commas allowed) without the members
/// Deploy sets itself, so one file serves every environment.
/// </summary>
public static class ServiceDefinitionFile
{
    /// <summary>The members Deploy sets from the environment and the registered revision; the file must not hold them.</summary>
    public static IReadOnlyList<string> SetByDeploy { get; } = ["cluster", "serviceName", "taskDefinition"];

    /// <summary>Reads and checks <paramref name="path"/>.</summary>
    /// <exception cref="EcsDeployException">The file is missing, is not a JSON object, or holds a member Deploy sets.</exception>
    public static async Task<JsonObject> LoadAsync(string path, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(path))
            throw new EcsDeployException($"Service definition '{path}' does not exist: create it (CreateService's members without {string.Join(", ", SetByDeploy)}) or remove 'serviceDefinition' from the environment.");
        var text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        return Parse(text, path);
    }

    /// <summary>Parses and checks a service definition; <paramref name="path"/> is named in errors.</summary>
    public static JsonObject Parse(string text, string path)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException exception)
        {
            throw new EcsDeployException($"Service definition '{path}' is not valid JSON: {exception.Message}", exception);
        }

        if (node is not JsonObject definition)
            throw new EcsDeployException($"Service definition '{path}' must be a JSON object of CreateService's request members, e.g. {{\"desiredCount\": 1}}.");
        var set = SetByDeploy.Where(definition.ContainsKey).ToList();
        if (set.Count > 0)
            throw new EcsDeployException($"Service definition '{path}' sets {string.Join(", ", set.Select(x => $"'{x}'"))}: Deploy sets these from the environment and the registered revision; remove them from the file.");
        return definition;
    }
}
