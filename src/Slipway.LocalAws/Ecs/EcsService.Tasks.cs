using System.Text.Json.Nodes;
using Slipway.LocalAws.Ecs.State;
using Slipway.LocalAws.Server;

namespace Slipway.LocalAws.Ecs;

/// <summary>Tasks: ListTasks and DescribeTasks over the services' running tasks and the stopped ones they keep.</summary>
internal sealed partial class EcsService
{
    private static readonly string[] DesiredStatuses = [TaskRecord.Running, TaskRecord.Pending, TaskRecord.Stopped];

    private static JsonObject ListTasks(EcsAccountState account, JsonObject input)
    {
        var cluster = Cluster(account, input);
        var services = account.Services.Where(service => service.ClusterName == cluster.Name).ToList();
        if (input.OptionalString("serviceName") is { } serviceName)
        {
            var name = EcsArn.ServiceName(serviceName);
            services = services.Where(service => service.Name == name).ToList();
            if (services.Count == 0)
                throw new AwsErrorException("ServiceNotFoundException", $"Service not found: '{name}' does not exist in cluster '{cluster.Name}'.");
        }

        var desiredStatus = input.OptionalString("desiredStatus") ?? TaskRecord.Running;
        if (!DesiredStatuses.Contains(desiredStatus))
            throw Invalid($"desiredStatus '{desiredStatus}' is not valid. Valid values are: {string.Join(", ", DesiredStatuses)}.");
        var family = input.OptionalString("family");
        var startedBy = input.OptionalString("startedBy");
        var arns = services.SelectMany(service => Tasks(service).Select(task => (service, task)))
            .Where(item => item.task.DesiredStatus == desiredStatus)
            .Where(item => family is null || TaskFamily(item.task) == family)
            .Where(item => startedBy is null || item.task.StartedBy == startedBy)
            .OrderBy(item => item.task.CreatedAt).ThenBy(item => item.task.Id, StringComparer.Ordinal)
            .Select(item => TaskJson.Arn(item.service, account.AccountId, item.task))
            .ToList();
        return EcsPage.Output("taskArns", arns, input, 100);
    }

    private static JsonObject DescribeTasks(EcsAccountState account, JsonObject input, CallContext context)
    {
        var cluster = Cluster(account, input);
        var identifiers = input.Strings("tasks") ?? [];
        if (identifiers.Count is 0 or > 100)
            throw Invalid($"tasks must name 1 to 100 tasks (got {identifiers.Count}).");
        var known = account.Services.Where(service => service.ClusterName == cluster.Name)
            .SelectMany(service => Tasks(service).Select(task => (service, task)))
            .GroupBy(item => item.task.Id)
            .ToDictionary(group => group.Key, group => group.First());
        var tasks = new JsonArray();
        var failures = new JsonArray();
        foreach (var identifier in identifiers)
        {
            var id = EcsArn.TaskId(identifier);
            if (known.TryGetValue(id, out var found))
                tasks.Add(TaskJson.Of(found.service, account.AccountId, found.task));
            else
                failures.Add(new JsonObject { ["arn"] = EcsArn.Task(context.Region, account.AccountId, cluster.Name, id), ["reason"] = "MISSING" });
        }

        return new JsonObject { ["tasks"] = tasks, ["failures"] = failures };
    }

    // The live tasks of every deployment, then the stopped ones the service keeps.
    private static IEnumerable<TaskRecord> Tasks(ServiceRecord service) => service.Tasks.Concat(service.StoppedTasks);

    private static string TaskFamily(TaskRecord task)
    {
        var resource = EcsArn.Parse(task.TaskDefinition)?.Resource ?? task.TaskDefinition;
        var name = resource.StartsWith("task-definition/", StringComparison.Ordinal) ? resource["task-definition/".Length..] : resource;
        return name.Split(':')[0];
    }
}
