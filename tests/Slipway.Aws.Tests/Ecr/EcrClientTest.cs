using System.Text;
using System.Text.Json.Nodes;
using Slipway.Aws.Ecr;
using Slipway.Aws.Tests.Infrastructure;

namespace Slipway.Aws.Tests.Ecr;

/// <summary>ECR operations on the wire: request JSON, response shapes, the token helper, modeled errors.</summary>
public class EcrClientTest : IDisposable
{
    private readonly TestEnvironment _environment = new();

    public void Dispose() => _environment.Dispose();

    private static JsonObject Body(RecordedRequest request) => JsonNode.Parse(request.BodyText)!.AsObject();

    [Fact]
    public async Task TestGetAuthorizationToken_DecodesUserAndPassword()
    {
        var token = Convert.ToBase64String(Encoding.UTF8.GetBytes("AWS:eyJwYXlsb2FkIjoi:with:colons"));
        await using var server = new LoopbackServer((_, _) => StubResponse.Json($$"""
            {"authorizationData":[{"authorizationToken":"{{token}}","expiresAt":1763843200,
              "proxyEndpoint":"https://111122223333.dkr.ecr.eu-west-1.amazonaws.com"}]}
            """));
        using var client = new EcrClient(_environment.LoopbackOptions(server));

        var data = Assert.Single((await client.GetAuthorizationTokenAsync()).AuthorizationData);
        var credentials = data.DecodeCredentials();

        Assert.Equal("AWS", credentials.UserName);
        Assert.Equal("eyJwYXlsb2FkIjoi:with:colons", credentials.Password);
        Assert.Equal("https://111122223333.dkr.ecr.eu-west-1.amazonaws.com", credentials.Registry);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1763843200), credentials.ExpiresAt);
        Assert.DoesNotContain(credentials.Password, credentials.ToString());
        Assert.DoesNotContain(token, data.ToString());
        Assert.Equal("{}", Assert.Single(server.Requests).BodyText);
    }

    [Fact]
    public async Task TestGetAuthorizationToken_NoDataIsEmptyList()
    {
        await using var server = new LoopbackServer((_, _) => StubResponse.Json("{}"));
        using var client = new EcrClient(_environment.LoopbackOptions(server));

        var result = await client.GetAuthorizationTokenAsync();

        Assert.Empty(result.AuthorizationData);
    }

    [Fact]
    public void TestDecodeCredentials_MalformedTokenErrorWithoutToken()
    {
        var data = new AuthorizationData { AuthorizationToken = "bm90LWEtcGFpcg==", ProxyEndpoint = "https://r" }; // "not-a-pair"

        var error = Assert.Throws<AwsProtocolException>(() => data.DecodeCredentials());

        Assert.Equal("The ECR authorization token for 'https://r' is not base64 of 'user:password'.", error.Message);
    }

    [Fact]
    public async Task TestCreateRepository_RequestJson()
    {
        await using var server = new LoopbackServer((_, _) => StubResponse.Json(
            """{"repository":{"repositoryName":"team/web","repositoryUri":"111122223333.dkr.ecr.eu-west-1.amazonaws.com/team/web","imageTagMutability":"IMMUTABLE"}}"""));
        using var client = new EcrClient(_environment.LoopbackOptions(server));

        var result = await client.CreateRepositoryAsync(new CreateRepositoryRequest
        {
            RepositoryName = "team/web",
            Tags = [new EcrTag("team", "payments")],
            ImageTagMutability = ImageTagMutability.Immutable,
            ImageTagMutabilityExclusionFilters = [new ImageTagMutabilityExclusionFilter("latest")],
            ImageScanningConfiguration = new ImageScanningConfiguration(true),
            EncryptionConfiguration = new EncryptionConfiguration("AES256"),
        });

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""
            {"repositoryName":"team/web","tags":[{"Key":"team","Value":"payments"}],"imageTagMutability":"IMMUTABLE",
             "imageTagMutabilityExclusionFilters":[{"filter":"latest","filterType":"WILDCARD"}],
             "imageScanningConfiguration":{"scanOnPush":true},"encryptionConfiguration":{"encryptionType":"AES256"}}
            """), Body(Assert.Single(server.Requests))));
        Assert.Equal("111122223333.dkr.ecr.eu-west-1.amazonaws.com/team/web", result.Repository?.RepositoryUri);
    }

    [Fact]
    public async Task TestCreateRepository_ExistingIsTyped()
    {
        await using var server = new LoopbackServer((_, _) => StubResponse.Error(400, "RepositoryAlreadyExistsException", "exists", "rid-exists"));
        using var client = new EcrClient(_environment.LoopbackOptions(server));

        var error = await Assert.ThrowsAsync<RepositoryAlreadyExistsException>(
            () => client.CreateRepositoryAsync(new CreateRepositoryRequest { RepositoryName = "web" }));

        Assert.Equal(("rid-exists", "CreateRepository"), (error.RequestId, error.Operation));
    }

    [Fact]
    public async Task TestBatchGetImage_MissingImageIsFailureNotException()
    {
        await using var server = new LoopbackServer((_, _) => StubResponse.Json("""
            {"images":[{"imageId":{"imageDigest":"sha256:aa","imageTag":"1.0"},"imageManifest":"{\"schemaVersion\":2}",
              "imageManifestMediaType":"application/vnd.oci.image.index.v1+json"}],
             "failures":[{"imageId":{"imageTag":"2.0"},"failureCode":"ImageNotFound","failureReason":"Requested image not found"}]}
            """));
        using var client = new EcrClient(_environment.LoopbackOptions(server));

        var result = await client.BatchGetImageAsync(new BatchGetImageRequest
        {
            RepositoryName = "web", ImageIds = [ImageIdentifier.ByTag("1.0"), ImageIdentifier.ByTag("2.0")],
        });

        Assert.Equal("{\"schemaVersion\":2}", Assert.Single(result.Images).ImageManifest);
        Assert.Equal(("2.0", "ImageNotFound"), (result.Failures[0].ImageId?.ImageTag, result.Failures[0].FailureCode));
        var sent = Body(Assert.Single(server.Requests));
        Assert.Equal(ManifestMediaTypes.All, sent["acceptedMediaTypes"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal("""[{"imageTag":"1.0"},{"imageTag":"2.0"}]""", sent["imageIds"]!.ToJsonString());
    }

    [Fact]
    public async Task TestPutImage_ManifestStringArrivesUnchanged()
    {
        var manifest = "{\n   \"schemaVersion\": 2,\n   \"annotations\": {\"note\": \"<ünïcode> & \\\"quotes\\\" + tabs\t\"}\n}";
        await using var server = new LoopbackServer((_, _) => StubResponse.Json("""{"image":{"imageId":{"imageTag":"release-1.4.0"}}}"""));
        using var client = new EcrClient(_environment.LoopbackOptions(server));

        await client.PutImageAsync(new PutImageRequest { RepositoryName = "web", ImageManifest = manifest, ImageTag = "release-1.4.0" });

        var sent = Body(Assert.Single(server.Requests));
        Assert.Equal(manifest, sent["imageManifest"]!.GetValue<string>());
        Assert.Equal(Encoding.UTF8.GetBytes(manifest), Encoding.UTF8.GetBytes(sent["imageManifest"]!.GetValue<string>()));
    }

    [Fact]
    public async Task TestPutImage_TagOnOtherImageIsTyped()
    {
        await using var server = new LoopbackServer((_, _) => StubResponse.Error(400, "ImageTagAlreadyExistsException", "tag is immutable"));
        using var client = new EcrClient(_environment.LoopbackOptions(server));

        await Assert.ThrowsAsync<ImageTagAlreadyExistsException>(() =>
            client.PutImageAsync(new PutImageRequest { RepositoryName = "web", ImageManifest = "{}", ImageTag = "1.0" }));

        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task TestDescribeImages_TagsSizesAndTimestamps()
    {
        await using var server = new LoopbackServer((_, _) => StubResponse.Json("""
            {"imageDetails":[{"imageDigest":"sha256:bb","imageTags":["1.4.0","latest"],"imageSizeInBytes":31457280,
              "imagePushedAt":1763800000.75,"imageManifestMediaType":"application/vnd.oci.image.manifest.v1+json"}],"nextToken":"page-2"}
            """));
        using var client = new EcrClient(_environment.LoopbackOptions(server));

        var result = await client.DescribeImagesAsync(new DescribeImagesRequest
        {
            RepositoryName = "web", Filter = new DescribeImagesFilter("TAGGED"), MaxResults = 100,
        });

        var image = Assert.Single(result.ImageDetails);
        Assert.Equal(["1.4.0", "latest"], image.ImageTags);
        Assert.Equal(31457280, image.ImageSizeInBytes);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1763800000750), image.ImagePushedAt);
        Assert.Equal("page-2", result.NextToken);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"repositoryName":"web","filter":{"tagStatus":"TAGGED"},"maxResults":100}"""),
            Body(Assert.Single(server.Requests))));
    }

    [Fact]
    public async Task TestDescribeImages_UntaggedImageHasEmptyTags()
    {
        // ECR leaves imageTags out for an untagged image.
        await using var server = new LoopbackServer((_, _) => StubResponse.Json("""
            {"imageDetails":[{"imageDigest":"sha256:cc","imageSizeInBytes":1024,"imagePushedAt":1763800000}]}
            """));
        using var client = new EcrClient(_environment.LoopbackOptions(server));

        var result = await client.DescribeImagesAsync(new DescribeImagesRequest { RepositoryName = "web", Filter = new DescribeImagesFilter("UNTAGGED") });

        Assert.Empty(Assert.Single(result.ImageDetails).ImageTags);
    }

    [Fact]
    public async Task TestBatchCheckLayerAvailability_ListsLeftOutReadAsEmpty()
    {
        await using var server = new LoopbackServer((_, _) => StubResponse.Json("""{"layers":[{"layerDigest":"sha256:l1","layerAvailability":"AVAILABLE"}]}"""));
        using var client = new EcrClient(_environment.LoopbackOptions(server));

        var result = await client.BatchCheckLayerAvailabilityAsync(new BatchCheckLayerAvailabilityRequest { RepositoryName = "web", LayerDigests = ["sha256:l1"] });

        Assert.True(Assert.Single(result.Layers).IsAvailable);
        Assert.Empty(result.Failures);
    }

    [Fact]
    public async Task TestBatchCheckLayerAvailability_LayersAndFailures()
    {
        await using var server = new LoopbackServer((_, _) => StubResponse.Json("""
            {"layers":[{"layerDigest":"sha256:l1","layerAvailability":"AVAILABLE","layerSize":1024,"mediaType":"application/vnd.oci.image.layer.v1.tar+gzip"},
                       {"layerDigest":"sha256:l2","layerAvailability":"UNAVAILABLE"}],
             "failures":[{"layerDigest":"sha256:l3","failureCode":"MissingLayerDigest","failureReason":"not found"}]}
            """));
        using var client = new EcrClient(_environment.LoopbackOptions(server));

        var result = await client.BatchCheckLayerAvailabilityAsync(new BatchCheckLayerAvailabilityRequest
        {
            RepositoryName = "web", LayerDigests = ["sha256:l1", "sha256:l2", "sha256:l3"],
        });

        Assert.Equal([true, false], result.Layers.Select(l => l.IsAvailable));
        Assert.Equal("MissingLayerDigest", Assert.Single(result.Failures).FailureCode);
        Assert.Equal("AmazonEC2ContainerRegistry_V20150921.BatchCheckLayerAvailability", server.Requests[0].Header("X-Amz-Target"));
    }
}
