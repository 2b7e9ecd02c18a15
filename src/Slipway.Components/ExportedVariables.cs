using Slipway.Containers.References;
using Slipway.Versioning;

namespace Slipway.Components;

/// <summary>
/// The values targets export for CodeBuild's <c>exported-variables</c> (and CodePipeline's <c>#{BuildVariables.NAME}</c>): never an
/// <c>AWS_*</c> name, never a secret. The generated buildspec lists exactly these.
/// </summary>
public static class ExportedVariables
{
    /// <summary>The version of the commit built (GitVersion's FullSemVer), exported by Version.</summary>
    public const string Version = "SLIPWAY_VERSION";

    /// <summary>The branch's image tag, exported by Version.</summary>
    public const string ImageTag = "SLIPWAY_IMAGE_TAG";

    /// <summary>The pushed or deployed image as repository:tag, exported by PushEcr, PromoteRelease and Deploy.</summary>
    public const string ImageUri = "SLIPWAY_IMAGE_URI";

    /// <summary>The image's manifest digest (sha256:...), exported by PushEcr, PromoteRelease and Deploy.</summary>
    public const string ImageDigest = "SLIPWAY_IMAGE_DIGEST";

    /// <summary>The environment deployed to, exported by Deploy.</summary>
    public const string Environment = "SLIPWAY_ENVIRONMENT";

    /// <summary>Every exported name, in the order the buildspec lists them.</summary>
    public static IReadOnlyList<string> All { get; } = [Version, ImageTag, ImageUri, ImageDigest, Environment];

    /// <summary>Exports the version and the branch's image tag (the candidate tag, else the promoted one, as on main).</summary>
    internal static void ExportVersion(this ISlipwayBuild build, VersionResult result)
    {
        build.ExportVariable(Version, result.FullSemVer);
        if ((result.ImageTags.Candidate ?? result.ImageTags.Promoted) is { } tag)
            build.ExportVariable(ImageTag, tag);
    }

    /// <summary>Exports an image as repository:tag (repository@digest when it has no tag) and its digest.</summary>
    internal static void ExportImage(this ISlipwayBuild build, ImageReference image, string? digest = null)
    {
        build.ExportVariable(ImageUri, image.Tag is { } tag ? image.WithTag(tag).ToString() : image.ToString());
        if ((digest ?? image.Digest) is { } known)
            build.ExportVariable(ImageDigest, known);
    }
}
