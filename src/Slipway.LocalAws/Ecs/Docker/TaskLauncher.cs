using Slipway.LocalAws.Server;
using Slipway.LocalAws.Ecs.State;

namespace Slipway.LocalAws.Ecs.Docker;

/// <summary>The outcome of starting a task: the task, or why it stopped before running (with the id it would have had).</summary>
internal sealed record TaskLaunch(string TaskId, TaskRecord? Task, string? StoppedReason);

/// <summary>Starts a task as one labelled Docker container per container definition, and stops tasks by removing their containers.</summary>
internal sealed class TaskLauncher(DockerCli docker, string platformId)
{
    private static readonly string[] PullErrors = ["Unable to find image", "pull access denied", "manifest unknown", "not found: manifest", "repository does not exist"];

    /// <summary>Starts a task of <paramref name="deployment"/>; when a container cannot start, removes the ones already started and reports why.</summary>
    public async Task<TaskLaunch> StartAsync(
        string accountId, ServiceRecord service, DeploymentRecord deployment, TaskDefinitionRecord definition, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var taskId = Guid.NewGuid().ToString("N");
        var containers = new List<TaskContainerRecord>();
        foreach (var container in definition.Containers)
        {
            var name = container.OptionalString("name")!;
            // Docker names are global to the engine: the task id makes them unique; the rest makes `docker ps` readable.
            var dockerName = $"ecs-{Shorten(definition.Family)}-{definition.Revision}-{Shorten(name)}-{taskId}";
            var labels = new Dictionary<string, string>
            {
                [ContainerLabels.Platform] = platformId,
                [ContainerLabels.Account] = accountId,
                [ContainerLabels.Cluster] = service.ClusterName,
                [ContainerLabels.Service] = service.Name,
                [ContainerLabels.Deployment] = deployment.Id,
                [ContainerLabels.TaskDefinition] = definition.Arn,
                [ContainerLabels.Task] = taskId,
                [ContainerLabels.Container] = name,
            };
            var (containerId, error) = await docker.RunAsync(ContainerRunArguments.For(container, dockerName, labels), cancellationToken);
            if (containerId is null)
            {
                // A container that failed to start still exists ("Created"): remove it by name with the task's others.
                await docker.RemoveAsync([.. containers.Select(started => started.ContainerId), dockerName], cancellationToken);
                return new TaskLaunch(taskId, null, StoppedReason(error ?? "the engine gave no reason"));
            }

            containers.Add(new TaskContainerRecord(name, containerId, container.OptionalBool("essential") ?? true, container["healthCheck"] is not null));
        }

        var task = new TaskRecord { Id = taskId, TaskDefinition = definition.Arn, Containers = containers, CreatedAt = now };
        return new TaskLaunch(taskId, task, null);
    }

    /// <summary>Stops <paramref name="tasks"/> by removing their containers.</summary>
    public Task StopAsync(IEnumerable<TaskRecord> tasks, CancellationToken cancellationToken) =>
        docker.RemoveAsync(tasks.SelectMany(task => task.Containers).Select(container => container.ContainerId).ToList(), cancellationToken);

    private static string StoppedReason(string error) =>
        (PullErrors.Any(marker => error.Contains(marker, StringComparison.OrdinalIgnoreCase)) ? "CannotPullContainerError: " : "CannotStartContainerError: ") + error;

    private static string Shorten(string name) => name.Length <= 40 ? name : name[..40];
}
