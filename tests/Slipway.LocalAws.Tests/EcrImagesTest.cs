using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Slipway.LocalAws.Tests.Infrastructure;

namespace Slipway.LocalAws.Tests;

/// <summary>ECR images on a real registry: pushes over the registry HTTP API with an ECR token, then the ECR image operations on what was pushed.</summary>
public sealed class EcrImagesTest(TestPlatform fixture) : IClassFixture<TestPlatform>
{
    [Fact]
    public async Task TestPush_RegistryApiPushShowsUpInDescribeImages()
    {
        var (ecr, registry) = await RepositoryAsync("images/pushed");
        var image = TestImage.Create("pushed");

        using var pushed = await registry.PushAsync("images/pushed", image, "v1");
        var details = (await ecr.InvokeAsync("DescribeImages", new JsonObject { ["repositoryName"] = "images/pushed" }))["imageDetails"]!.AsArray();

        Assert.Equal(HttpStatusCode.Created, pushed.StatusCode);
        Assert.Equal(image.ManifestDigest, pushed.Headers.GetValues("Docker-Content-Digest").Single());
        var detail = Assert.Single(details)!;
        Assert.Equal((image.ManifestDigest, "v1", (long)image.Layer.Length, TestImage.MediaType),
            ((string?)detail["imageDigest"], (string?)detail["imageTags"]![0], (long)detail["imageSizeInBytes"]!, (string?)detail["imageManifestMediaType"]));
        Assert.InRange((double)detail["imagePushedAt"]!, fixture.Clock.GetUtcNow().ToUnixTimeSeconds() - 60, fixture.Clock.GetUtcNow().ToUnixTimeSeconds() + 1);
    }

    [Fact]
    public async Task TestBatchGetImage_ReturnsTheExactManifestAndFailureEntries()
    {
        var (ecr, registry) = await RepositoryAsync("images/get");
        var image = TestImage.Create("get");
        (await registry.PushAsync("images/get", image, "v1")).Dispose();

        var response = await ecr.CallAsync("BatchGetImage", new JsonObject
        {
            ["repositoryName"] = "images/get",
            ["imageIds"] = new JsonArray(new JsonObject { ["imageTag"] = "v1" }, new JsonObject { ["imageTag"] = "missing" }, new JsonObject()),
            ["acceptedMediaTypes"] = new JsonArray(TestImage.MediaType, "application/vnd.oci.image.index.v1+json"),
        });

        Assert.Equal(200, response.Status);
        var found = Assert.Single(response.Body["images"]!.AsArray())!;
        Assert.Equal(image.ManifestText, (string?)found["imageManifest"]);
        Assert.Equal(image.ManifestDigest, (string?)found["imageId"]!["imageDigest"]);
        Assert.Equal(["ImageNotFound", "MissingDigestAndTag"], response.Body["failures"]!.AsArray().Select(failure => (string)failure!["failureCode"]!));
    }

    [Fact]
    public async Task TestPutImage_RetagWithTheIdenticalManifestAddsTheTag()
    {
        var (ecr, registry) = await RepositoryAsync("images/retag", "IMMUTABLE");
        var image = TestImage.Create("retag");
        (await registry.PushAsync("images/retag", image, "1.0.0-rc.1")).Dispose();
        var manifest = (string)(await ecr.InvokeAsync("BatchGetImage", new JsonObject
        {
            ["repositoryName"] = "images/retag",
            ["imageIds"] = new JsonArray(new JsonObject { ["imageTag"] = "1.0.0-rc.1" }),
        }))["images"]![0]!["imageManifest"]!;

        var put = await ecr.InvokeAsync("PutImage", new JsonObject
        {
            ["repositoryName"] = "images/retag",
            ["imageManifest"] = manifest,
            ["imageManifestMediaType"] = TestImage.MediaType,
            ["imageTag"] = "1.0.0",
            ["imageDigest"] = image.ManifestDigest,
        });
        var again = await ecr.FailAsync("PutImage", new JsonObject
        {
            ["repositoryName"] = "images/retag", ["imageManifest"] = manifest, ["imageTag"] = "1.0.0",
        }, 400, "ImageAlreadyExistsException");

        Assert.Equal((image.ManifestDigest, "1.0.0"), ((string?)put["image"]!["imageId"]!["imageDigest"], (string?)put["image"]!["imageId"]!["imageTag"]));
        Assert.Equal(image.Manifest, await registry.GetManifestAsync("images/retag", "1.0.0"));
        var detail = Assert.Single((await ecr.InvokeAsync("DescribeImages", new JsonObject { ["repositoryName"] = "images/retag" }))["imageDetails"]!.AsArray())!;
        Assert.Equal(["1.0.0", "1.0.0-rc.1"], detail["imageTags"]!.AsArray().Select(tag => (string)tag!));
        Assert.Contains(image.ManifestDigest, again.ErrorMessage);
    }

    [Fact]
    public async Task TestPutImage_ImmutableTagOnAnotherImageIsImageTagAlreadyExists()
    {
        var (ecr, registry) = await RepositoryAsync("images/immutable", "IMMUTABLE");
        var first = TestImage.Create("first");
        var second = TestImage.Create("second");
        (await registry.PushAsync("images/immutable", first, "release")).Dispose();

        var viaApi = await ecr.FailAsync("PutImage", new JsonObject { ["repositoryName"] = "images/immutable", ["imageManifest"] = second.ManifestText, ["imageTag"] = "release" },
            400, "LayersNotFoundException");
        using var viaPush = await registry.PushAsync("images/immutable", second, "release");
        var afterBlobs = await ecr.FailAsync("PutImage", new JsonObject { ["repositoryName"] = "images/immutable", ["imageManifest"] = second.ManifestText, ["imageTag"] = "release" },
            400, "ImageTagAlreadyExistsException");

        Assert.Contains(second.LayerDigest, viaApi.ErrorMessage);
        Assert.Equal((HttpStatusCode.BadRequest, "TAG_INVALID"), (viaPush.StatusCode, await RegistryPusher.ErrorCodeAsync(viaPush)));
        Assert.Equal("The image tag 'release' already exists in the 'images/immutable' repository and cannot be overwritten because the tag is immutable.", afterBlobs.ErrorMessage);
        Assert.Equal(first.Manifest, await registry.GetManifestAsync("images/immutable", "release"));
    }

    [Fact]
    public async Task TestPutImage_MutableTagMovesToTheNewImage()
    {
        var (ecr, registry) = await RepositoryAsync("images/mutable");
        var first = TestImage.Create("m1");
        var second = TestImage.Create("m2");
        (await registry.PushAsync("images/mutable", first, "latest")).Dispose();
        await registry.UploadBlobAsync("images/mutable", second.Config);
        await registry.UploadBlobAsync("images/mutable", second.Layer);

        await ecr.InvokeAsync("PutImage", new JsonObject { ["repositoryName"] = "images/mutable", ["imageManifest"] = second.ManifestText, ["imageTag"] = "latest" });
        var untagged = await ecr.InvokeAsync("DescribeImages", new JsonObject { ["repositoryName"] = "images/mutable", ["filter"] = new JsonObject { ["tagStatus"] = "UNTAGGED" } });

        Assert.Equal(second.Manifest, await registry.GetManifestAsync("images/mutable", "latest"));
        Assert.Equal(first.ManifestDigest, (string?)Assert.Single(untagged["imageDetails"]!.AsArray())!["imageDigest"]);
    }

    [Fact]
    public async Task TestPutImage_IndexNeedsItsImagesInTheRepository()
    {
        var (ecr, registry) = await RepositoryAsync("images/index");
        var child = TestImage.Create("amd64");
        var index = $$$"""{"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[{"mediaType":"{{{TestImage.MediaType}}}","digest":"{{{child.ManifestDigest}}}","size":{{{child.Manifest.Length}}},"platform":{"architecture":"amd64","os":"linux"}}]}""";
        var put = new JsonObject { ["repositoryName"] = "images/index", ["imageManifest"] = index, ["imageTag"] = "multi" };

        var before = await ecr.FailAsync("PutImage", put.DeepClone().AsObject(), 400, "ReferencedImagesNotFoundException");
        (await registry.PushAsync("images/index", child, child.ManifestDigest)).Dispose();
        var after = await ecr.InvokeAsync("PutImage", put);

        Assert.Contains(child.ManifestDigest, before.ErrorMessage);
        Assert.Equal("application/vnd.oci.image.index.v1+json", (string?)after["image"]!["imageManifestMediaType"]);
        var details = await ecr.InvokeAsync("DescribeImages", new JsonObject
        {
            ["repositoryName"] = "images/index",
            ["imageIds"] = new JsonArray(new JsonObject { ["imageTag"] = "multi" }),
        });
        Assert.Equal((long)child.Layer.Length, (long)details["imageDetails"]![0]!["imageSizeInBytes"]!);
    }

    [Fact]
    public async Task TestPutImage_WrongDigestIsImageDigestDoesNotMatch()
    {
        var (ecr, registry) = await RepositoryAsync("images/digest");
        var image = TestImage.Create("digest");
        (await registry.PushAsync("images/digest", image, "v1")).Dispose();

        var response = await ecr.FailAsync("PutImage", new JsonObject
        {
            ["repositoryName"] = "images/digest",
            ["imageManifest"] = image.ManifestText,
            ["imageTag"] = "v2",
            ["imageDigest"] = "sha256:" + new string('0', 64),
        }, 400, "ImageDigestDoesNotMatchException");

        Assert.Contains(image.ManifestDigest, response.ErrorMessage);
    }

    [Fact]
    public async Task TestBatchCheckLayerAvailability_ReportsAvailableAndMissingLayers()
    {
        var (ecr, registry) = await RepositoryAsync("images/layers");
        var image = TestImage.Create("layers");
        await registry.UploadBlobAsync("images/layers", image.Layer);
        var missing = TestImage.Create("other").LayerDigest;

        var output = await ecr.InvokeAsync("BatchCheckLayerAvailability", new JsonObject
        {
            ["repositoryName"] = "images/layers",
            ["layerDigests"] = new JsonArray(image.LayerDigest, missing, "not-a-digest"),
        });

        var layer = Assert.Single(output["layers"]!.AsArray())!;
        Assert.Equal((image.LayerDigest, "AVAILABLE", (long)image.Layer.Length), ((string?)layer["layerDigest"], (string?)layer["layerAvailability"], (long)layer["layerSize"]!));
        Assert.Equal([(missing, "MissingLayerDigest"), ("not-a-digest", "InvalidLayerDigest")],
            output["failures"]!.AsArray().Select(failure => ((string)failure!["layerDigest"]!, (string)failure["failureCode"]!)));
    }

    [Fact]
    public async Task TestDescribeImages_UnknownImageIsImageNotFound()
    {
        var (ecr, _) = await RepositoryAsync("images/none");

        var response = await ecr.FailAsync("DescribeImages", new JsonObject
        {
            ["repositoryName"] = "images/none",
            ["imageIds"] = new JsonArray(new JsonObject { ["imageTag"] = "v404" }),
        }, 400, "ImageNotFoundException");

        Assert.Contains("imageTag:'v404'", response.ErrorMessage);
    }

    private async Task<(AwsJsonClient Ecr, RegistryPusher Registry)> RepositoryAsync(string name, string mutability = "MUTABLE")
    {
        var ecr = fixture.Ecr(fixture.Development);
        await ecr.InvokeAsync("CreateRepository", new JsonObject { ["repositoryName"] = name, ["imageTagMutability"] = mutability });
        return (ecr, await RegistryPusher.SignInAsync(ecr));
    }
}
