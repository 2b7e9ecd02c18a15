using Slipway.LocalAws.Ecs.Docker;
using Slipway.LocalAws.Ecs.State;

namespace Slipway.LocalAws.Ecs.Deployments;

/// <summary>
/// The platform's one reconciler: every <see cref="EcsOptions.ReconcileInterval"/> (or at once when an API call wakes it) it
/// observes the labelled containers and moves every service toward its desired state; it stops when the platform stops.
/// </summary>
internal sealed class ServiceScheduler(EcsStateStore store, DockerCli docker, EcsOptions options)
{
    private readonly TaskLauncher _launcher = new(docker, store.PlatformId);
    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly CancellationTokenSource _stopping = new();
    private Task _loop = Task.CompletedTask;
    private bool _afterRestart = true;

    /// <summary>Why the last pass failed (the engine went away, say); null after a pass that succeeded.</summary>
    public Exception? LastError { get; private set; }

    /// <summary>Starts reconciling in the background.</summary>
    public void Start() => _loop = Task.Run(LoopAsync);

    /// <summary>Makes the next pass start now rather than at the next interval.</summary>
    public void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already woken: one pass serves every call made before it.
        }
    }

    /// <summary>Stops reconciling, waiting for a pass in progress; then removes every container when <paramref name="removeContainers"/>, or leaves them to be adopted on the next start.</summary>
    public async Task StopAsync(bool removeContainers)
    {
        if (!_stopping.IsCancellationRequested)
            await _stopping.CancelAsync();
        await _loop;
        using (await store.LockAsync(CancellationToken.None))
        {
            // A platform that never ran a service needs no engine to stop.
            if (removeContainers && store.Accounts.Any(account => account.LiveServices.Any()))
            {
                try
                {
                    await docker.RemoveAsync(await docker.ListAsync(store.PlatformId, CancellationToken.None), CancellationToken.None);
                    foreach (var service in store.Accounts.SelectMany(account => account.Services))
                    {
                        foreach (var deployment in service.Deployments)
                            deployment.Tasks.Clear();
                        service.IsSteady = false;
                    }
                }
                catch (DockerEngineException exception)
                {
                    // Stopping must not fail because the engine went first: the tasks stay recorded and the next start replaces those that are gone.
                    LastError = exception;
                }
            }

            store.Save();
        }
    }

    /// <summary>One pass over every service of every account; the state is saved however the pass ends.</summary>
    public async Task ReconcileAsync(CancellationToken cancellationToken)
    {
        using var _ = await store.LockAsync(cancellationToken);
        var services = store.Accounts.SelectMany(account => account.LiveServices.Select(service => (account, service))).ToList();
        if (services.Count == 0)
            return;
        try
        {
            // Services without tasks that want none (all scaled to zero) need no engine.
            var containers = services.Any(item => item.service.DesiredCount > 0 || item.service.Tasks.Any())
                ? (await docker.ObserveAsync(store.PlatformId, cancellationToken)).ToDictionary(container => container.Id)
                : [];
            await RemoveUnknownContainersAsync(containers, cancellationToken);
            var environment = new RolloutEnvironment(_launcher, options, containers, PortsInUse, _afterRestart);
            var failures = new List<Exception>();
            foreach (var (account, service) in services)
            {
                try
                {
                    await new ServiceRollout(account, service, environment).RunAsync(cancellationToken);
                }
                catch (Exception exception) when (exception is not (OperationCanceledException or DockerEngineException))
                {
                    // One service's trouble (a container that will not go away, say) must not hold the others back.
                    failures.Add(exception);
                }
            }

            _afterRestart = false;
            if (failures.Count > 0)
                throw failures.Count == 1 ? failures[0] : new AggregateException(failures);
        }
        finally
        {
            store.Save();
        }
    }

    private async Task LoopAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            try
            {
                await ReconcileAsync(_stopping.Token);
                LastError = null;
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // The loop must outlive a bad pass (an engine restart, a full disk); the next pass tries again.
                LastError = exception;
            }

            try
            {
                await _wake.WaitAsync(options.ReconcileInterval, _stopping.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    // Containers with this platform's label that no task owns: left by a pass interrupted between `docker run` and saving, or by a task already removed.
    private async Task RemoveUnknownContainersAsync(Dictionary<string, ContainerObservation> containers, CancellationToken cancellationToken)
    {
        var owned = store.Accounts.SelectMany(account => account.Services).SelectMany(service => service.Tasks)
            .SelectMany(task => task.Containers).Select(container => container.ContainerId).ToHashSet();
        var unknown = containers.Keys.Where(id => !owned.Contains(id)).ToList();
        await docker.RemoveAsync(unknown, cancellationToken);
        foreach (var id in unknown)
            containers.Remove(id);
    }

    private IReadOnlySet<int> PortsInUse() => store.Accounts
        .SelectMany(account => account.LiveServices.SelectMany(service => service.Tasks).Select(task => account.FindTaskDefinition(task.TaskDefinition)))
        .SelectMany(definition => definition?.HostPorts() ?? new HashSet<int>())
        .ToHashSet();
}
