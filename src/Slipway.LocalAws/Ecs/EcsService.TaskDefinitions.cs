using System.Text.Json.Nodes;
using Slipway.LocalAws.Ecs.State;
using Slipway.LocalAws.Server;

namespace Slipway.LocalAws.Ecs;

/// <summary>Task definitions: families of numbered revisions, ACTIVE until deregistered.</summary>
internal sealed partial class EcsService
{
    private static readonly string[] TaskDefinitionStatuses = [TaskDefinitionRecord.Active, TaskDefinitionRecord.Inactive, "DELETE_IN_PROGRESS"];

    private static JsonObject RegisterTaskDefinition(EcsAccountState account, JsonObject input, CallContext context)
    {
        var (family, definition) = TaskDefinitionRequest.Read(input);
        var tags = ResourceTag.Read(input);
        var revision = account.TaskDefinitions.Where(existing => existing.Family == family).Select(existing => existing.Revision).DefaultIfEmpty(0).Max() + 1;
        var record = new TaskDefinitionRecord
        {
            Family = family,
            Revision = revision,
            Arn = EcsArn.TaskDefinition(context.Region, account.AccountId, family, revision),
            RegisteredAt = context.Now,
            RegisteredBy = context.Caller.Arn,
            Definition = definition,
            Tags = tags,
        };
        account.TaskDefinitions.Add(record);
        return new JsonObject { ["taskDefinition"] = record.ToJson(), ["tags"] = ResourceTag.ToJson(tags) };
    }

    private static JsonObject DescribeTaskDefinition(EcsAccountState account, JsonObject input)
    {
        var record = FindTaskDefinition(account, RequiredTaskDefinition(input))
            ?? throw new AwsErrorException("ClientException", "Unable to describe task definition.");
        var output = Output("taskDefinition", record.ToJson());
        if (IncludesTags(input))
            output["tags"] = ResourceTag.ToJson(record.Tags);
        return output;
    }

    private static JsonObject ListTaskDefinitions(EcsAccountState account, JsonObject input)
    {
        var family = input.OptionalString("familyPrefix");
        var status = input.OptionalString("status") ?? TaskDefinitionRecord.Active;
        if (!TaskDefinitionStatuses.Contains(status))
            throw new AwsErrorException("ClientException", $"status '{status}' is not valid. Valid values are: {string.Join(", ", TaskDefinitionStatuses)}.");
        var sort = input.OptionalString("sort") ?? "ASC";
        if (sort is not ("ASC" or "DESC"))
            throw new AwsErrorException("ClientException", $"sort '{sort}' is not valid. Valid values are: ASC, DESC.");

        // ECS's familyPrefix is, despite its name, the full family name.
        var matching = account.TaskDefinitions
            .Where(definition => definition.Status == status && (family is null || definition.Family == family))
            .OrderBy(definition => definition.Family, StringComparer.Ordinal).ThenBy(definition => definition.Revision)
            .Select(definition => definition.Arn)
            .ToList();
        if (sort == "DESC")
            matching.Reverse();
        return EcsPage.Output("taskDefinitionArns", matching, input, 100);
    }

    private static JsonObject DeregisterTaskDefinition(EcsAccountState account, JsonObject input, CallContext context)
    {
        var identifier = RequiredTaskDefinition(input);
        if (!identifier.Contains(':', StringComparison.Ordinal))
            throw new AwsErrorException("ClientException", $"The specified task definition identifier '{identifier}' is invalid. Specify a valid revision (family:revision or an ARN).");
        var record = FindTaskDefinition(account, identifier)
            ?? throw new AwsErrorException("ClientException", $"The specified task definition '{identifier}' does not exist.");
        // Services running it keep running: deregistering only stops new services and deployments from using it.
        if (record.Status == TaskDefinitionRecord.Active)
        {
            record.Status = TaskDefinitionRecord.Inactive;
            record.DeregisteredAt = context.Now;
        }

        return Output("taskDefinition", record.ToJson());
    }

    /// <summary>The task definition named by a family (its latest ACTIVE revision), <c>family:revision</c> or an ARN; null when there is none.</summary>
    private static TaskDefinitionRecord? FindTaskDefinition(EcsAccountState account, string identifier)
    {
        var familyAndRevision = identifier;
        if (EcsArn.Parse(identifier) is { } arn)
        {
            const string prefix = "task-definition/";
            if (arn.AccountId != account.AccountId || !arn.Resource.StartsWith(prefix, StringComparison.Ordinal))
                return null;
            familyAndRevision = arn.Resource[prefix.Length..];
        }

        var colon = familyAndRevision.LastIndexOf(':');
        if (colon < 0)
        {
            return account.TaskDefinitions.Where(definition => definition.Family == familyAndRevision && definition.Status == TaskDefinitionRecord.Active)
                .MaxBy(definition => definition.Revision);
        }

        var family = familyAndRevision[..colon];
        return int.TryParse(familyAndRevision[(colon + 1)..], out var revision)
            ? account.TaskDefinitions.Find(definition => definition.Family == family && definition.Revision == revision)
            : null;
    }

    private static string RequiredTaskDefinition(JsonObject input) =>
        input.OptionalString("taskDefinition") is { Length: > 0 } identifier
            ? identifier
            : throw new AwsErrorException("ClientException", "taskDefinition must be given: a family, family:revision or a task definition ARN.");
}
