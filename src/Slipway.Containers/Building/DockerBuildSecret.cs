namespace Slipway.Containers.Building;

/// <summary>A secret a Dockerfile reads with <c>RUN --mount=type=secret,id=...</c>; passed through the environment, never the command line.</summary>
/// <param name="Id">The secret id the Dockerfile mounts.</param>
/// <param name="Value">The secret value; it is masked in all output.</param>
public sealed record DockerBuildSecret(string Id, string Value)
{
    /// <summary>The secret id with its value hidden, so logging the request cannot leak it.</summary>
    public override string ToString() => $"DockerBuildSecret {{ Id = {Id} }}";
}
