namespace Slipway.Aws.Ecs;

/// <summary>Where a service answers: the address of a container port of a RUNNING task of the PRIMARY deployment's revision.</summary>
/// <param name="Url"><c>http://{host}:{hostPort}</c>; the host is the binding's address, 127.0.0.1 when the binding is on every address (0.0.0.0).</param>
/// <param name="TaskArn">The task that answers there.</param>
/// <param name="TaskDefinitionArn">The revision it runs (the PRIMARY deployment's).</param>
public sealed record EcsServiceEndpoint(Uri Url, string TaskArn, string TaskDefinitionArn)
{
    /// <summary>
    /// The endpoint of <paramref name="container"/> (its <paramref name="containerPort"/>, or its first TCP port) in <paramref name="service"/>,
    /// or null when no task of the PRIMARY deployment's revision runs yet. Meant for the local platform, where bindings are on 127.0.0.1.
    /// </summary>
    /// <exception cref="InvalidOperationException">The service does not exist, or its tasks have no container <paramref name="container"/> or no such port binding.</exception>
    public static async Task<EcsServiceEndpoint?> FindAsync(
        EcsClient ecs, string? cluster, string service, string container, int? containerPort = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ecs);
        var described = await ecs.DescribeServicesAsync(new DescribeServicesRequest { Cluster = cluster, Services = [service] }, cancellationToken).ConfigureAwait(false);
        var revision = described.Services.FirstOrDefault()?.PrimaryDeployment?.TaskDefinition
            ?? throw new InvalidOperationException($"Service '{service}' does not exist in cluster '{cluster ?? "default"}': check the cluster and service names.");
        var arns = (await ecs.ListTasksAsync(new ListTasksRequest { Cluster = cluster, ServiceName = service }, cancellationToken).ConfigureAwait(false)).TaskArns;
        if (arns.Count == 0)
            return null;
        var tasks = (await ecs.DescribeTasksAsync(new DescribeTasksRequest { Cluster = cluster, Tasks = arns }, cancellationToken).ConfigureAwait(false)).Tasks
            .Where(task => task.LastStatus == "RUNNING" && task.TaskDefinitionArn == revision)
            .OrderBy(task => task.StartedAt)
            .ToList();
        if (tasks.Count == 0)
            return null;
        var task = tasks[0];
        var named = task.Containers.FirstOrDefault(candidate => candidate.Name == container)
            ?? throw new InvalidOperationException(
                $"Container '{container}' is not in the tasks of service '{service}' (revision {revision}). Its containers are: {string.Join(", ", task.Containers.Select(candidate => candidate.Name))}.");
        var binding = named.NetworkBindings.FirstOrDefault(candidate => containerPort is null ? candidate.Protocol is null or "tcp" : candidate.ContainerPort == containerPort)
            ?? throw new InvalidOperationException(
                $"Container '{container}' of service '{service}' publishes {(containerPort is null ? "no TCP port" : $"no port {containerPort}")}: add a portMappings entry to its container definition.");
        var host = binding.BindIP is null or "" or "0.0.0.0" ? "127.0.0.1" : binding.BindIP;
        return new EcsServiceEndpoint(new Uri($"http://{host}:{binding.HostPort}"), task.TaskArn!, revision);
    }
}
