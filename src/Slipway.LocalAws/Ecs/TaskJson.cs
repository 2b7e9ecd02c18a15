using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Slipway.LocalAws.Ecs.State;
using Slipway.LocalAws.Server;

namespace Slipway.LocalAws.Ecs;

/// <summary>A task as DescribeTasks returns it: ARNs, statuses, <c>startedBy</c>, the containers with their network bindings, and why and when it stopped.</summary>
internal static class TaskJson
{
    /// <summary>The task ARN of <paramref name="task"/> of <paramref name="service"/>.</summary>
    public static string Arn(ServiceRecord service, string accountId, TaskRecord task) => EcsArn.Task(service.Region, accountId, service.ClusterName, task.Id);

    /// <summary><paramref name="task"/> of <paramref name="service"/> in ECS's shape.</summary>
    public static JsonObject Of(ServiceRecord service, string accountId, TaskRecord task)
    {
        var arn = Arn(service, accountId, task);
        var json = new JsonObject
        {
            ["taskArn"] = arn,
            ["clusterArn"] = service.ClusterArn,
            ["taskDefinitionArn"] = task.TaskDefinition,
            ["overrides"] = new JsonObject { ["containerOverrides"] = EcsJson.Array(task.Containers.Select(container => (JsonNode)new JsonObject { ["name"] = container.Name })) },
            ["lastStatus"] = task.LastStatus,
            ["desiredStatus"] = task.DesiredStatus,
            ["containers"] = EcsJson.Array(task.Containers.Select(container => (JsonNode)Container(service, accountId, task, arn, container))),
            ["startedBy"] = task.StartedBy,
            ["version"] = task.LastStatus switch { TaskRecord.Pending => 1, TaskRecord.Running => 2, _ => 3 },
            ["connectivity"] = task.LastStatus == TaskRecord.Stopped ? null : "CONNECTED",
            ["createdAt"] = AwsJson.Timestamp(task.CreatedAt),
            ["group"] = $"service:{service.Name}",
            ["launchType"] = service.LaunchType,
            ["attachments"] = new JsonArray(),
            ["healthStatus"] = Health(task, task.Containers.Any(container => container.HasHealthCheck)),
            ["tags"] = new JsonArray(),
            ["enableExecuteCommand"] = false,
        };
        if (task.StartedAt is { } startedAt)
            json["startedAt"] = AwsJson.Timestamp(startedAt);
        if (task.StoppedAt is { } stoppedAt)
        {
            json["stoppingAt"] = AwsJson.Timestamp(stoppedAt);
            json["stoppedAt"] = AwsJson.Timestamp(stoppedAt);
            json["executionStoppedAt"] = AwsJson.Timestamp(stoppedAt);
            json["stoppedReason"] = task.StoppedReason;
            json["stopCode"] = task.StopCode;
        }

        return json;
    }

    private static JsonObject Container(ServiceRecord service, string accountId, TaskRecord task, string taskArn, TaskContainerRecord container)
    {
        var json = new JsonObject
        {
            ["containerArn"] = EcsArn.Container(service.Region, accountId, service.ClusterName, task.Id, ContainerUuid(task.Id, container.Name)),
            ["taskArn"] = taskArn,
            ["name"] = container.Name,
            ["image"] = container.Image,
            ["runtimeId"] = container.ContainerId.Length > 0 ? container.ContainerId : null,
            ["lastStatus"] = task.LastStatus,
            ["networkBindings"] = EcsJson.Array(container.NetworkBindings.Select(binding => (JsonNode)new JsonObject
            {
                ["bindIP"] = binding.BindIp, ["containerPort"] = binding.ContainerPort, ["hostPort"] = binding.HostPort, ["protocol"] = binding.Protocol,
            })),
            ["networkInterfaces"] = new JsonArray(),
            ["healthStatus"] = Health(task, container.HasHealthCheck),
        };
        if (container.ExitCode is { } exitCode)
            json["exitCode"] = exitCode;
        return json;
    }

    // ECS reports HEALTHY once the checks pass and UNKNOWN without checks or before the first result.
    private static string Health(TaskRecord task, bool hasHealthCheck) => hasHealthCheck && task.IsReady ? "HEALTHY" : "UNKNOWN";

    // A container ARN ends in a UUID; the same task and container always give the same one.
    private static string ContainerUuid(string taskId, string name) =>
        new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(taskId + "/" + name))[..16]).ToString();
}
