using System.Text;
using System.Text.Json.Nodes;
using Slipway.Aws.Ecr;
using Slipway.Aws.Tests.Infrastructure;
using Slipway.Aws.Tests.Integration;
using Slipway.LocalAws.Tests.Infrastructure;

namespace Slipway.Aws.Tests.Ecr;

/// <summary>Retagging inside one repository against the real local platform (ECR backed by the CNCF registry), each test in its own repository;
/// races with another writer against a loopback stub.</summary>
public sealed class EcrImageTagsTest(LocalPlatformFixture local) : IClassFixture<LocalPlatformFixture>, IDisposable
{
    private readonly EcrClient _ecr = new(local.Options());
    private readonly TestEnvironment _environment = new();

    private EcrImageTags Tags => new(_ecr);

    public void Dispose()
    {
        _ecr.Dispose();
        _environment.Dispose();
    }

    [Fact]
    public async Task TestRetag_SingleImageKeepsDigestAndManifestBytes()
    {
        var image = await PushedAsync("retag/single", "1.0.0-rc.1");

        var first = await Tags.RetagAsync(Request("retag/single", "1.0.0-rc.1", "1.0.0"));
        var again = await Tags.RetagAsync(Request("retag/single", "1.0.0-rc.1", "1.0.0"));

        Assert.Equal(new EcrRetagResult(EcrRetagOutcome.Tagged, image.ManifestDigest), first);
        Assert.Equal(new EcrRetagResult(EcrRetagOutcome.AlreadyTagged, image.ManifestDigest), again);
        Assert.Equal(image.ManifestDigest, await Tags.GetDigestAsync("retag/single", "1.0.0"));
        var target = await ManifestAsync("retag/single", "1.0.0");
        Assert.Equal((image.ManifestText, TestImage.MediaType), (target.ImageManifest, target.ImageManifestMediaType));
        using var registry = await LocalPlatformFixture.SignInAsync(_ecr);
        Assert.Equal(image.Manifest, await registry.GetManifestAsync("retag/single", "1.0.0"));
    }

    [Fact]
    public async Task TestRetag_MultiPlatformIndexKeepsDigestAndManifestBytes()
    {
        await CreateRepositoryAsync("retag/multi");
        using var registry = await LocalPlatformFixture.SignInAsync(_ecr);
        var index = await PushIndexAsync(registry, "retag/multi", "2.0.0-rc.1", TestImage.Create("amd64", oci: true), TestImage.Create("arm64", oci: true));
        var indexDigest = TestImage.Digest(index);

        var first = await Tags.RetagAsync(Request("retag/multi", "2.0.0-rc.1", "2.0.0"));
        var again = await Tags.RetagAsync(Request("retag/multi", "2.0.0-rc.1", "2.0.0"));

        Assert.Equal(new EcrRetagResult(EcrRetagOutcome.Tagged, indexDigest), first);
        Assert.Equal(new EcrRetagResult(EcrRetagOutcome.AlreadyTagged, indexDigest), again);
        Assert.Equal(indexDigest, await Tags.GetDigestAsync("retag/multi", "2.0.0"));
        var target = await ManifestAsync("retag/multi", "2.0.0");
        Assert.Equal((Encoding.UTF8.GetString(index), ManifestMediaTypes.OciIndex), (target.ImageManifest, target.ImageManifestMediaType));
    }

    [Theory]
    [InlineData("retag/immutable", ImageTagMutability.Immutable)]
    [InlineData("retag/mutable", ImageTagMutability.Mutable)]
    public async Task TestRetag_TargetTagOnAnotherImageIsNeverMoved(string repository, string mutability)
    {
        await CreateRepositoryAsync(repository, mutability);
        using var registry = await LocalPlatformFixture.SignInAsync(_ecr);
        var released = TestImage.Create($"released {mutability}");
        var candidate = TestImage.Create($"candidate {mutability}");
        (await registry.PushAsync(repository, released, "1.0.0")).Dispose();
        (await registry.PushAsync(repository, candidate, "1.0.1-rc.1")).Dispose();

        var conflict = await Assert.ThrowsAsync<EcrTagConflictException>(() => Tags.RetagAsync(Request(repository, "1.0.1-rc.1", "1.0.0")));

        Assert.Equal((repository, "1.0.0", released.ManifestDigest, candidate.ManifestDigest),
            (conflict.RepositoryName, conflict.Tag, conflict.ExistingDigest, conflict.RequestedDigest));
        Assert.Equal($"Tag '1.0.0' in repository '{repository}' already names image '{released.ManifestDigest}', not '{candidate.ManifestDigest}'. " +
                     "Tags are never moved, so a released tag always means the same image: choose a new tag, " +
                     "or delete the existing tag first if it was pushed by mistake.", conflict.Message);
        Assert.Equal(released.ManifestDigest, await Tags.GetDigestAsync(repository, "1.0.0"));
    }

    [Fact]
    public async Task TestRetag_MissingSourceTagNamesRepositoryAndTag()
    {
        await CreateRepositoryAsync("retag/missing");

        var missing = await Assert.ThrowsAsync<EcrSourceImageNotFoundException>(() => Tags.RetagAsync(Request("retag/missing", "9.9.9-rc.1", "9.9.9")));

        Assert.Equal("Repository 'retag/missing' has no image with tag '9.9.9-rc.1' to retag. " +
                     "Check the tag, and that the image was pushed to this repository and account.", missing.Message);
        Assert.Equal("retag/missing", missing.RepositoryName);
        Assert.Null(await Tags.GetDigestAsync("retag/missing", "9.9.9"));
    }

    [Fact]
    public async Task TestRetag_BySourceDigestAndMismatchedTagAndDigest()
    {
        var image = await PushedAsync("retag/digest", "build-17");
        var other = TestImage.Create("other");

        var byDigest = await Tags.RetagAsync(new EcrRetagRequest { RepositoryName = "retag/digest", SourceDigest = image.ManifestDigest, TargetTag = "3.0.0" });
        var mismatch = await Assert.ThrowsAsync<AwsException>(() => Tags.RetagAsync(new EcrRetagRequest
        {
            RepositoryName = "retag/digest", SourceTag = "build-17", SourceDigest = other.ManifestDigest, TargetTag = "3.0.1",
        }));

        Assert.Equal(new EcrRetagResult(EcrRetagOutcome.Tagged, image.ManifestDigest), byDigest);
        Assert.Contains("ImageTagDoesNotMatchDigest", mismatch.Message);
        Assert.Contains("'retag/digest'", mismatch.Message);
        Assert.Null(await Tags.GetDigestAsync("retag/digest", "3.0.1"));
    }

    [Fact]
    public async Task TestGetDigest_PresentMissingTagAndMissingRepository()
    {
        var image = await PushedAsync("retag/lookup", "v1");

        Assert.Equal(image.ManifestDigest, await Tags.GetDigestAsync("retag/lookup", "v1"));
        Assert.Null(await Tags.GetDigestAsync("retag/lookup", "v2"));
        await Assert.ThrowsAsync<RepositoryNotFoundException>(() => Tags.GetDigestAsync("retag/absent", "v1"));
    }

    [Theory]
    [InlineData("ImageAlreadyExistsException", null, EcrRetagOutcome.AlreadyTagged)]
    [InlineData("ImageTagAlreadyExistsException", "sha256:aaa", EcrRetagOutcome.AlreadyTagged)]
    [InlineData("ImageTagAlreadyExistsException", "sha256:bbb", null)]
    public async Task TestRetag_TargetTaggedByAnotherWriterAfterTheCheck(string putError, string? taggedMeanwhile, EcrRetagOutcome? expected)
    {
        // Escapes and a line break: the manifest must travel back as the same string, not an equal JSON value.
        const string manifest = "{\n  \"schemaVersion\": 2, \"mediaType\": \"application/vnd.oci.image.index.v1+json\", \"manifests\": [], \"x\": \"<&>\\u00e9\"}";
        var responses = new[]
        {
            StubResponse.Json(Images("sha256:aaa", manifest)),
            StubResponse.Json("""{"failures":[{"imageId":{"imageTag":"1.0.0"},"failureCode":"ImageNotFound","failureReason":"Requested image not found"}]}"""),
            StubResponse.Error(400, putError, "the tag exists"),
            StubResponse.Json(Images(taggedMeanwhile ?? "", "{}")),
        };
        await using var server = new LoopbackServer((_, index) => responses[index]);
        using var ecr = new EcrClient(_environment.LoopbackOptions(server));
        var retag = new EcrImageTags(ecr).RetagAsync(Request("team/api", "1.0.0-rc.1", "1.0.0"));

        if (expected is { } outcome)
            Assert.Equal(new EcrRetagResult(outcome, "sha256:aaa"), await retag);
        else
        {
            var conflict = await Assert.ThrowsAsync<EcrTagConflictException>(() => retag);
            Assert.Equal(("sha256:bbb", "sha256:aaa"), (conflict.ExistingDigest, conflict.RequestedDigest));
        }

        var requests = server.Requests.Select(request => JsonNode.Parse(request.BodyText)!).ToList();
        Assert.Equal(taggedMeanwhile is null ? 3 : 4, requests.Count);
        Assert.Contains(ManifestMediaTypes.DockerManifestList, requests[0]["acceptedMediaTypes"]!.AsArray().Select(type => (string)type!));
        Assert.Contains(ManifestMediaTypes.OciIndex, requests[0]["acceptedMediaTypes"]!.AsArray().Select(type => (string)type!));
        Assert.Equal((manifest, ManifestMediaTypes.OciIndex, "1.0.0", "sha256:aaa"),
            ((string?)requests[2]["imageManifest"], (string?)requests[2]["imageManifestMediaType"], (string?)requests[2]["imageTag"], (string?)requests[2]["imageDigest"]));
    }

    [Fact]
    public async Task TestGetDigest_AnswerWithoutImagesOrFailuresIsNoSuchTag()
    {
        await using var server = new LoopbackServer((_, _) => StubResponse.Json("{}"));
        using var ecr = new EcrClient(_environment.LoopbackOptions(server));

        Assert.Null(await new EcrImageTags(ecr).GetDigestAsync("team/api", "1.0.0"));
    }

    private static string Images(string digest, string manifest) => new JsonObject
    {
        ["images"] = new JsonArray(new JsonObject
        {
            ["imageId"] = new JsonObject { ["imageDigest"] = digest },
            ["imageManifest"] = manifest,
            ["imageManifestMediaType"] = ManifestMediaTypes.OciIndex,
        }),
    }.ToJsonString();

    private static EcrRetagRequest Request(string repository, string source, string target) =>
        new() { RepositoryName = repository, SourceTag = source, TargetTag = target };

    private Task CreateRepositoryAsync(string name, string mutability = ImageTagMutability.Mutable) =>
        _ecr.CreateRepositoryAsync(new CreateRepositoryRequest { RepositoryName = name, ImageTagMutability = mutability });

    /// <summary>A new repository holding one new image under <paramref name="tag"/>.</summary>
    private async Task<TestImage> PushedAsync(string repository, string tag)
    {
        await CreateRepositoryAsync(repository);
        using var registry = await LocalPlatformFixture.SignInAsync(_ecr);
        var image = TestImage.Create(repository);
        (await registry.PushAsync(repository, image, tag)).Dispose();
        return image;
    }

    private async Task<Image> ManifestAsync(string repository, string tag) =>
        Assert.Single((await _ecr.BatchGetImageAsync(new BatchGetImageRequest { RepositoryName = repository, ImageIds = [ImageIdentifier.ByTag(tag)] })).Images);

    /// <summary>Pushes each image by digest over the registry HTTP API, then an OCI index of them under <paramref name="tag"/>; returns the index bytes.</summary>
    private static async Task<byte[]> PushIndexAsync(RegistryPusher registry, string repository, string tag, params TestImage[] images)
    {
        var entries = new List<string>();
        foreach (var (image, architecture) in images.Zip(new[] { "amd64", "arm64" }))
        {
            await registry.UploadBlobAsync(repository, image.Config);
            await registry.UploadBlobAsync(repository, image.Layer);
            using var child = await registry.PutManifestAsync(repository, image.ManifestDigest, image.Manifest, TestImage.OciMediaType);
            Assert.True(child.IsSuccessStatusCode, $"Pushing the {architecture} image answered {child.StatusCode}");
            entries.Add($$$"""    {"mediaType": "{{{TestImage.OciMediaType}}}", "digest": "{{{image.ManifestDigest}}}", "size": {{{image.Manifest.Length}}}, "platform": {"architecture": "{{{architecture}}}", "os": "linux"}}""");
        }

        // Indented on purpose: the retag must keep these exact bytes, not an equal JSON value.
        var index = Encoding.UTF8.GetBytes($$"""
            {
              "schemaVersion": 2,
              "mediaType": "{{ManifestMediaTypes.OciIndex}}",
              "manifests": [
            {{string.Join(",\n", entries)}}
              ]
            }
            """);
        using var pushed = await registry.PutManifestAsync(repository, tag, index, ManifestMediaTypes.OciIndex);
        Assert.True(pushed.IsSuccessStatusCode, $"Pushing the index answered {pushed.StatusCode}: {await pushed.Content.ReadAsStringAsync()}");
        return index;
    }
}
