using Slipway.IO;

namespace Slipway.Components;

/// <summary>A build that writes its outputs (packages, test results) into one artifacts folder.</summary>
public interface IHazArtifacts : ISlipwayBuild
{
    /// <summary>The artifacts folder, <c>artifacts/</c> under the root.</summary>
    AbsolutePath ArtifactsDirectory => RootDirectory / "artifacts";
}
