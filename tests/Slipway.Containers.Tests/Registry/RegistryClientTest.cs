using System.Text;
using Slipway.Containers.Manifests;
using Slipway.Containers.Registry;
using Slipway.Containers.Tests.Infrastructure;

namespace Slipway.Containers.Tests.Registry;

[Collection(RegistryCollection.Name)]
public class RegistryClientTest(RegistryPair registries)
{
    static string NewRepository() => "test/client-" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task TestManifest_RoundTripsBytesAndDigest()
    {
        using var client = registries.Source.Client();
        var repository = NewRepository();

        var pushed = await TestImages.PushImageAsync(client, repository, "1.0.0", ManifestMediaTypes.DockerManifest);
        var byTag = await client.GetManifestAsync(repository, "1.0.0");
        var byDigest = await client.GetManifestAsync(repository, pushed.Digest);
        var head = await client.HeadManifestAsync(repository, "1.0.0");

        Assert.Equal(pushed.Bytes, byTag.Bytes);
        Assert.Equal(pushed.Digest, byDigest.Digest);
        Assert.Equal(ManifestMediaTypes.DockerManifest, byTag.MediaType);
        Assert.Equal(pushed.Digest, head!.Digest);
        Assert.Null(await client.HeadManifestAsync(repository, "missing"));
        Assert.Equal(["1.0.0"], await client.ListTagsAsync(repository));
    }

    [Fact]
    public async Task TestBlob_MonolithicAndChunkedUploadsDownloadVerified()
    {
        using var client = registries.Source.Client(new RegistryClientOptions { ChunkSize = 1000 });
        var repository = NewRepository();
        var small = TestImages.RandomBytes(500);
        var large = TestImages.RandomBytes(4321);

        await client.UploadBlobAsync(repository, Digest.Sha256(small), new MemoryStream(small));
        await client.UploadBlobAsync(repository, Digest.Sha256(large), new MemoryStream(large));
        var downloaded = new MemoryStream();
        await client.DownloadBlobAsync(repository, Digest.Sha256(large), downloaded);

        Assert.True(await client.BlobExistsAsync(repository, Digest.Sha256(small)));
        Assert.Equal(large, downloaded.ToArray());
        Assert.False(await client.BlobExistsAsync(repository, Digest.Sha256([1, 2, 3])));
    }

    [Fact]
    public async Task TestDownloadBlob_Sha512_RefusedAsUnsupported()
    {
        using var client = registries.Source.Client();
        var repository = NewRepository();
        var blob = TestImages.RandomBytes(700);
        var sha512 = "sha512:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA512.HashData(blob));
        // The registry itself stores and serves the blob under its sha512 digest.
        await client.UploadBlobAsync(repository, sha512, new MemoryStream(blob));
        Assert.True(await client.BlobExistsAsync(repository, sha512));

        var error = await Assert.ThrowsAsync<RegistryException>(() => client.DownloadBlobAsync(repository, sha512, new MemoryStream()));
        var manifestError = await Assert.ThrowsAsync<RegistryException>(() => client.GetManifestAsync(repository, sha512));

        Assert.Equal("UNSUPPORTED", error.Code);
        Assert.Contains($"'{sha512}'", error.Message);
        Assert.Contains("only sha256 is supported", error.Message);
        Assert.DoesNotContain("does not match", error.Message);
        Assert.Contains("only sha256 is supported", manifestError.Message);
    }

    [Fact]
    public async Task TestUpload_WrongDigest_FailsWithRegistryCode()
    {
        using var client = registries.Source.Client();

        var error = await Assert.ThrowsAsync<RegistryException>(() =>
            client.UploadBlobAsync(NewRepository(), Digest.Sha256([9]), new MemoryStream([1, 2, 3])));

        Assert.Equal("DIGEST_INVALID", error.Code);
    }

    [Fact]
    public async Task TestMount_SameRegistry()
    {
        using var client = registries.Source.Client();
        var from = NewRepository();
        var to = NewRepository();
        var blob = TestImages.RandomBytes(100);
        await client.UploadBlobAsync(from, Digest.Sha256(blob), new MemoryStream(blob));

        Assert.True(await client.MountBlobAsync(to, Digest.Sha256(blob), from));
        Assert.True(await client.BlobExistsAsync(to, Digest.Sha256(blob)));
        Assert.False(await client.MountBlobAsync(to, Digest.Sha256([4, 5]), from));
    }

    [Fact]
    public async Task TestGetManifest_UnknownTag_NamesImageAndCode()
    {
        using var client = registries.Source.Client();
        var repository = NewRepository();
        await TestImages.PushImageAsync(client, repository, "1");

        var error = await Assert.ThrowsAsync<RegistryException>(() => client.GetManifestAsync(repository, "nope"));

        Assert.Equal("MANIFEST_UNKNOWN", error.Code);
        Assert.Contains($"'{registries.Source.Host}/{repository}:nope'", error.Message);
    }

    [Fact]
    public async Task TestRefusedAuth_NamesRegistryAndUser()
    {
        using var client = new RegistryClient(registries.Source.Host, new RegistryCredentials("mallory", "wrong"));

        var error = await Assert.ThrowsAsync<RegistryException>(() => client.ListTagsAsync("test/any"));

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, error.Status);
        Assert.Contains($"'{registries.Source.Host}'", error.Message);
        Assert.Contains("'mallory'", error.Message);
    }

    [Fact]
    public async Task TestSkopeoSeesPushedManifestBytes()
    {
        var skopeo = LocalRegistry.RequireTool("skopeo", "apt-get install skopeo");
        using var client = registries.Source.Client();
        var repository = NewRepository();
        var pushed = await TestImages.PushImageAsync(client, repository, "v1");

        var raw = await Task.Run(() => LocalRegistry.Run(skopeo, "inspect", "--raw", "--tls-verify=false",
            "--creds", $"{LocalRegistry.User}:{LocalRegistry.Password}", $"docker://{registries.Source.Host}/{repository}:v1"));

        Assert.Equal(Encoding.UTF8.GetString(pushed.Bytes), raw.TrimEnd('\n'));
    }
}

[Collection(RegistryCollection.Name)]
public class RegistryClientProgressTest(RegistryPair registries)
{
    sealed class Recorder : IProgress<TransferProgress>
    {
        public List<TransferProgress> Events { get; } = [];

        public void Report(TransferProgress value)
        {
            lock (Events)
                Events.Add(value);
        }
    }

    [Fact]
    public async Task TestProgress_ReportsUploadChunksAndDownloadBytes()
    {
        var recorder = new Recorder();
        using var client = registries.Source.Client(new RegistryClientOptions { ChunkSize = 1000, Progress = recorder });
        var blob = TestImages.RandomBytes(2500);
        var digest = Digest.Sha256(blob);

        await client.UploadBlobAsync("test/progress", digest, new MemoryStream(blob));
        await client.DownloadBlobAsync("test/progress", digest, new MemoryStream());

        var uploads = recorder.Events.Where(e => e.Direction == TransferDirection.Upload).Select(e => e.Bytes).ToList();
        Assert.Equal([1000L, 2000, 2500], uploads);
        var downloads = recorder.Events.Where(e => e.Direction == TransferDirection.Download).ToList();
        Assert.Equal(2500, downloads[^1].Bytes);
        Assert.All(downloads, e => Assert.Equal(2500, e.Total));
    }

    [Fact]
    public void TestFixture_MissingTool_FailsWithInstallHint()
    {
        var error = Assert.Throws<InvalidOperationException>(() => LocalRegistry.RequireTool("no-such-registry-binary", "apt-get install something"));

        Assert.Contains("'no-such-registry-binary' is not installed", error.Message);
        Assert.Contains("apt-get install something", error.Message);
    }
}
