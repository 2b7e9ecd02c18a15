using Slipway.Containers.References;

namespace Slipway.Containers.Building;

/// <summary>What a finished docker build produced.</summary>
/// <param name="ImageId">The image id as the engine wrote it to the id file, such as <c>sha256:4f1c...</c>.</param>
/// <param name="Tags">The tags the image was given.</param>
/// <param name="Builder">The builder that ran.</param>
/// <param name="Duration">How long the build ran, engine checks included.</param>
public sealed record DockerBuildResult(string ImageId, IReadOnlyList<ImageReference> Tags, DockerBuilderKind Builder, TimeSpan Duration);
