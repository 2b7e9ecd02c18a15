namespace Slipway.Components;

/// <summary>A build that generates files it commits (buildspec.yml, pipeline templates): --verify checks them instead of writing them.</summary>
public interface IHazGeneratedFiles : ISlipwayBuild
{
    /// <summary>Whether generation targets only check the committed files.</summary>
    [Parameter("Check that generated files (buildspec.yml, pipeline templates) equal what the build generates, and fail with the difference instead of writing them; CI uses it.")]
    bool Verify => this.TryGetValue<bool>();
}
