using Slipway.Containers.Building;
using Slipway.Containers.Ecr;
using Slipway.Containers.Publishing;
using Slipway.Logging;
using Slipway.Versioning.GitFlow;

namespace Slipway.Components;

/// <summary>
/// The PushEcr target: pushes the image DockerBuild built to the candidate account's ECR repository (the release account's when main
/// rehearses a release on the local platform), never overwriting a tag.
/// </summary>
public interface IPushEcr : IDockerBuild, IHazArtifacts
{
    private const string PushedKey = $"{nameof(IPushEcr)}.Pushed";
    private const string LoginKey = $"{nameof(IPushEcr)}.DockerConfig";

    /// <summary>Push even when the work tree has uncommitted changes.</summary>
    [Parameter("Push even when the work tree has uncommitted changes (the image then carries the tag and revision of a commit it was not built from).")]
    bool AllowUncommitted => this.TryGetValue<bool?>() ?? false;

    /// <summary>Changes the push request before it runs (repository settings, the local image, ...).</summary>
    Configure<EcrImagePushRequest> PushEcrSettings => _ => _;

    /// <summary>The image in the candidate registry after PushEcr ran in this build (tag and digest); null before.</summary>
    ImagePushResult? PushedImage => this.State().TryGet<ImagePushResult>(PushedKey, out var result) ? result : null;

    /// <summary>The file PushEcr records the pushed image in, for later targets and later runs.</summary>
    Slipway.IO.AbsolutePath PushedImageFile => ArtifactsDirectory / "image.json";

    /// <summary>Pushes the image.</summary>
    Target PushEcr => _ => _
        .Description("Pushes the service image to the candidate account's ECR repository (created when missing) and records its digest; never overwrites a tag. On main with production on the local platform: the release tag to the release registry.")
        .DependsOn(DockerBuild)
        .Produces("artifacts/image.json")
        .Executes(async ct =>
        {
            var versioning = await GetVersioningAsync();
            var image = await GetCandidateImageAsync();
            var request = PushEcrSettings(new EcrImagePushRequest(await GetEcrAsync(await GetImageAccountAsync()), ImageRepositorySettings, image.Tag!, versioning.Variables.Sha)
            {
                LocalImage = BuiltImage?.ImageId,
                UncommittedChanges = versioning.Variables.UncommittedChanges,
                AllowUncommitted = AllowUncommitted,
                LoginFolder = () => this.State().GetOrAdd(LoginKey, () =>
                {
                    // A killed build leaves its login behind; its token stays valid for hours, so it goes before a new one is made.
                    DockerConfigFolder.RemoveAbandoned(TemporaryDirectory);
                    return this.DisposeAtEnd(new DockerConfigFolder(TemporaryDirectory));
                }),
            });
            var result = await new EcrImagePush().PushAsync(request, LogToolOutput.Current, ct);

            ReportRepository(result.Repository, request.Repository);
            this.State().Set(PushedKey, result.Push);
            await PushedImageRecord.From(result.Push, versioning.Variables.Sha, versioning.FullSemVer).WriteAsync(PushedImageFile, ct);
            this.ReportSummary("Image", result.Push.Pinned.ToString());
            this.ExportImage(result.Push.Pinned);
            this.ReportSummary("Push", result.Push.Outcome switch
            {
                ImagePushOutcome.Pushed => "pushed",
                ImagePushOutcome.AlreadyPushed => "already in the registry with this digest; nothing sent",
                _ => $"the tag already holds another build of this commit ({result.Push.Digest}); kept it, this build's image was not pushed",
            });
        });
}
