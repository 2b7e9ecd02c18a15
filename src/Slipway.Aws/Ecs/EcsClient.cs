using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Slipway.Aws.Json;

namespace Slipway.Aws.Ecs;

/// <summary>Amazon ECS over AWS JSON 1.1: task definitions (kept as JSON), services and their tasks.</summary>
public sealed class EcsClient : IDisposable
{
    private static readonly AwsJsonShapes Json = EcsJsonContext.Shapes;

    /// <summary>Creates the client; see <see cref="AwsClientOptions"/> for region, endpoint and credentials.</summary>
    public EcsClient(AwsClientOptions? options = null) => Transport = new AwsJsonClient(AwsService.Ecs, options);

    /// <summary>The underlying JSON client (region, endpoint, raw calls).</summary>
    public AwsJsonClient Transport { get; }

    /// <summary>Registers a new revision; the body holds only RegisterTaskDefinition members.</summary>
    public async Task<TaskDefinitionDescription> RegisterTaskDefinitionAsync(RegisterTaskDefinitionRequest request,
        CancellationToken cancellationToken = default) =>
        TaskDefinitionDescription.FromResponse(
            await Transport.InvokeAsync("RegisterTaskDefinition", request.ToJson(), cancellationToken).ConfigureAwait(false),
            "RegisterTaskDefinition");

    /// <summary>Describes a task definition with all its members (and tags unless Include is cleared).</summary>
    public Task<TaskDefinitionDescription> DescribeTaskDefinitionAsync(DescribeTaskDefinitionRequest request,
        CancellationToken cancellationToken = default) =>
        InvokeRawAsync("DescribeTaskDefinition", request, Json.Of<DescribeTaskDefinitionRequest>(), cancellationToken);

    /// <summary>Lists task definition ARNs.</summary>
    public Task<ListTaskDefinitionsResult> ListTaskDefinitionsAsync(ListTaskDefinitionsRequest request,
        CancellationToken cancellationToken = default) =>
        Transport.InvokeAsync("ListTaskDefinitions", request, Json.Of<ListTaskDefinitionsRequest>(), Json.Of<ListTaskDefinitionsResult>(),
            cancellationToken);

    /// <summary>Marks a revision INACTIVE; returns it as it now is.</summary>
    public async Task<TaskDefinition> DeregisterTaskDefinitionAsync(DeregisterTaskDefinitionRequest request,
        CancellationToken cancellationToken = default) =>
        (await InvokeRawAsync("DeregisterTaskDefinition", request, Json.Of<DeregisterTaskDefinitionRequest>(), cancellationToken)
            .ConfigureAwait(false)).TaskDefinition;

    /// <summary>Describes up to 10 services; missing ones are failures.</summary>
    public Task<DescribeServicesResult> DescribeServicesAsync(DescribeServicesRequest request,
        CancellationToken cancellationToken = default) =>
        Transport.InvokeAsync("DescribeServices", request, Json.Of<DescribeServicesRequest>(), Json.Of<DescribeServicesResult>(),
            cancellationToken);

    /// <summary>Updates a service (new task definition, count, forced deployment); CODE_DEPLOY services reject this.</summary>
    public Task<UpdateServiceResult> UpdateServiceAsync(UpdateServiceRequest request, CancellationToken cancellationToken = default) =>
        Transport.InvokeAsync("UpdateService", request, Json.Of<UpdateServiceRequest>(), Json.Of<UpdateServiceResult>(), cancellationToken);

    /// <summary>
    /// Creates a service from CreateService's request members as JSON (kept as JSON, like task definitions, so every member ECS
    /// knows passes through); returns the service as created, with its first deployment.
    /// </summary>
    public async Task<EcsService> CreateServiceAsync(JsonObject request, CancellationToken cancellationToken = default)
    {
        var response = await Transport.InvokeAsync("CreateService", request, cancellationToken).ConfigureAwait(false);
        return response["service"] is JsonObject service
            ? service.Deserialize(Json.Of<EcsService>()) ?? throw new AwsException("CreateService returned an empty 'service'.")
            : throw new AwsException("CreateService returned no 'service'.");
    }

    /// <summary>Creates a cluster; ECS returns an existing cluster of that name as it is.</summary>
    public Task CreateClusterAsync(string clusterName, CancellationToken cancellationToken = default) =>
        Transport.InvokeAsync("CreateCluster", new JsonObject { ["clusterName"] = clusterName }, cancellationToken);

    /// <summary>Lists task ARNs of a cluster, by service, family, startedBy or desired status (RUNNING by default).</summary>
    public Task<ListTasksResult> ListTasksAsync(ListTasksRequest request, CancellationToken cancellationToken = default) =>
        Transport.InvokeAsync("ListTasks", request, Json.Of<ListTasksRequest>(), Json.Of<ListTasksResult>(), cancellationToken);

    /// <summary>Describes up to 100 tasks; unknown ones are failures.</summary>
    public Task<DescribeTasksResult> DescribeTasksAsync(DescribeTasksRequest request, CancellationToken cancellationToken = default) =>
        Transport.InvokeAsync("DescribeTasks", request, Json.Of<DescribeTasksRequest>(), Json.Of<DescribeTasksResult>(), cancellationToken);

    /// <summary>Disposes the transport.</summary>
    public void Dispose() => Transport.Dispose();

    private async Task<TaskDefinitionDescription> InvokeRawAsync<TRequest>(string operation, TRequest request,
        JsonTypeInfo<TRequest> requestType, CancellationToken cancellationToken)
    {
        var body = (JsonObject)JsonSerializer.SerializeToNode(request, requestType)!;
        var response = await Transport.InvokeAsync(operation, body, cancellationToken).ConfigureAwait(false);
        return TaskDefinitionDescription.FromResponse(response, operation);
    }
}
