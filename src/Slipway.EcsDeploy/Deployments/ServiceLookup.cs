using System.Text.Json.Nodes;
using Slipway.Aws;
using Slipway.Aws.Ecs;

namespace Slipway.EcsDeploy.Deployments;

/// <summary>Describes the one service a verb works on; a missing cluster or service is an error naming it and what does exist.</summary>
internal static class ServiceLookup
{
    public static async Task<EcsService> DescribeAsync(EcsClient ecs, string? cluster, string service, CancellationToken cancellationToken)
    {
        DescribeServicesResult described;
        try
        {
            described = await ecs.DescribeServicesAsync(new DescribeServicesRequest { Cluster = cluster, Services = [service] }, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (ClusterNotFoundException exception)
        {
            var clusters = await ListNamesAsync(ecs, "ListClusters", [], "clusterArns", cancellationToken).ConfigureAwait(false);
            throw new EcsDeployException(
                $"Cluster '{ClusterName(cluster)}' does not exist in {ecs.Transport.Region.SystemName}. Clusters there: {Listed(clusters)}. Check the cluster name of the environment.",
                exception);
        }

        if (described.Services.FirstOrDefault() is { Status: "ACTIVE" } found)
            return found;
        if (described.Services.FirstOrDefault() is { } inactive)
            throw new EcsDeployException($"Service '{service}' in cluster '{ClusterName(cluster)}' is {inactive.Status}: deploy to an ACTIVE service, or create it again.");

        var services = await ListNamesAsync(ecs, "ListServices", cluster is null ? [] : new JsonObject { ["cluster"] = cluster }, "serviceArns", cancellationToken)
            .ConfigureAwait(false);
        throw new EcsDeployException(
            $"Service '{service}' does not exist in cluster '{ClusterName(cluster)}'. Services there: {Listed(services)}. Check the service name, or create the service first.");
    }

    private static string ClusterName(string? cluster) => cluster is null ? "default" : NameOf(cluster);

    /// <summary>The last segment of an ARN ("…:service/cluster/web" → "web"), or the name itself.</summary>
    private static string NameOf(string identifier) => identifier[(identifier.LastIndexOf('/') + 1)..];

    private static string Listed(IReadOnlyList<string> names) => names.Count == 0 ? "none" : string.Join(", ", names.Select(name => $"'{name}'"));

    /// <summary>The first page of names a List call returns: enough to spot a typo, and a failed listing must not hide the real error.</summary>
    private static async Task<IReadOnlyList<string>> ListNamesAsync(EcsClient ecs, string operation, JsonObject request, string member,
        CancellationToken cancellationToken)
    {
        try
        {
            var response = await ecs.Transport.InvokeAsync(operation, request, cancellationToken).ConfigureAwait(false);
            return response[member] is JsonArray arns ? [.. arns.Select(arn => NameOf((string)arn!)).Order(StringComparer.Ordinal)] : [];
        }
        catch (AwsException)
        {
            return [];
        }
    }
}
