namespace Slipway.Containers.Building;

/// <summary>Which docker builder produced an image.</summary>
public enum DockerBuilderKind
{
    /// <summary>BuildKit through <c>docker buildx build --load</c>.</summary>
    BuildKit,

    /// <summary>The classic (legacy) builder through <c>DOCKER_BUILDKIT=0 docker build</c>.</summary>
    Classic,
}
