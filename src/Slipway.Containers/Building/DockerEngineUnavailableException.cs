namespace Slipway.Containers.Building;

/// <summary>No Docker engine answered at the address the docker CLI uses (<c>DOCKER_HOST</c> or the default socket).</summary>
public sealed class DockerEngineUnavailableException(string message, string dockerHost) : Exception(message)
{
    /// <summary>The engine address that did not answer, such as <c>unix:///var/run/docker.sock</c>.</summary>
    public string DockerHost { get; } = dockerHost;
}
