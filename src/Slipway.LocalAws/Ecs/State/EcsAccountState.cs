namespace Slipway.LocalAws.Ecs.State;

/// <summary>Everything ECS knows about one account: clusters, task definitions and services; one JSON file per account.</summary>
internal sealed class EcsAccountState
{
    public required string AccountId { get; init; }

    public List<ClusterRecord> Clusters { get; init; } = [];

    public List<TaskDefinitionRecord> TaskDefinitions { get; init; } = [];

    public List<ServiceRecord> Services { get; init; } = [];

    /// <summary>The services that have or may have tasks: ACTIVE and DRAINING ones.</summary>
    public IEnumerable<ServiceRecord> LiveServices => Services.Where(service => service.Status != ServiceRecord.Inactive);

    /// <summary>The task definition with ARN <paramref name="arn"/>, or null.</summary>
    public TaskDefinitionRecord? FindTaskDefinition(string arn) => TaskDefinitions.Find(definition => definition.Arn == arn);
}
