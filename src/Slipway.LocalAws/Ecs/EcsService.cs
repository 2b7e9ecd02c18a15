using System.Text.Json.Nodes;
using Slipway.LocalAws.Ecs.Deployments;
using Slipway.LocalAws.Ecs.Docker;
using Slipway.LocalAws.Ecs.State;
using Slipway.LocalAws.Server;

namespace Slipway.LocalAws.Ecs;

/// <summary>
/// ECS over JSON 1.1, its services run as containers of the local Docker engine (over its API): task definitions, clusters and services per
/// account, deployments rolled out by a background reconciler with ECS's circuit breaker. Operations are split by resource
/// into partial files; disposing stops the reconciler and (by default) removes every container it started.
/// </summary>
internal sealed partial class EcsService : IAwsJsonService, IAsyncDisposable
{
    private readonly EcsOptions _options;
    private readonly EcsStateStore _store;
    private readonly DockerEngine _docker;
    private readonly ServiceScheduler _scheduler;
    private readonly Lock _stopLock = new();
    private Task? _stopped;

    /// <summary>Loads the state kept in <see cref="EcsOptions.DataDirectory"/> and starts the reconciler, which adopts the containers of a previous run or starts replacements.</summary>
    public EcsService(EcsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.CircuitBreakerThreshold, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.ReconcileInterval, TimeSpan.Zero, nameof(options));
        _options = options;
        _store = EcsStateStore.Open(Path.Combine(Path.GetFullPath(options.DataDirectory), "ecs"));
        _docker = new DockerEngine(options.DockerHost);
        _scheduler = new ServiceScheduler(_store, _docker, options);
        _scheduler.Start();
    }

    /// <inheritdoc />
    public string TargetPrefix => "AmazonEC2ContainerServiceV20141113";

    /// <inheritdoc />
    public string SigningName => "ecs";

    /// <summary>The value of the <c>slipway.ecs.platform</c> label on this data folder's containers.</summary>
    internal string PlatformId => _store.PlatformId;

    /// <summary>Why the reconciler's last pass failed, or null.</summary>
    internal Exception? LastReconcileError => _scheduler.LastError;

    /// <inheritdoc />
    public async Task<JsonNode?> HandleAsync(string operation, JsonObject input, CallContext context, CancellationToken cancellationToken)
    {
        using var _ = await _store.LockAsync(cancellationToken);
        var account = _store.Account(context.AccountId, context.Region);
        try
        {
            return operation switch
            {
                "RegisterTaskDefinition" => RegisterTaskDefinition(account, input, context),
                "DescribeTaskDefinition" => DescribeTaskDefinition(account, input),
                "ListTaskDefinitions" => ListTaskDefinitions(account, input),
                "DeregisterTaskDefinition" => DeregisterTaskDefinition(account, input, context),
                "CreateCluster" => CreateCluster(account, input, context),
                "DescribeClusters" => DescribeClusters(account, input, context),
                "ListClusters" => ListClusters(account, input),
                "CreateService" => await CreateServiceAsync(account, input, context, cancellationToken),
                "DescribeServices" => DescribeServices(account, input, context),
                "ListServices" => ListServices(account, input),
                "UpdateService" => await UpdateServiceAsync(account, input, context, cancellationToken),
                "DeleteService" => DeleteService(account, input, context),
                "ListTasks" => ListTasks(account, input),
                "DescribeTasks" => DescribeTasks(account, input, context),
                _ => throw new AwsErrorException("UnknownOperationException", $"Operation '{operation}' is not supported by this ECS endpoint."),
            };
        }
        finally
        {
            _store.Save();
        }
    }

    /// <summary>Checks that the Docker engine answers; an <see cref="InvalidOperationException"/> naming DOCKER_HOST and how to start dockerd otherwise.</summary>
    public async Task EnsureDockerEngineAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await _docker.EnsureEngineAsync(cancellationToken);
        }
        catch (DockerEngineException exception)
        {
            throw new InvalidOperationException(exception.Message, exception);
        }
    }

    /// <summary>Stops the reconciler and, unless <see cref="EcsOptions.RemoveContainersOnShutdown"/> is false, removes every container of this data folder; the state stays for the next start.</summary>
    public Task StopAsync()
    {
        lock (_stopLock)
            return _stopped ??= StopSchedulerAsync();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task StopSchedulerAsync()
    {
        await _scheduler.StopAsync(_options.RemoveContainersOnShutdown);
        _docker.Dispose();
    }

    // Deployments need the engine: a service call that would start one fails at once, with the fix, rather than leaving the rollout stuck.
    private async Task RequireEngineAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _docker.EnsureEngineAsync(cancellationToken);
        }
        catch (DockerEngineException exception)
        {
            throw new AwsErrorException("ServerException", exception.Message, 500);
        }
    }

    private static JsonObject Output(string name, JsonNode value) => new() { [name] = value };

    private static bool IncludesTags(JsonObject input) => input.Strings("include")?.Contains("TAGS") == true;
}
