using System.Globalization;
using System.Net;
using Docker.DotNet;
using Docker.DotNet.Models;
using Version = System.Version;

namespace Slipway.LocalAws.Ecs.Docker;

/// <summary>
/// The Docker Engine API as the local ECS uses it: create and start, inspect, list by label, remove, pull, and the events
/// stream. The only file that uses Docker.DotNet's types (its minor versions break API), so a library upgrade touches this file alone.
/// </summary>
internal sealed class DockerEngine(string? dockerHost) : IDisposable
{
    // The API of Docker Engine 29, which this client's models describe; an older engine is spoken to in its own version.
    private static readonly Version NewestApiVersion = new(1, 52);

    private readonly SemaphoreSlim _connecting = new(1, 1);
    private readonly SemaphoreSlim _networking = new(1, 1);
    private readonly Dictionary<string, string> _networkIds = [];
    private DockerClient? _client;

    /// <summary>The engine address: <see cref="EcsOptions.DockerHost"/>, else DOCKER_HOST, else Docker's default socket.</summary>
    public string? DockerHost => dockerHost;

    /// <summary>Checks that the engine answers; a <see cref="DockerEngineException"/> saying how to start one otherwise.</summary>
    public async Task EnsureEngineAsync(CancellationToken cancellationToken) => await ClientAsync(cancellationToken);

    /// <summary>
    /// Creates and starts a container; pulls its image first when the engine lacks it. A <see cref="ContainerStartException"/> when it cannot run.
    /// Cancelling does not abandon a create or start already sent: the engine finishes those even when the client goes away, so the
    /// container would appear after a stopping platform listed its containers. The call waits for them, removes the container, then throws.
    /// </summary>
    public async Task<string> RunAsync(ContainerCreateRequest request, RegistryCredential? credential, CancellationToken cancellationToken)
    {
        var client = await ClientAsync(cancellationToken);
        var network = request.Network is "host" or "none" ? request.Network : await NetworkIdAsync(client, request.Network, cancellationToken);
        var parameters = CreateParameters(request, network);
        cancellationToken.ThrowIfCancellationRequested();
        CreateContainerResponse created;
        try
        {
            created = await Call(() => client.Containers.CreateContainerAsync(parameters, CancellationToken.None));
        }
        catch (DockerApiException exception) when (exception.StatusCode == HttpStatusCode.NotFound)
        {
            // As `docker run` does: the image is not on the engine, so pull it, then create again.
            await PullAsync(client, request.Image, credential, cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
            created = await Call(() => client.Containers.CreateContainerAsync(parameters, CancellationToken.None));
        }
        catch (DockerApiException exception)
        {
            throw new ContainerStartException(Message(exception), isPullFailure: false, containerId: null);
        }

        try
        {
            if (!cancellationToken.IsCancellationRequested)
                await Call(() => client.Containers.StartContainerAsync(created.ID, new ContainerStartParameters(), CancellationToken.None));
        }
        catch (DockerApiException exception)
        {
            throw new ContainerStartException(Message(exception), isPullFailure: false, containerId: created.ID);
        }

        if (cancellationToken.IsCancellationRequested)
        {
            await RemoveIfPresentAsync(created.ID, CancellationToken.None);
            cancellationToken.ThrowIfCancellationRequested();
        }

        return created.ID;
    }

    /// <summary>The ids of every container labelled <c>slipway.ecs.platform=<paramref name="platformId"/></c>, running or not.</summary>
    public async Task<IReadOnlyList<string>> ListAsync(string platformId, CancellationToken cancellationToken)
    {
        var client = await ClientAsync(cancellationToken);
        var containers = await Call(() => client.Containers.ListContainersAsync(
            new ContainersListParameters { All = true, Filters = PlatformFilter(platformId) }, cancellationToken));
        return containers.Select(container => container.ID).ToList();
    }

    /// <summary>What the engine says about container <paramref name="id"/>; a <see cref="ContainerNotFoundException"/> when it is gone.</summary>
    public async Task<ContainerObservation> InspectAsync(string id, CancellationToken cancellationToken)
    {
        var client = await ClientAsync(cancellationToken);
        try
        {
            var inspected = await Call(() => client.Containers.InspectContainerAsync(id, cancellationToken));
            var state = inspected.State ?? new global::Docker.DotNet.Models.State();
            return new ContainerObservation(
                inspected.ID,
                inspected.Config?.Labels?.AsReadOnly() ?? new Dictionary<string, string>().AsReadOnly(),
                state.Status ?? "",
                (int)state.ExitCode,
                state.Health?.Status is { Length: > 0 } health ? health : null,
                state.Error is { Length: > 0 } error ? error : null)
            {
                Ports = Bindings(inspected.NetworkSettings?.Ports),
            };
        }
        catch (DockerContainerNotFoundException exception)
        {
            throw new ContainerNotFoundException(id, exception);
        }
    }

    /// <summary>Removes container <paramref name="id"/> whether it runs or not, with its anonymous volumes; a <see cref="ContainerNotFoundException"/> when it is gone.</summary>
    public async Task RemoveAsync(string id, CancellationToken cancellationToken)
    {
        var client = await ClientAsync(cancellationToken);
        try
        {
            await Call(() => client.Containers.RemoveContainerAsync(id, new ContainerRemoveParameters { Force = true, RemoveVolumes = true }, cancellationToken));
        }
        catch (DockerContainerNotFoundException exception)
        {
            throw new ContainerNotFoundException(id, exception);
        }
        catch (DockerApiException exception) when (exception.StatusCode == HttpStatusCode.Conflict && exception.ResponseBody?.Contains("already in progress", StringComparison.Ordinal) == true)
        {
            // Another remove (the engine's own, or an earlier pass) is under way: the container is going.
        }
    }

    /// <summary>Removes container <paramref name="id"/> whether it runs or not; one already gone is ignored.</summary>
    public async Task RemoveIfPresentAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            await RemoveAsync(id, cancellationToken);
        }
        catch (ContainerNotFoundException)
        {
            // Gone already: what removing wanted.
        }
    }

    /// <summary>
    /// Streams the events of containers labelled with <paramref name="platformId"/> (die, health_status, oom, destroy) from
    /// <paramref name="since"/> (null: from now) to <paramref name="onEvent"/>; returns when the stream ends, throws when it breaks.
    /// </summary>
    public async Task StreamEventsAsync(string platformId, ContainerEventTime? since, Action<ContainerEvent> onEvent, CancellationToken cancellationToken)
    {
        var client = await ClientAsync(cancellationToken);
        var filters = PlatformFilter(platformId);
        filters["type"] = new Dictionary<string, bool> { ["container"] = true };
        filters["event"] = ContainerEvent.Actions.ToDictionary(action => action, _ => true);
        var parameters = new ContainerEventsParameters { Filters = filters, Since = since?.ToString() };
        await Call(() => client.System.MonitorEventsAsync(parameters, new EventSink(onEvent), cancellationToken));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _client?.Dispose();
        _connecting.Dispose();
        _networking.Dispose();
    }

    private async Task PullAsync(DockerClient client, string image, RegistryCredential? credential, CancellationToken cancellationToken)
    {
        var (repository, tag) = SplitReference(image);
        var auth = credential is null ? new AuthConfig() : new AuthConfig { Username = credential.UserName, Password = credential.Password, ServerAddress = credential.ServerAddress };
        string? streamError = null;
        try
        {
            // A pull that fails after it started reports the error in the progress stream, not as a status code.
            await Call(() => client.Images.CreateImageAsync(
                new ImagesCreateParameters { FromImage = repository, Tag = tag }, auth,
                new Sink<JSONMessage>(message => streamError ??= message.Error?.Message is { Length: > 0 } error ? error : null), cancellationToken));
        }
        catch (DockerApiException exception)
        {
            throw new ContainerStartException($"pull image '{image}': {Message(exception)}", isPullFailure: true, containerId: null);
        }

        if (streamError is not null)
            throw new ContainerStartException($"pull image '{image}': {streamError}", isPullFailure: true, containerId: null);
    }

    // The pull API takes the tag apart; a reference without one means "latest" (an empty tag would pull every tag).
    private static (string Repository, string? Tag) SplitReference(string image)
    {
        if (image.Contains('@', StringComparison.Ordinal))
            return (image, null);
        var colon = image.LastIndexOf(':');
        return colon > image.LastIndexOf('/') ? (image[..colon], image[(colon + 1)..]) : (image, "latest");
    }

    /// <summary>
    /// The id of bridge network <paramref name="name"/>, created when missing. Every platform on the engine shares it (a network per
    /// platform would use up the engine's address pools), so a creation race is settled by using the oldest network of that name.
    /// </summary>
    private async Task<string> NetworkIdAsync(DockerClient client, string name, CancellationToken cancellationToken)
    {
        await _networking.WaitAsync(cancellationToken);
        try
        {
            if (_networkIds.TryGetValue(name, out var known))
                return known;
            var existing = await NamedNetworksAsync(client, name, cancellationToken);
            if (existing.Count == 0)
            {
                try
                {
                    await Call(() => client.Networks.CreateNetworkAsync(new NetworksCreateParameters
                    {
                        Name = name, Driver = "bridge", Labels = new Dictionary<string, string> { [ContainerLabels.Network] = "true" },
                    }, cancellationToken));
                }
                catch (DockerApiException exception) when (exception.StatusCode == HttpStatusCode.Conflict)
                {
                    // Another platform created it a moment ago (engines that check duplicate names refuse the second).
                }

                existing = await NamedNetworksAsync(client, name, cancellationToken);
            }

            return _networkIds[name] = existing.FirstOrDefault()
                ?? throw new ContainerStartException($"network '{name}' could not be created on the Docker engine.", isPullFailure: false, containerId: null);
        }
        catch (DockerApiException exception)
        {
            throw new ContainerStartException($"network '{name}': {Message(exception)}", isPullFailure: false, containerId: null);
        }
        finally
        {
            _networking.Release();
        }
    }

    private async Task<IReadOnlyList<string>> NamedNetworksAsync(DockerClient client, string name, CancellationToken cancellationToken)
    {
        var networks = await Call(() => client.Networks.ListNetworksAsync(
            new NetworksListParameters { Filters = new Dictionary<string, IDictionary<string, bool>> { ["name"] = new Dictionary<string, bool> { [name] = true } } },
            cancellationToken));
        // The name filter matches substrings.
        return networks.Where(network => network.Name == name).OrderBy(network => network.Created).ThenBy(network => network.ID, StringComparer.Ordinal)
            .Select(network => network.ID).ToList();
    }

    private static List<PortBinding> Bindings(IDictionary<string, IList<global::Docker.DotNet.Models.PortBinding>>? ports)
    {
        var bindings = new List<PortBinding>();
        foreach (var (key, published) in ports ?? new Dictionary<string, IList<global::Docker.DotNet.Models.PortBinding>>())
        {
            var parts = key.Split('/');
            if (!int.TryParse(parts[0], CultureInfo.InvariantCulture, out var containerPort))
                continue;
            foreach (var binding in published ?? [])
            {
                if (int.TryParse(binding.HostPort, CultureInfo.InvariantCulture, out var hostPort))
                    bindings.Add(new PortBinding(containerPort, parts.Length > 1 ? parts[1] : "tcp", binding.HostIP is { Length: > 0 } ip ? ip : "0.0.0.0", hostPort));
            }
        }

        return bindings;
    }

    private static CreateContainerParameters CreateParameters(ContainerCreateRequest request, string network) => new()
    {
        Name = request.Name,
        Image = request.Image,
        Entrypoint = request.EntryPoint?.ToList(),
        Cmd = request.Command?.ToList(),
        Env = request.Environment.ToList(),
        Labels = request.Labels.ToDictionary(),
        // Null leaves the image's own; the models are not annotated for that.
        WorkingDir = request.WorkingDirectory!,
        User = request.User!,
        StopTimeout = request.StopTimeout,
        Healthcheck = request.HealthCheck is { } check
            ? new HealthcheckConfig { Test = check.Command.ToList(), Interval = check.Interval, Timeout = check.Timeout, Retries = check.Retries, StartPeriod = check.StartPeriod }
            : null,
        ExposedPorts = request.PublishedPorts.Count == 0 ? null! : request.PublishedPorts.ToDictionary(Key, _ => default(EmptyStruct)),
        HostConfig = new HostConfig
        {
            NetworkMode = network,
            // Only on loopback, as every socket of the platform; an empty host port is the engine's choice of a free one.
            PortBindings = request.PublishedPorts.Count == 0 ? null! : request.PublishedPorts.GroupBy(Key).ToDictionary(
                group => group.Key,
                group => (IList<global::Docker.DotNet.Models.PortBinding>)group.Select(port => new global::Docker.DotNet.Models.PortBinding
                {
                    HostIP = "127.0.0.1", HostPort = port.HostPort == 0 ? "" : port.HostPort.ToString(CultureInfo.InvariantCulture),
                }).ToList()),
        },
    };

    private static string Key(PublishedPort port) => $"{port.ContainerPort.ToString(CultureInfo.InvariantCulture)}/{port.Protocol}";

    private static Dictionary<string, IDictionary<string, bool>> PlatformFilter(string platformId) =>
        new() { ["label"] = new Dictionary<string, bool> { [$"{ContainerLabels.Platform}={platformId}"] = true } };

    // The client is made on first use and speaks the engine's API version when that is older than the client's (Debian's engine speaks 1.41 and refuses 1.42+).
    private async Task<DockerClient> ClientAsync(CancellationToken cancellationToken)
    {
        if (_client is { } ready)
            return ready;
        await _connecting.WaitAsync(cancellationToken);
        try
        {
            if (_client is not null)
                return _client;
            using var unversioned = Builder().Build();
            var version = await Call(() => unversioned.System.GetVersionAsync(cancellationToken));
            var engineVersion = Version.TryParse(version.APIVersion, out var parsed) ? parsed : NewestApiVersion;
            return _client = Builder().WithApiVersion(engineVersion < NewestApiVersion ? engineVersion : NewestApiVersion).Build();
        }
        finally
        {
            _connecting.Release();
        }
    }

    private DockerClientBuilder Builder()
    {
        var builder = new DockerClientBuilder();
        return dockerHost is null ? builder : builder.WithEndpoint(new Uri(dockerHost));
    }

    // An engine that does not answer becomes the error that says how to start one; the engine's own refusals pass through.
    private async Task<T> Call<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException or System.Net.Sockets.SocketException or DockerConfigurationException)
        {
            throw DockerEngineException.Unreachable(dockerHost, exception.Message);
        }
    }

    private async Task Call(Func<Task> call) => await Call(async () =>
    {
        await call();
        return true;
    });

    private static string Message(DockerApiException exception)
    {
        var body = exception.ResponseBody?.Trim() ?? "";
        try
        {
            using var json = System.Text.Json.JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty("message", out var message) ? message.GetString() ?? body : body;
        }
        catch (System.Text.Json.JsonException)
        {
            return body.Length > 0 ? body : exception.StatusCode.ToString();
        }
    }

    private static ContainerEvent? ToEvent(Message message)
    {
        if (message.Actor?.ID is not { Length: > 0 } id || message.Action is not { Length: > 0 } action)
            return null;
        var attributes = message.Actor.Attributes ?? new Dictionary<string, string>();
        int? exitCode = attributes.TryGetValue("exitCode", out var code) && int.TryParse(code, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
        var time = message.TimeNano is { } nanoseconds ? new ContainerEventTime(nanoseconds) : new ContainerEventTime((message.Time ?? 0) * 1_000_000_000);
        return new ContainerEvent(id, action, exitCode, attributes.TryGetValue(ContainerLabels.Task, out var task) ? task : null, time);
    }

    // Progress<T> would post to a synchronization context; events must reach the scheduler as they arrive.
    private sealed class Sink<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }

    private sealed class EventSink(Action<ContainerEvent> onEvent) : IProgress<Message>
    {
        public void Report(Message value)
        {
            if (ToEvent(value) is { } containerEvent)
                onEvent(containerEvent);
        }
    }
}
