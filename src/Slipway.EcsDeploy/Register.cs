using System.Text.Json.Nodes;
using Slipway.Aws.Ecs;
using Slipway.EcsDeploy.TaskDefinitions;

namespace Slipway.EcsDeploy;

/// <summary>RegisterTaskDef's options: which service, where the definition comes from, and the tags that trace it to a build.</summary>
public sealed record RegisterRequest
{
    /// <summary>The service whose running definition is the base (no template) and the comparison (always).</summary>
    public required string Service { get; init; }
    /// <summary>Cluster name or ARN; null is "default".</summary>
    public string? Cluster { get; init; }
    /// <summary>A template file, or the running definition, and the images to put in.</summary>
    public required TaskDefinitionSource Source { get; init; }
    /// <summary>The version registered, tagged as "version"; null or empty adds no tag.</summary>
    public string? Version { get; init; }
    /// <summary>The commit registered, tagged as "commit"; null or empty adds no tag.</summary>
    public string? Commit { get; init; }
    /// <summary>Decide and return the definition, but make no mutating call.</summary>
    public bool DryRun { get; init; }
    /// <summary>Fail before registering anything when the cluster or service is missing or the service is not deployed by ECS (CODE_DEPLOY, EXTERNAL): what a deploy after the registration needs.</summary>
    public bool ServiceMustExist { get; init; }
}

/// <summary>What RegisterTaskDef did.</summary>
public enum RegisterOutcome
{
    /// <summary>A new revision was registered.</summary>
    Registered,
    /// <summary>The definition equals the revision the service runs; nothing was registered.</summary>
    Unchanged,
    /// <summary>A dry run: a new revision would have been registered.</summary>
    WouldRegister,
}

/// <summary>RegisterTaskDef's result: the revision to deploy and the definition it holds.</summary>
/// <param name="Outcome">Registered, unchanged or (dry run) would register.</param>
/// <param name="TaskDefinitionArn">The revision to deploy: the new one, or the running one when unchanged; null on a dry run that would register.</param>
/// <param name="Revision">Its revision number.</param>
/// <param name="TaskDefinition">The definition registered, kept, or that would be registered.</param>
public sealed record RegisterResult(RegisterOutcome Outcome, string? TaskDefinitionArn, int? Revision, TaskDefinition TaskDefinition)
{
    /// <summary>One line for a build log, e.g. "unchanged, revision 7".</summary>
    public string Summary => Outcome switch
    {
        RegisterOutcome.Registered => $"registered {TaskDefinition.Family} revision {Revision}",
        RegisterOutcome.Unchanged => $"unchanged, revision {Revision}",
        _ => $"dry run: would register a new revision of {TaskDefinition.Family}",
    };
}

/// <summary>RegisterTaskDef: a new task definition revision, unless it equals the one the service runs.</summary>
public static class TaskDefinitionRegistration
{
    /// <summary>Renders or takes the definition, compares it with the running one, and registers it when it differs.</summary>
    public static async Task<RegisterResult> RegisterAsync(EcsClient ecs, RegisterRequest request, CancellationToken cancellationToken = default)
    {
        var (candidate, running) = await request.Source.ResolveAsync(ecs, request.Cluster, request.Service, cancellationToken, request.ServiceMustExist)
            .ConfigureAwait(false);

        if (IsUnchanged(candidate, running?.TaskDefinition))
            return new RegisterResult(RegisterOutcome.Unchanged, running!.TaskDefinition.TaskDefinitionArn, running.TaskDefinition.Revision,
                running.TaskDefinition);
        if (request.DryRun)
            return new RegisterResult(RegisterOutcome.WouldRegister, null, null, candidate);

        var tags = Tags(request.Source.Template is null ? running?.Tags : candidate.ToJson()["tags"] as JsonArray, request);
        var registered = await ecs.RegisterTaskDefinitionAsync(WithoutTags(candidate).ToRegisterRequest(tags), cancellationToken).ConfigureAwait(false);
        return new RegisterResult(RegisterOutcome.Registered, registered.TaskDefinition.TaskDefinitionArn, registered.TaskDefinition.Revision,
            registered.TaskDefinition);
    }

    /// <summary>Whether registering would only repeat the running revision (compared in normal form, tags aside).</summary>
    private static bool IsUnchanged(TaskDefinition candidate, TaskDefinition? running) =>
        running is not null && TaskDefinitionNormalizer.AreEqual(candidate, running);

    // The template's own tags are already in Tags(...): left on the definition, an empty "tags": [] would be sent as written.
    private static TaskDefinition WithoutTags(TaskDefinition definition)
    {
        var json = definition.ToJson();
        json.Remove("tags");
        return new TaskDefinition(json);
    }

    // The base tags with version and commit set; null rather than [] because RegisterTaskDefinition rejects empty tags.
    private static JsonArray? Tags(JsonArray? baseTags, RegisterRequest request)
    {
        var tags = (baseTags ?? []).OfType<JsonObject>()
            .Where(t => t["key"]?.ToString() is not ("version" or "commit"))
            .Select(t => (JsonNode)t.DeepClone())
            .ToList();
        foreach (var (key, value) in new[] { ("version", request.Version), ("commit", request.Commit) })
            if (!string.IsNullOrEmpty(value))
                tags.Add(new JsonObject { ["key"] = key, ["value"] = value });
        return tags.Count == 0 ? null : new JsonArray(tags.ToArray());
    }
}
