namespace Slipway.LocalAws.Ecs.Docker;

/// <summary>The container is not on the engine (any more): removed by the platform, by its engine, or by someone with <c>docker rm</c>.</summary>
internal sealed class ContainerNotFoundException(string containerId, Exception inner)
    : Exception($"The container '{containerId}' does not exist on the Docker engine.", inner)
{
    /// <summary>The id asked for.</summary>
    public string ContainerId { get; } = containerId;
}
