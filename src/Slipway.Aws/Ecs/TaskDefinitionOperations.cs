using System.Text.Json.Nodes;
using Slipway.Aws.Json;

namespace Slipway.Aws.Ecs;

/// <summary>DescribeTaskDefinition input.</summary>
public sealed record DescribeTaskDefinitionRequest
{
    /// <summary>Family (latest ACTIVE revision), family:revision, or ARN.</summary>
    public required string TaskDefinition { get; init; }
    /// <summary>["TAGS"] to get the tags too (default), so a re-registration keeps them.</summary>
    public IReadOnlyList<string>? Include { get; init; } = ["TAGS"];
}

/// <summary>A task definition and its tags, as DescribeTaskDefinition and RegisterTaskDefinition return them.</summary>
/// <param name="TaskDefinition">The task definition, all members kept.</param>
/// <param name="Tags">Its tags ([{key, value}]), returned beside the task definition; null when not requested.</param>
public sealed record TaskDefinitionDescription(TaskDefinition TaskDefinition, JsonArray? Tags)
{
    /// <summary>A RegisterTaskDefinition request that recreates this revision, tags included.</summary>
    public RegisterTaskDefinitionRequest ToRegisterRequest() => TaskDefinition.ToRegisterRequest(Tags);

    internal static TaskDefinitionDescription FromResponse(JsonObject response, string operation) =>
        new(new TaskDefinition(response["taskDefinition"] as JsonObject
                ?? throw new AwsProtocolException($"ECS {operation} returned no 'taskDefinition'.", requestId: null)),
            response["tags"] as JsonArray);
}

/// <summary>ListTaskDefinitions input.</summary>
public sealed record ListTaskDefinitionsRequest
{
    /// <summary>Only this family (exact family name despite the name).</summary>
    public string? FamilyPrefix { get; init; }
    /// <summary>"ACTIVE", "INACTIVE" or "DELETE_IN_PROGRESS".</summary>
    public string? Status { get; init; }
    /// <summary>"ASC" or "DESC" by family and revision.</summary>
    public string? Sort { get; init; }
    /// <summary>Token from the previous page.</summary>
    public string? NextToken { get; init; }
    /// <summary>Page size (1–100).</summary>
    public int? MaxResults { get; init; }
}

/// <summary>ListTaskDefinitions output.</summary>
public sealed record ListTaskDefinitionsResult
{
    /// <summary>Task definition ARNs of this page.</summary>
    public IReadOnlyList<string> TaskDefinitionArns { get; init; } = [];
    /// <summary>Token for the next page; null on the last.</summary>
    public string? NextToken { get; init; }
}

/// <summary>DeregisterTaskDefinition input.</summary>
public sealed record DeregisterTaskDefinitionRequest
{
    /// <summary>family:revision or ARN; running services keep working.</summary>
    public required string TaskDefinition { get; init; }
}
