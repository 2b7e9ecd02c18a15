using System.Text.Json.Nodes;

namespace Slipway.LocalAws.Ecs.State;

/// <summary>An ECS cluster: a name that groups services; every account has <c>default</c>.</summary>
internal sealed class ClusterRecord
{
    public const string DefaultName = "default";

    public required string Name { get; init; }

    public required string Arn { get; init; }

    public List<ResourceTag> Tags { get; init; } = [];

    /// <summary>The cluster as DescribeClusters and CreateCluster return it, counting the tasks of <paramref name="services"/>.</summary>
    public JsonObject ToJson(IReadOnlyList<ServiceRecord> services) => new()
    {
        ["clusterArn"] = Arn,
        ["clusterName"] = Name,
        ["status"] = "ACTIVE",
        ["registeredContainerInstancesCount"] = 0,
        ["runningTasksCount"] = services.Sum(service => service.RunningCount),
        ["pendingTasksCount"] = services.Sum(service => service.PendingCount),
        ["activeServicesCount"] = services.Count(service => service.Status == ServiceRecord.Active),
        ["statistics"] = new JsonArray(),
        ["tags"] = ResourceTag.ToJson(Tags),
        ["settings"] = new JsonArray(new JsonObject { ["name"] = "containerInsights", ["value"] = "disabled" }),
        ["capacityProviders"] = new JsonArray(),
        ["defaultCapacityProviderStrategy"] = new JsonArray(),
    };
}
