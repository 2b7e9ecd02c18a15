using System.Net;
using System.Net.Http.Headers;
using Amazon.Runtime;
using Slipway.Aws.Credentials;
using Slipway.Aws.Ecr;
using Slipway.LocalAws;
using Slipway.LocalAws.Tests.Infrastructure;

namespace Slipway.Aws.Tests.Integration;

/// <summary>Slipway's ECR client and role credentials against the real local platform (STS, and ECR backed by the CNCF registry).</summary>
public sealed class LocalPlatformTest : IAsyncLifetime
{
    private readonly ShiftableClock _clock = new();
    private readonly string _data = Directory.CreateTempSubdirectory("slipway-aws-local-").FullName;
    private LocalAwsPlatform _platform = null!;

    public async Task InitializeAsync() =>
        _platform = await LocalAwsPlatform.StartAsync(new LocalAwsOptions { DataDirectory = _data, Clock = _clock });

    public async Task DisposeAsync()
    {
        await _platform.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }

    private AwsClientOptions Options(AWSCredentials? credentials = null, string account = "development")
    {
        var a = _platform.Account(account);
        return new AwsClientOptions
        {
            Region = _platform.Region,
            ServiceUrl = _platform.Endpoint.ToString(),
            Credentials = credentials ?? new BasicAWSCredentials(a.AccessKeyId, a.SecretAccessKey),
        };
    }

    private async Task PushBlobsAsync(RegistryCredentials login, string repository, TestImage image)
    {
        using var http = new HttpClient { BaseAddress = new Uri(login.Registry!) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{login.UserName}:{login.Password}")));
        foreach (var blob in new[] { image.Config, image.Layer })
        {
            using var start = await http.PostAsync($"/v2/{repository}/blobs/uploads/", null);
            Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
            var location = start.Headers.Location!.ToString();
            using var content = new ByteArrayContent(blob);
            using var finish = await http.PutAsync($"{location}{(location.Contains('?') ? '&' : '?')}digest={Uri.EscapeDataString(TestImage.Digest(blob))}", content);
            Assert.Equal(HttpStatusCode.Created, finish.StatusCode);
        }
    }

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
        var image = TestImage.Create("layer for the client test");
        await PushBlobsAsync(login, "team/api", image);
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
        await PushBlobsAsync(login, "team/api", other);
        await Assert.ThrowsAsync<ImageTagAlreadyExistsException>(() =>
            ecr.PutImageAsync(new PutImageRequest { RepositoryName = "team/api", ImageManifest = other.ManifestText, ImageManifestMediaType = TestImage.MediaType, ImageTag = "1.0.0" }));

        var described = await ecr.DescribeImagesAsync(new DescribeImagesRequest { RepositoryName = "team/api" });
        var detail = described.ImageDetails.Single(x => x.ImageDigest == image.ManifestDigest);
        Assert.Equal(["1.0.0", "1.0.0-candidate-3"], detail.ImageTags!.Order(StringComparer.Ordinal));
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
        var account = _platform.Account("development");
        using var ecr = new EcrClient(Options(new BasicAWSCredentials(account.AccessKeyId, "not-the-secret")));
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => ecr.DescribeRepositoriesAsync(new DescribeRepositoriesRequest()));
        Assert.Equal("InvalidSignatureException", error.Code);
        Assert.Equal(1, error.Attempts);
    }

    [Fact]
    public async Task TestRoleCredentials_CrossAccountThroughStsAndExpiry()
    {
        var production = _platform.Account("production");
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
        using var stale = new EcrClient(Options(new SessionAWSCredentials(session.AccessKey, session.SecretKey, session.Token)) with { Clock = _clock });
        _clock.Offset = TimeSpan.FromHours(2);
        var expired = await Assert.ThrowsAsync<AwsServiceException>(() => stale.DescribeRepositoriesAsync(new DescribeRepositoriesRequest()));
        Assert.Equal("ExpiredTokenException", expired.Code);
    }
}
