using System.Diagnostics;
using Slipway.LocalAws.Ecs.Docker;
using Slipway.LocalAws.Ecs.State;

namespace Slipway.LocalAws.Ecs.Deployments;

/// <summary>
/// The platform's one reconciler: it observes the labelled containers and moves every service toward its desired state. A pass
/// runs at once when an API call or an engine event (a container exited, turned healthy or unhealthy, was removed) wakes it,
/// when a pass asked for a later one (a launch backoff, a task stabilizing), and every <see cref="EcsOptions.ReconcileInterval"/>
/// as a safety net; it stops when the platform stops.
/// </summary>
internal sealed class ServiceScheduler
{
    private readonly EcsStateStore _store;
    private readonly EcsOptions _options;
    private readonly PlatformContainers _containers;
    private readonly TaskLauncher _launcher;
    private readonly ContainerEventWatcher _events;
    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly CancellationTokenSource _stopping = new();
    private Task _loop = Task.CompletedTask;
    private bool _afterRestart = true;
    private long _dueAt = long.MaxValue;

    /// <summary>A scheduler for the services in <paramref name="store"/>, running their tasks on <paramref name="engine"/>.</summary>
    public ServiceScheduler(EcsStateStore store, DockerEngine engine, EcsOptions options)
    {
        _store = store;
        _options = options;
        _containers = new PlatformContainers(engine, store.PlatformId);
        _launcher = new TaskLauncher(engine, _containers, store.PlatformId, options.RegistryCredentials, options.BridgeNetwork);
        _events = new ContainerEventWatcher(engine, store.PlatformId, _ => Wake(), Wake);
    }

    /// <summary>Why the last pass failed (the engine went away, say); null after a pass that succeeded.</summary>
    public Exception? LastError { get; private set; }

    /// <summary>Starts following the engine's events and reconciling in the background.</summary>
    public void Start()
    {
        _events.Start();
        _loop = Task.Run(LoopAsync);
    }

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
        // A launch in flight settles with the pass (the engine answers its create, the launch removes what it ran): the list below sees every container.
        await _loop;
        await _events.StopAsync();
        using (await _store.LockAsync(CancellationToken.None))
        {
            // A platform that never ran a service needs no engine to stop.
            if (removeContainers && _store.Accounts.Any(account => account.LiveServices.Any()))
            {
                try
                {
                    await _containers.RemoveAsync(await _containers.ListAsync(CancellationToken.None), CancellationToken.None);
                    foreach (var service in _store.Accounts.SelectMany(account => account.Services))
                    {
                        foreach (var deployment in service.Deployments)
                        {
                            foreach (var task in deployment.Tasks)
                            {
                                task.Stop("Stopped with the local platform", "ServiceSchedulerInitiated", _options.Clock.GetUtcNow());
                                service.KeepStopped(task);
                            }

                            deployment.Tasks.Clear();
                        }

                        service.IsSteady = false;
                    }
                }
                catch (DockerEngineException exception)
                {
                    // Stopping must not fail because the engine went first: the tasks stay recorded and the next start replaces those that are gone.
                    LastError = exception;
                }
            }

            _store.Save();
        }
    }

    /// <summary>One pass over every service of every account; the state is saved however the pass ends.</summary>
    public async Task ReconcileAsync(CancellationToken cancellationToken)
    {
        using var _ = await _store.LockAsync(cancellationToken);
        _dueAt = long.MaxValue;
        var services = _store.Accounts.SelectMany(account => account.LiveServices.Select(service => (account, service))).ToList();
        if (services.Count == 0)
            return;
        try
        {
            // Services without tasks that want none (all scaled to zero) need no engine.
            var containers = services.Any(item => item.service.DesiredCount > 0 || item.service.Tasks.Any())
                ? (await _containers.ObserveAsync(cancellationToken)).ToDictionary(container => container.Id)
                : [];
            await RemoveUnknownContainersAsync(containers, cancellationToken);
            var environment = new RolloutEnvironment(_launcher, _options, containers, PortsInUse, _afterRestart, WakeAt);
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
            _store.Save();
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
                await _wake.WaitAsync(NextWait(), _stopping.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    // Containers with this platform's label that no task owns: left by a pass interrupted between creating a container and saving, or by a task already removed.
    private async Task RemoveUnknownContainersAsync(Dictionary<string, ContainerObservation> containers, CancellationToken cancellationToken)
    {
        var owned = _store.Accounts.SelectMany(account => account.Services).SelectMany(service => service.Tasks)
            .SelectMany(task => task.Containers).Select(container => container.ContainerId).ToHashSet();
        var unknown = containers.Keys.Where(id => !owned.Contains(id)).ToList();
        await _containers.RemoveAsync(unknown, cancellationToken);
        foreach (var id in unknown)
            containers.Remove(id);
    }

    private void WakeAt(long timestamp) => _dueAt = Math.Min(_dueAt, timestamp);

    // The safety-net interval, or sooner when the last pass asked for a pass at a given time.
    private TimeSpan NextWait()
    {
        var untilDue = _dueAt == long.MaxValue ? _options.ReconcileInterval : Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), _dueAt);
        return untilDue < TimeSpan.Zero ? TimeSpan.Zero : untilDue < _options.ReconcileInterval ? untilDue : _options.ReconcileInterval;
    }

    private IReadOnlySet<int> PortsInUse() => _store.Accounts
        .SelectMany(account => account.LiveServices.SelectMany(service => service.Tasks).Select(task => account.FindTaskDefinition(task.TaskDefinition)))
        .SelectMany(definition => definition?.HostPorts() ?? new HashSet<int>())
        .ToHashSet();
}
