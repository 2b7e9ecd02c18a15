namespace Slipway.LocalAws.Ecs.Docker;

/// <summary>The Docker engine cannot be used: it does not answer at its address; the message says how to fix it.</summary>
internal sealed class DockerEngineException(string message, Exception? inner = null) : Exception(message, inner)
{
    private const string StartEngine =
        "Start an engine (Debian, as root): 'apt-get install -y docker.io', then " +
        "'dockerd --storage-driver=vfs --iptables=false --ip6tables=false --bridge=none >/tmp/dockerd.log 2>&1 &' and wait for 'docker info' to answer; " +
        "or set DOCKER_HOST to an engine that runs.";

    /// <summary>The error for an engine that does not answer at <paramref name="dockerHost"/> (null: the environment's DOCKER_HOST or Docker's default socket).</summary>
    public static DockerEngineException Unreachable(string? dockerHost, string detail)
    {
        var host = dockerHost ?? Environment.GetEnvironmentVariable("DOCKER_HOST");
        var where = string.IsNullOrEmpty(host)
            ? "DOCKER_HOST is not set, so the platform tried the default unix:///var/run/docker.sock"
            : $"DOCKER_HOST is '{host}'";
        return new($"The Docker engine does not answer ({where}): {detail.Trim()}. The local ECS runs every task as a Docker container. {StartEngine}");
    }
}
