using Amazon.Runtime;
using Slipway.Aws.Credentials;
using Slipway.Aws.Ecr;
using Slipway.LocalAws;
using Slipway.LocalAws.Tests.Infrastructure;

namespace Slipway.Aws.Tests.Integration;

/// <summary>Slipway's ECR client and role credentials against the real local platform (STS, and ECR backed by the CNCF registry).</summary>
public sealed class LocalPlatformTest : IAsyncLifetime
{
    // A platform per test: the expiry test moves the platform's clock.
    private readonly LocalPlatformFixture _local = new();

    public Task InitializeAsync() => _local.InitializeAsync();

    public Task DisposeAsync() => _local.DisposeAsync();

    private AwsClientOptions Options(AWSCredentials? credentials = null, string account = "development") => _local.Options(credentials, account);

    [Fact]
    public async Task TestEcr_EveryOperationAgainstThePlatform()
    {
        using var ecr = new EcrClient(Options());
        var created = await ecr.CreateRepositoryAsync(new CreateRepositoryRequest { RepositoryName = "team/api", ImageTagMutability = "IMMUTABLE" });
        Assert.Equal("team/api", created.Repository!.RepositoryName);
        await Assert.ThrowsAsync<RepositoryAlreadyExistsException>(() => ecr.CreateRepositoryAsync(new CreateRepositoryRequest { RepositoryName = "team/api" }));
        var missing = await Assert.ThrowsAsync<RepositoryNotFoundException>(() => ecr.DescribeRepositoriesAsync(new DescribeRepositoriesRequest { RepositoryNames = ["nope"] }));
        Assert.False(string.IsNullOrEmpty(missing.RequestId));
        Assert.Single((await ecr.DescribeRepositoriesAsync(new DescribeRepositoriesRequest())).Repositories);

        var login = (await ecr.GetAuthorizationTokenAsync()).AuthorizationData[0].DecodeCredentials();
        Assert.Equal("AWS", login.UserName);
        using var registry = await LocalPlatformFixture.SignInAsync(ecr);
        var image = TestImage.Create("layer for the client test");
        await UploadBlobsAsync(registry, "team/api", image);
        var layers = await ecr.BatchCheckLayerAvailabilityAsync(new BatchCheckLayerAvailabilityRequest { RepositoryName = "team/api", LayerDigests = [image.LayerDigest, "sha256:" + new string('0', 64)] });
        Assert.Equal("AVAILABLE", layers.Layers.Single(x => x.LayerDigest == image.LayerDigest).LayerAvailability);
        Assert.Single(layers.Failures);

        var put = await ecr.PutImageAsync(new PutImageRequest { RepositoryName = "team/api", ImageManifest = image.ManifestText, ImageManifestMediaType = TestImage.MediaType, ImageTag = "1.0.0-candidate-3" });
        Assert.Equal(image.ManifestDigest, put.Image!.ImageId!.ImageDigest);

        var got = await ecr.BatchGetImageAsync(new BatchGetImageRequest { RepositoryName = "team/api", ImageIds = [ImageIdentifier.ByTag("1.0.0-candidate-3"), ImageIdentifier.ByTag("absent")] });
        Assert.Equal(image.ManifestText, got.Images.Single().ImageManifest);
        Assert.Equal("ImageNotFound", got.Failures.Single().FailureCode);

        // Retag with the byte-identical manifest; moving an immutable tag is refused.
        await ecr.PutImageAsync(new PutImageRequest { RepositoryName = "team/api", ImageManifest = got.Images[0].ImageManifest!, ImageManifestMediaType = got.Images[0].ImageManifestMediaType, ImageTag = "1.0.0" });
        var other = TestImage.Create("another layer");
        await UploadBlobsAsync(registry, "team/api", other);
        await Assert.ThrowsAsync<ImageTagAlreadyExistsException>(() =>
            ecr.PutImageAsync(new PutImageRequest { RepositoryName = "team/api", ImageManifest = other.ManifestText, ImageManifestMediaType = TestImage.MediaType, ImageTag = "1.0.0" }));

        var described = await ecr.DescribeImagesAsync(new DescribeImagesRequest { RepositoryName = "team/api" });
        var detail = described.ImageDetails.Single(x => x.ImageDigest == image.ManifestDigest);
        Assert.Equal(["1.0.0", "1.0.0-candidate-3"], detail.ImageTags!.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task TestDescribeImages_UntaggedImageHasEmptyTags()
    {
        // The platform leaves imageTags out for an image whose tag moved on, as ECR does.
        using var ecr = new EcrClient(Options());
        await ecr.CreateRepositoryAsync(new CreateRepositoryRequest { RepositoryName = "team/untagged" });
        using var registry = await LocalPlatformFixture.SignInAsync(ecr);
        var first = TestImage.Create("first build");
        (await registry.PushAsync("team/untagged", first, "latest")).Dispose();
        (await registry.PushAsync("team/untagged", TestImage.Create("second build"), "latest")).Dispose();

        var untagged = await ecr.DescribeImagesAsync(new DescribeImagesRequest { RepositoryName = "team/untagged", Filter = new DescribeImagesFilter("UNTAGGED") });

        var detail = Assert.Single(untagged.ImageDetails);
        Assert.Equal(first.ManifestDigest, detail.ImageDigest);
        Assert.Empty(detail.ImageTags);
    }

    private static async Task UploadBlobsAsync(RegistryPusher registry, string repository, TestImage image)
    {
        await registry.UploadBlobAsync(repository, image.Config);
        await registry.UploadBlobAsync(repository, image.Layer);
    }

    [Fact]
    public async Task TestPutImage_OversizedAndNonJsonManifestsAreRejected()
    {
        using var ecr = new EcrClient(Options());
        await ecr.CreateRepositoryAsync(new CreateRepositoryRequest { RepositoryName = "bad-input" });
        var oversized = await Assert.ThrowsAsync<InvalidParameterException>(() => ecr.PutImageAsync(new PutImageRequest
        {
            RepositoryName = "bad-input", ImageManifest = "{\"pad\":\"" + new string('x', 4 * 1024 * 1024 + 1) + "\"}", ImageTag = "big",
        }));
        Assert.Contains("imageManifest", oversized.ServiceMessage);
        var notJson = await Assert.ThrowsAsync<InvalidParameterException>(() => ecr.PutImageAsync(new PutImageRequest
        {
            RepositoryName = "bad-input", ImageManifest = "this is not a manifest", ImageManifestMediaType = TestImage.MediaType, ImageTag = "junk",
        }));
        Assert.Contains("JSON", notJson.ServiceMessage, StringComparison.OrdinalIgnoreCase);
        Assert.Empty((await ecr.DescribeImagesAsync(new DescribeImagesRequest { RepositoryName = "bad-input" })).ImageDetails);
    }

    [Fact]
    public async Task TestSignature_WrongSecretIsRejectedWithAwsCode()
    {
        var account = _local.Platform.Account("development");
        using var ecr = new EcrClient(Options(new BasicAWSCredentials(account.AccessKeyId, "not-the-secret")));
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => ecr.DescribeRepositoriesAsync(new DescribeRepositoriesRequest()));
        Assert.Equal("InvalidSignatureException", error.Code);
        Assert.Equal(1, error.Attempts);
    }

    [Fact]
    public async Task TestRoleCredentials_CrossAccountThroughStsAndExpiry()
    {
        var production = _local.Platform.Account("production");
        using var role = new RoleCredentials(
            new AssumeRoleSettings($"arn:aws:iam::{production.Id}:role/deployer", "slipway-test"),
            Options());
        using var ecr = new EcrClient(Options(role));
        await ecr.CreateRepositoryAsync(new CreateRepositoryRequest { RepositoryName = "prod/api" });
        var repository = (await ecr.DescribeRepositoriesAsync(new DescribeRepositoriesRequest())).Repositories.Single();
        Assert.Equal(production.Id, repository.RegistryId);

        // The platform's clock moves past the session's end: the same session is refused as expired.
        var session = await role.GetCredentialsAsync(CancellationToken.None);
        // Both clocks move (the client signs with the platform's time), so only the session itself is out of date.
        using var stale = new EcrClient(Options(new SessionAWSCredentials(session.AccessKey, session.SecretKey, session.Token)) with { Clock = _local.Clock });
        _local.Clock.Offset = TimeSpan.FromHours(2);
        var expired = await Assert.ThrowsAsync<AwsServiceException>(() => stale.DescribeRepositoriesAsync(new DescribeRepositoriesRequest()));
        Assert.Equal("ExpiredTokenException", expired.Code);
    }
}
