using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Slipway.LocalAws.Ecs.State;
using Slipway.LocalAws.Server;

namespace Slipway.LocalAws.Ecs;

/// <summary>Clusters: names that group services; every account has <c>default</c>, others come from CreateCluster.</summary>
internal sealed partial class EcsService
{
    private static JsonObject CreateCluster(EcsAccountState account, JsonObject input, CallContext context)
    {
        var name = input.OptionalString("clusterName") ?? ClusterRecord.DefaultName;
        if (!ClusterName().IsMatch(name))
            throw new AwsErrorException("InvalidParameterException", $"Cluster name '{name}' is not valid: up to 255 letters (uppercase and lowercase), numbers, underscores and hyphens are allowed.");
        // CreateCluster is idempotent in ECS: an existing cluster is returned as it is.
        var cluster = account.Clusters.Find(existing => existing.Name == name);
        if (cluster is null)
        {
            cluster = new ClusterRecord { Name = name, Arn = EcsArn.Cluster(context.Region, account.AccountId, name), Tags = ResourceTag.Read(input) };
            account.Clusters.Add(cluster);
        }

        return Output("cluster", ClusterJson(account, cluster));
    }

    private static JsonObject DescribeClusters(EcsAccountState account, JsonObject input, CallContext context)
    {
        var clusters = new JsonArray();
        var failures = new JsonArray();
        foreach (var identifier in input.Strings("clusters") ?? [ClusterRecord.DefaultName])
        {
            if (account.Clusters.Find(cluster => cluster.Name == EcsArn.ClusterName(identifier)) is { } cluster)
                clusters.Add(ClusterJson(account, cluster));
            else
                failures.Add(new JsonObject { ["arn"] = EcsArn.Cluster(context.Region, account.AccountId, EcsArn.ClusterName(identifier)), ["reason"] = "MISSING" });
        }

        return new JsonObject { ["clusters"] = clusters, ["failures"] = failures };
    }

    private static JsonObject ListClusters(EcsAccountState account, JsonObject input)
    {
        var arns = account.Clusters.Select(cluster => cluster.Arn).Order(StringComparer.Ordinal).ToList();
        return EcsPage.Output("clusterArns", arns, input, 100);
    }

    /// <summary>The cluster named by request member <c>cluster</c> (a name or an ARN; <c>default</c> when absent); <c>ClusterNotFoundException</c> when there is none.</summary>
    private static ClusterRecord Cluster(EcsAccountState account, JsonObject input)
    {
        var name = EcsArn.ClusterName(input.OptionalString("cluster") ?? ClusterRecord.DefaultName);
        return account.Clusters.Find(cluster => cluster.Name == name)
            ?? throw new AwsErrorException("ClusterNotFoundException", $"Cluster not found: '{name}' does not exist in account {account.AccountId}. Create it with CreateCluster or use 'default'.");
    }

    private static JsonObject ClusterJson(EcsAccountState account, ClusterRecord cluster) =>
        cluster.ToJson(account.Services.Where(service => service.ClusterName == cluster.Name).ToList());

    [GeneratedRegex("^[a-zA-Z0-9_-]{1,255}$")]
    private static partial Regex ClusterName();
}
