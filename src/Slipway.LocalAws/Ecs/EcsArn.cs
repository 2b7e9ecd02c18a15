namespace Slipway.LocalAws.Ecs;

/// <summary>ECS resource ARNs, and the names inside identifiers that may be a name or an ARN.</summary>
internal static class EcsArn
{
    public static string Cluster(string region, string accountId, string name) => $"arn:aws:ecs:{region}:{accountId}:cluster/{name}";

    public static string Service(string region, string accountId, string cluster, string name) => $"arn:aws:ecs:{region}:{accountId}:service/{cluster}/{name}";

    public static string TaskDefinition(string region, string accountId, string family, int revision) =>
        $"arn:aws:ecs:{region}:{accountId}:task-definition/{family}:{revision}";

    public static string Task(string region, string accountId, string cluster, string taskId) => $"arn:aws:ecs:{region}:{accountId}:task/{cluster}/{taskId}";

    public static string Container(string region, string accountId, string cluster, string taskId, string containerId) =>
        $"arn:aws:ecs:{region}:{accountId}:container/{cluster}/{taskId}/{containerId}";

    /// <summary>The task id in a task id or ARN (<c>task/id</c> or <c>task/cluster/id</c>).</summary>
    public static string TaskId(string identifier) =>
        Parse(identifier) is { Resource: var resource } && resource.StartsWith("task/", StringComparison.Ordinal) ? resource[(resource.LastIndexOf('/') + 1)..] : identifier;

    /// <summary>The resource part of an ECS ARN (<c>cluster/web</c>), and its account; null when <paramref name="identifier"/> is not an ECS ARN.</summary>
    public static (string AccountId, string Resource)? Parse(string identifier)
    {
        var parts = identifier.Split(':', 6);
        return parts is ["arn", _, "ecs", _, var account, var resource] ? (account, resource) : null;
    }

    /// <summary>The cluster name in a cluster name or ARN.</summary>
    public static string ClusterName(string identifier) =>
        Parse(identifier) is { Resource: var resource } && resource.StartsWith("cluster/", StringComparison.Ordinal) ? resource["cluster/".Length..] : identifier;

    /// <summary>The service name in a service name or ARN (<c>service/name</c> or <c>service/cluster/name</c>).</summary>
    public static string ServiceName(string identifier) =>
        Parse(identifier) is { Resource: var resource } && resource.StartsWith("service/", StringComparison.Ordinal) ? resource[(resource.LastIndexOf('/') + 1)..] : identifier;
}
