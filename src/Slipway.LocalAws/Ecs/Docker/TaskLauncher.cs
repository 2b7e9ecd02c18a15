using Slipway.LocalAws.Ecs.State;
using Slipway.LocalAws.Server;

namespace Slipway.LocalAws.Ecs.Docker;

/// <summary>The outcome of starting a task: the task, or why it stopped before running (with the id it would have had).</summary>
internal sealed record TaskLaunch(string TaskId, TaskRecord? Task, string? StoppedReason);

/// <summary>Starts a task as one labelled Docker container per container definition, and stops tasks by removing their containers.</summary>
/// <param name="engine">The engine the containers run on.</param>
/// <param name="platformContainers">The platform's containers, to remove a task's.</param>
/// <param name="platformId">The value of every container's <c>slipway.ecs.platform</c> label.</param>
/// <param name="credentials">The credential to pull an image of a registry host for an account with, or null to pull anonymously.</param>
internal sealed class TaskLauncher(DockerEngine engine, PlatformContainers platformContainers, string platformId, Func<string, string, RegistryCredential?>? credentials)
{
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
            var request = ContainerCreateRequest.For(container, dockerName, labels);
            var registry = RegistryCredential.RegistryHost(request.Image);
            string containerId;
            try
            {
                containerId = await engine.RunAsync(request, registry is null ? null : credentials?.Invoke(accountId, registry), cancellationToken);
            }
            catch (ContainerStartException exception)
            {
                // A container that failed to start still exists ("Created"): remove it with the task's others.
                var created = exception.ContainerId is { } id ? [id] : Array.Empty<string>();
                await platformContainers.RemoveAsync([.. containers.Select(started => started.ContainerId), .. created], cancellationToken);
                return new TaskLaunch(taskId, null, (exception.IsPullFailure ? "CannotPullContainerError: " : "CannotStartContainerError: ") + exception.Message);
            }

            containers.Add(new TaskContainerRecord(name, containerId, container.OptionalBool("essential") ?? true, container["healthCheck"] is not null));
        }

        var task = new TaskRecord { Id = taskId, TaskDefinition = definition.Arn, Containers = containers, CreatedAt = now };
        return new TaskLaunch(taskId, task, null);
    }

    /// <summary>Stops <paramref name="tasks"/> by removing their containers.</summary>
    public Task StopAsync(IEnumerable<TaskRecord> tasks, CancellationToken cancellationToken) =>
        platformContainers.RemoveAsync(tasks.SelectMany(task => task.Containers).Select(container => container.ContainerId).ToList(), cancellationToken);

    private static string Shorten(string name) => name.Length <= 40 ? name : name[..40];
}
