namespace Slipway.LocalAws.Ecs.Docker;

/// <summary>A container could not be started: its image could not be pulled, or the engine refused to create or start it; the message is the engine's.</summary>
internal sealed class ContainerStartException(string message, bool isPullFailure, string? containerId) : Exception(message)
{
    /// <summary>Whether the image could not be pulled (ECS's <c>CannotPullContainerError</c>) rather than the container not starting.</summary>
    public bool IsPullFailure { get; } = isPullFailure;

    /// <summary>The container created before it failed to start, which must still be removed; null when none was created.</summary>
    public string? ContainerId { get; } = containerId;
}
