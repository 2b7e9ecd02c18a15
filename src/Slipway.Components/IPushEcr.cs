using System.Runtime.CompilerServices;
using System.Text.Json;
using Slipway.Containers.Building;
using Slipway.Containers.Publishing;
using Slipway.Logging;

namespace Slipway.Components;

/// <summary>The PushEcr target: pushes the image DockerBuild built to the candidate account's ECR repository, never overwriting a tag.</summary>
public interface IPushEcr : IDockerBuild, IHazArtifacts
{
    private static readonly ConditionalWeakTable<ISlipwayBuild, ImagePushResult> Pushed = new();
    private static readonly ConditionalWeakTable<ISlipwayBuild, DockerConfigFolder> DockerConfigs = new();

    /// <summary>Push even when the work tree has uncommitted changes.</summary>
    [Parameter("Push even when the work tree has uncommitted changes (the image then carries the tag and revision of a commit it was not built from).")]
    bool AllowUncommitted => this.TryGetValue<bool?>() ?? false;

    /// <summary>The image in the candidate registry after PushEcr ran in this build (tag and digest); null before.</summary>
    ImagePushResult? PushedImage => Pushed.TryGetValue(this, out var result) ? result : null;

    /// <summary>The file PushEcr records the pushed image in, for later targets and later runs.</summary>
    Slipway.IO.AbsolutePath PushedImageFile => ArtifactsDirectory / "image.json";

    /// <summary>Pushes the image.</summary>
    Target PushEcr => _ => _
        .Description("Pushes the service image to the candidate account's ECR repository (created when missing) and records its digest; never overwrites a tag.")
        .DependsOn(DockerBuild)
        .Produces("artifacts/image.json")
        .Executes(async ct =>
        {
            if (UncommittedChanges > 0 && !AllowUncommitted)
                throw new InvalidOperationException(
                    $"The work tree has {UncommittedChanges} uncommitted change(s) (git status): the image was built from them but would be pushed as '{CandidateTag}' " +
                    $"of commit {Versioning.Variables.Sha}, and later builds of that commit would reuse it. Commit or stash the changes and run again, or pass --allow-uncommitted.");
            var account = Ecr(CandidateAccount);
            await EnsureRepositoryAsync(account, ct);
            var image = CandidateImage;
            var revision = Versioning.Variables.Sha;
            ImagePushResult result;
            // Nothing built in this run (DockerBuild skipped): one look at the registry, not the skip check's lookups again.
            var existing = BuiltImage is null && UncommittedChanges == 0
                ? await account.Registry.GetImageConfigAsync(image.RepositoryPath, image.Tag!, ct)
                : null;
            if (existing is not null && existing.Revision == revision)
            {
                result = new ImagePushResult(ImagePushOutcome.AlreadyPushed, image, existing.ManifestDigest);
            }
            else
            {
                var config = DockerConfigs.GetValue(this, build =>
                {
                    // A killed build leaves its login behind; its token stays valid for hours, so it goes before a new one is made.
                    DockerConfigFolder.RemoveAbandoned(TemporaryDirectory);
                    return build.DisposeAtEnd(new DockerConfigFolder(TemporaryDirectory));
                });
                var docker = new DockerCli();
                await docker.LoginAsync(account.Host, account.Credentials.Username, account.Credentials.Password, config.Path, LogToolOutput.Current, ct);
                var publisher = new ImagePublisher(docker, account.Registry);
                result = await publisher.PushAsync(new ImagePushRequest(BuiltImage?.ImageId ?? image.ToString(), image, revision, config.Path), LogToolOutput.Current, ct);
            }

            Pushed.AddOrUpdate(this, result);
            Directory.CreateDirectory(ArtifactsDirectory);
            await File.WriteAllTextAsync(PushedImageFile, JsonSerializer.Serialize(new Dictionary<string, string>
            {
                ["image"] = result.Target.ToString(),
                ["digest"] = result.Digest,
                ["revision"] = revision,
                ["version"] = Versioning.FullSemVer,
                ["outcome"] = result.Outcome.ToString(),
            }, new JsonSerializerOptions { WriteIndented = true }), ct);
            this.ReportSummary("Image", result.Pinned.ToString());
            this.ReportSummary("Push", result.Outcome switch
            {
                ImagePushOutcome.Pushed => "pushed",
                ImagePushOutcome.AlreadyPushed => "already in the registry with this digest; nothing sent",
                _ => $"the tag already holds another build of this commit ({result.Digest}); kept it, this build's image was not pushed",
            });
        });
}
