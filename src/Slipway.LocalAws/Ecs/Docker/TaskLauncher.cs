using System.Text.Json.Nodes;
using Slipway.LocalAws.Ecs.State;
using Slipway.LocalAws.Server;

namespace Slipway.LocalAws.Ecs.Docker;

/// <summary>The outcome of starting a task: the task, already STOPPED with its reason when it could not run.</summary>
internal sealed record TaskLaunch(TaskRecord Task)
{
    public string TaskId => Task.Id;

    /// <summary>Why the task could not run, or null when it started.</summary>
    public string? StoppedReason => Task.LastStatus == TaskRecord.Stopped ? Task.StoppedReason : null;
}

/// <summary>Starts a task as one labelled Docker container per container definition, and stops tasks by removing their containers.</summary>
/// <param name="engine">The engine the containers run on.</param>
/// <param name="platformContainers">The platform's containers, to remove a task's.</param>
/// <param name="platformId">The value of every container's <c>slipway.ecs.platform</c> label.</param>
/// <param name="credentials">The credential to pull an image of a registry host for an account with, or null to pull anonymously.</param>
/// <param name="bridgeNetwork">The engine network bridge and awsvpc tasks run on.</param>
internal sealed class TaskLauncher(
    DockerEngine engine, PlatformContainers platformContainers, string platformId, Func<string, string, RegistryCredential?>? credentials, string bridgeNetwork)
{
    /// <summary>
    /// Starts a task of <paramref name="deployment"/>; when a container cannot start, removes the ones already started and reports why.
    /// Cancelled part way (the platform stopping), it removes the containers it started before it throws: no task record owns them.
    /// </summary>
    public async Task<TaskLaunch> StartAsync(
        string accountId, ServiceRecord service, DeploymentRecord deployment, TaskDefinitionRecord definition, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var run = new List<string>();
        try
        {
            return await StartContainersAsync(accountId, service, deployment, definition, now, run, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            await platformContainers.RemoveAsync(run, CancellationToken.None);
            throw;
        }
    }

    /// <summary>Stops <paramref name="tasks"/> by removing their containers.</summary>
    public Task StopAsync(IEnumerable<TaskRecord> tasks, CancellationToken cancellationToken) =>
        platformContainers.RemoveAsync(tasks.SelectMany(task => task.Containers).Select(container => container.ContainerId).ToList(), cancellationToken);

    // Each container the engine ran goes into `run` at once, so a cancelled launch knows what to remove.
    private async Task<TaskLaunch> StartContainersAsync(
        string accountId, ServiceRecord service, DeploymentRecord deployment, TaskDefinitionRecord definition, DateTimeOffset now, List<string> run,
        CancellationToken cancellationToken)
    {
        var taskId = Guid.NewGuid().ToString("N");
        var containers = new List<TaskContainerRecord>();
        var mappings = definition.PortMappings();
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
            var request = Request(definition, container, dockerName, labels, mappings.Where(mapping => mapping.Container == name).ToList());
            var registry = RegistryCredential.RegistryHost(request.Image);
            string containerId;
            try
            {
                containerId = await engine.RunAsync(request, registry is null ? null : credentials?.Invoke(accountId, registry), cancellationToken);
                run.Add(containerId);
            }
            catch (ContainerStartException exception)
            {
                // A container that failed to start still exists ("Created"): remove it with the task's others.
                if (exception.ContainerId is { } created)
                    run.Add(created);
                await platformContainers.RemoveAsync(run, cancellationToken);
                var failed = new TaskRecord
                {
                    Id = taskId, TaskDefinition = definition.Arn, StartedBy = deployment.Id, CreatedAt = now,
                    Containers = [.. definition.Containers.Select(each => Record(each, containers.Find(started => started.Name == each.OptionalString("name"))?.ContainerId ?? "", []))],
                };
                failed.Stop((exception.IsPullFailure ? "CannotPullContainerError: " : "CannotStartContainerError: ") + exception.Message, "TaskFailedToStart", now);
                return new TaskLaunch(failed);
            }

            containers.Add(Record(container, containerId, await BindingsAsync(definition, request, containerId, cancellationToken)));
        }

        return new TaskLaunch(new TaskRecord { Id = taskId, TaskDefinition = definition.Arn, StartedBy = deployment.Id, Containers = containers, CreatedAt = now });
    }

    // Host networking: the container's ports are the host's. Bridge: each mapping published on 127.0.0.1, at its hostPort or (0) a free one;
    // awsvpc: every task has its own address on ECS, so each gets its own free host port here.
    private ContainerCreateRequest Request(
        TaskDefinitionRecord definition, JsonObject container, string dockerName, Dictionary<string, string> labels, IReadOnlyList<TaskPortMapping> mappings)
    {
        if (definition.UsesHostNetwork || definition.NetworkMode == "none")
            return ContainerCreateRequest.For(container, dockerName, labels, definition.NetworkMode, []);
        var published = mappings.Select(mapping => new PublishedPort(mapping.ContainerPort, mapping.Protocol, definition.NetworkMode == "bridge" ? mapping.HostPort : 0)).ToList();
        return ContainerCreateRequest.For(container, dockerName, labels, bridgeNetwork, published);
    }

    // The host ports the engine chose are known once the container started.
    private async Task<List<NetworkBindingRecord>> BindingsAsync(TaskDefinitionRecord definition, ContainerCreateRequest request, string containerId, CancellationToken cancellationToken)
    {
        if (definition.UsesHostNetwork)
        {
            return definition.PortMappings().Where(mapping => request.Labels[ContainerLabels.Container] == mapping.Container)
                .Select(mapping => new NetworkBindingRecord("0.0.0.0", mapping.ContainerPort, mapping.ContainerPort, mapping.Protocol)).ToList();
        }

        if (request.PublishedPorts.Count == 0)
            return [];
        try
        {
            var observed = await engine.InspectAsync(containerId, cancellationToken);
            return observed.Ports.Select(port => new NetworkBindingRecord(port.HostIp, port.ContainerPort, port.HostPort, port.Protocol)).ToList();
        }
        catch (ContainerNotFoundException)
        {
            // Removed already (it exited and someone removed it): the next pass reports the task stopped.
            return [];
        }
    }

    private static TaskContainerRecord Record(JsonObject container, string containerId, List<NetworkBindingRecord> bindings) =>
        new(container.OptionalString("name")!, containerId, container.OptionalBool("essential") ?? true, container["healthCheck"] is not null)
        {
            Image = container.OptionalString("image"), NetworkBindings = bindings,
        };

    private static string Shorten(string name) => name.Length <= 40 ? name : name[..40];
}
