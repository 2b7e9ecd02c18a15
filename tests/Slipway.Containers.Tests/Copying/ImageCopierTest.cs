using System.Security.Cryptography;
using System.Text;
using Slipway.Containers.Copying;
using Slipway.Containers.Manifests;
using Slipway.Containers.References;
using Slipway.Containers.Registry;
using Slipway.Containers.Tests.Infrastructure;

namespace Slipway.Containers.Tests.Copying;

[Collection(RegistryCollection.Name)]
public sealed class ImageCopierTest(RegistryPair registries) : IDisposable
{
    readonly RegistryClient _source = registries.Source.Client();
    readonly RegistryClient _destination = registries.Destination.Client();

    public void Dispose()
    {
        _source.Dispose();
        _destination.Dispose();
    }

    ImageCopier Copier(bool streamBlobs = true) => new(host => host == _source.Registry ? _source : host == _destination.Registry ? _destination
        : throw new InvalidOperationException($"No client for '{host}'."))
    {
        StreamBlobs = streamBlobs,
    };

    static string NewRepository() => "test/copy-" + Guid.NewGuid().ToString("N")[..8];

    ImageReference Ref(LocalRegistry registry, string repository, string tag) => ImageReference.Parse($"{registry.Host}/{repository}:{tag}");

    [Fact]
    public async Task TestCopy_SingleImage_PreservesDigest_SecondCopyUploadsNothing()
    {
        var repository = NewRepository();
        var pushed = await TestImages.PushImageAsync(_source, repository, "1.0.0", ManifestMediaTypes.DockerManifest, "amd64", 5000, 7000);

        var first = await Copier().CopyAsync(Ref(registries.Source, repository, "1.0.0"), Ref(registries.Destination, "promoted/api", "1.0.0"));
        var second = await Copier().CopyAsync(Ref(registries.Source, repository, "1.0.0"), Ref(registries.Destination, "promoted/api", "1.0.0"));

        Assert.Equal(pushed.Digest, first.Digest);
        Assert.Equal(pushed.Blobs.Sum(b => b.Size), first.BytesUploaded);
        Assert.Equal(3, first.BlobsUploaded);
        Assert.Equal(0, second.BytesUploaded);
        Assert.Equal(3, second.BlobsPresent);
        var copied = await _destination.GetManifestAsync("promoted/api", "1.0.0");
        Assert.Equal(pushed.Bytes, copied.Bytes);
    }

    [Fact]
    public async Task TestCopy_OciIndex_CopiesChildrenAndPreservesAllDigests()
    {
        var repository = NewRepository();
        var (index, amd64, arm64) = await TestImages.PushIndexAsync(_source, repository, "multi");
        var target = NewRepository();

        var first = await Copier().CopyAsync(Ref(registries.Source, repository, "multi"), Ref(registries.Destination, target, "multi"));
        var second = await Copier().CopyAsync(Ref(registries.Source, repository, "multi"), Ref(registries.Destination, target, "multi"));

        Assert.Equal(index.Digest, first.Digest);
        Assert.Equal(amd64.Blobs.Concat(arm64.Blobs).Sum(b => b.Size), first.BytesUploaded);
        Assert.Equal(0, second.BytesUploaded);
        Assert.Equal(index.Bytes, (await _destination.GetManifestAsync(target, "multi")).Bytes);
        Assert.Equal(amd64.Bytes, (await _destination.GetManifestAsync(target, amd64.Digest)).Bytes);
        Assert.Equal(arm64.Bytes, (await _destination.GetManifestAsync(target, arm64.Digest)).Bytes);
    }

    [Fact]
    public async Task TestCopy_SameRegistry_MountsBlobs()
    {
        var repository = NewRepository();
        var pushed = await TestImages.PushImageAsync(_source, repository, "rc1");

        var result = await Copier().CopyAsync(Ref(registries.Source, repository, "rc1"), Ref(registries.Source, NewRepository(), "release"));

        Assert.Equal(pushed.Digest, result.Digest);
        Assert.Equal(3, result.BlobsMounted);
        Assert.Equal(0, result.BytesUploaded);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task TestCopy_TwoConcurrentCopiesOfOneImage_ManyTimes_AllSucceed(bool streamBlobs)
    {
        // Each round lost about one time in ten to DIGEST_INVALID on a manifest PUT, streaming or spooled (see PutManifestAsync in ImageCopier).
        var repository = NewRepository();
        var (index, _, _) = await TestImages.PushIndexAsync(_source, repository, "both");
        var failures = new List<string>();
        var target = "";

        for (var round = 0; round < 30; round++)
        {
            target = NewRepository();
            try
            {
                await Task.WhenAll(
                    Copier(streamBlobs).CopyAsync(Ref(registries.Source, repository, "both"), Ref(registries.Destination, target, "a")),
                    Copier(streamBlobs).CopyAsync(Ref(registries.Source, repository, "both"), Ref(registries.Destination, target, "b")));
            }
            catch (RegistryException e)
            {
                failures.Add($"round {round}: {e.Message}");
            }
        }

        Assert.Empty(failures);
        Assert.Equal(index.Bytes, (await _destination.GetManifestAsync(target, "b")).Bytes);
        Assert.Equal(["a", "b"], (await _destination.ListTagsAsync(target)).Order());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task TestCopy_TwoConcurrentCopiesIntoAnEmptyDestination_SendEachBlobOnce(bool streamBlobs)
    {
        // Both used to find every blob missing and send it: 500,124 bytes of blobs went over the wire twice.
        var repository = NewRepository();
        var pushed = await TestImages.PushImageAsync(_source, repository, "1", ManifestMediaTypes.OciManifest, "amd64", 200_000, 300_000);
        var failures = new List<string>();

        for (var round = 0; round < 3; round++)
        {
            var target = NewRepository();
            var results = await Task.WhenAll(
                Copier(streamBlobs).CopyAsync(Ref(registries.Source, repository, "1"), Ref(registries.Destination, target, "a")),
                Copier(streamBlobs).CopyAsync(Ref(registries.Source, repository, "1"), Ref(registries.Destination, target, "b")));

            if (results.Sum(r => r.BytesUploaded) != pushed.Blobs.Sum(b => b.Size) || results.Sum(r => r.BlobsUploaded) != 3 || results.Sum(r => r.BlobsPresent) != 3)
                failures.Add($"round {round}: {string.Join(", ", results.Select(r => r.ToString()))}");
        }

        Assert.True(failures.Count == 0, $"{pushed.Blobs.Sum(b => b.Size)} bytes of blobs; " + string.Join("\n", failures));
    }

    [Fact]
    public async Task TestCopy_WhileAnotherCopyOfTheBlobsFails_SendsThemItself()
    {
        var repository = NewRepository();
        var pushed = await TestImages.PushImageAsync(_source, repository, "1", ManifestMediaTypes.OciManifest, "amd64", 200_000, 300_000);
        using var refusing = new RefuseBlobUploads();
        using var failing = new RegistryClient(_destination.Registry, registries.Destination.Credentials,
            new RegistryClientOptions { MaxAttempts = 1 }, refusing);
        var target = NewRepository();

        var doomed = new ImageCopier(host => host == _source.Registry ? _source : failing) { StreamBlobs = false }
            .CopyAsync(Ref(registries.Source, repository, "1"), Ref(registries.Destination, target, "a"));
        await refusing.FirstRefusal.WaitAsync(TimeSpan.FromSeconds(10));
        var result = await Copier(streamBlobs: false).CopyAsync(Ref(registries.Source, repository, "1"), Ref(registries.Destination, target, "b"));

        await Assert.ThrowsAnyAsync<RegistryException>(() => doomed);
        Assert.Equal(3, result.BlobsUploaded);
        Assert.Equal(0, result.BlobsPresent);
        Assert.Equal(pushed.Blobs.Sum(b => b.Size), result.BytesUploaded);
        Assert.Equal(pushed.Bytes, (await _destination.GetManifestAsync(target, "b")).Bytes);
    }

    /// <summary>Refuses every blob upload's final PUT with a 503, half a second late, so another copy finds those uploads under way.</summary>
    sealed class RefuseBlobUploads() : DelegatingHandler(new HttpClientHandler())
    {
        readonly TaskCompletionSource _firstRefusal = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task FirstRefusal => _firstRefusal.Task;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Method != HttpMethod.Put || !request.RequestUri!.AbsolutePath.Contains("/blobs/uploads/"))
                return await base.SendAsync(request, cancellationToken);
            _firstRefusal.TrySetResult();
            await Task.Delay(500, cancellationToken);
            return new HttpResponseMessage(System.Net.HttpStatusCode.ServiceUnavailable);
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task TestCopy_CancelledMidBlob_StopsPromptlyAndLeavesNothingBehind(bool streamBlobs)
    {
        const int blobSize = 2_000_000;
        var repository = NewRepository();
        // 2 MB served 16 KiB at a time: cancelled mid-blob, the copy must stop reading, however loaded the machine is.
        var pushed = await TestImages.PushImageAsync(_source, repository, "1", ManifestMediaTypes.OciManifest, "amd64", blobSize);
        using var slow = new SlowBlobHandler();
        using var slowSource = new RegistryClient(_source.Registry, registries.Source.Credentials, handler: slow);
        var spool = Directory.CreateTempSubdirectory("slipway-spool-test-");
        var copier = new ImageCopier(host => host == _source.Registry ? slowSource : _destination) { StreamBlobs = streamBlobs, SpoolDirectory = spool.FullName };
        var target = NewRepository();
        using var cancel = new CancellationTokenSource();

        var copy = copier.CopyAsync(Ref(registries.Source, repository, "1"), Ref(registries.Destination, target, "1"), cancel.Token);
        await slow.MidBlob.WaitAsync(TimeSpan.FromSeconds(10));
        var spooledMidBlob = Directory.GetFiles(spool.FullName).Length;
        await cancel.CancelAsync();
        var deliveredAtCancel = slow.Delivered;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => copy);

        // Bytes, not seconds: a read already past its wait may finish, but a copy that ignores the cancellation reads the rest of the blob.
        var readAfterCancel = slow.Delivered - deliveredAtCancel;
        Assert.True(readAfterCancel <= 64 * 1024, $"the copy read {readAfterCancel} more bytes after it was cancelled, with {deliveredAtCancel} of {blobSize} read before");
        // Spooled: the layer's file, and the config's too when its copy is still running beside the layer's on a loaded machine.
        if (streamBlobs)
            Assert.Equal(0, spooledMidBlob);
        else
            Assert.InRange(spooledMidBlob, 1, 2);
        Assert.Empty(Directory.GetFileSystemEntries(spool.FullName));
        Assert.Null(await _destination.HeadManifestAsync(target, "1"));
        Assert.Null(await _destination.HeadManifestAsync(target, pushed.Digest));
        spool.Delete();
    }

    [Fact]
    public async Task TestCopy_WhileAnotherPushCommitsTheSameBlobs_StoresTheManifest()
    {
        // Every commit of a blob rewrites the repository's link file for it (truncate, then write), and the registry's manifest check
        // reads those files: a copy racing another push of the same layers must still store its manifest.
        var repository = NewRepository();
        var pushed = await TestImages.PushImageAsync(_source, repository, "1", ManifestMediaTypes.OciManifest, "amd64", 100, 200, 300, 400, 500, 600, 700, 800);
        var target = NewRepository();
        await Copier().CopyAsync(Ref(registries.Source, repository, "1"), Ref(registries.Destination, target, "1"));
        var blobs = new List<(string Digest, byte[] Bytes)>();
        foreach (var blob in pushed.Blobs)
        {
            var spool = new MemoryStream();
            await _source.DownloadBlobAsync(repository, blob.Digest, spool);
            blobs.Add((blob.Digest, spool.ToArray()));
        }
        using var stop = new CancellationTokenSource();
        var otherPushes = Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
        {
            using var other = registries.Destination.Client();
            while (!stop.IsCancellationRequested)
                foreach (var (digest, bytes) in blobs)
                    await other.UploadBlobAsync(target, digest, new MemoryStream(bytes));
        })).ToList();

        var failures = new List<string>();
        try
        {
            for (var round = 0; round < 60; round++)
            {
                try
                {
                    await Copier().CopyAsync(Ref(registries.Source, repository, "1"), Ref(registries.Destination, target, $"r{round}"));
                }
                catch (RegistryException e)
                {
                    failures.Add($"round {round}: {e.Message}");
                }
            }
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(otherPushes);
        }

        Assert.Empty(failures);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task TestCopy_Sha512Layer_RefusedAsUnsupported(bool streamBlobs)
    {
        var repository = NewRepository();
        var config = Encoding.UTF8.GetBytes("""{"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":[]}}""");
        var layer = TestImages.RandomBytes(3000);
        var sha512 = "sha512:" + Convert.ToHexStringLower(SHA512.HashData(layer));
        await _source.UploadBlobAsync(repository, Digest.Sha256(config), new MemoryStream(config));
        await _source.UploadBlobAsync(repository, sha512, new MemoryStream(layer));
        var manifest = Manifest.Parse(Encoding.UTF8.GetBytes($$"""
            {"schemaVersion":2,"mediaType":"{{ManifestMediaTypes.OciManifest}}",
             "config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"{{Digest.Sha256(config)}}","size":{{config.Length}}},
             "layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar+gzip","digest":"{{sha512}}","size":{{layer.Length}}}]}
            """));
        await _source.PutManifestAsync(repository, "1", manifest);

        var error = await Assert.ThrowsAsync<RegistryException>(() =>
            Copier(streamBlobs).CopyAsync(Ref(registries.Source, repository, "1"), Ref(registries.Destination, NewRepository(), "1")));

        Assert.Equal("UNSUPPORTED", error.Code);
        Assert.Contains($"'{sha512}'", error.Message);
        Assert.Contains("only sha256 is supported", error.Message);
    }

    [Fact]
    public async Task TestCopy_UnknownTag_ClearError()
    {
        var repository = NewRepository();
        await TestImages.PushImageAsync(_source, repository, "1");

        var error = await Assert.ThrowsAsync<RegistryException>(() =>
            Copier().CopyAsync(Ref(registries.Source, repository, "does-not-exist"), Ref(registries.Destination, repository, "x")));

        Assert.Equal("MANIFEST_UNKNOWN", error.Code);
        Assert.Contains($"{repository}:does-not-exist", error.Message);
    }

    [Fact]
    public async Task TestCopy_DestinationDigestMustMatch()
    {
        var repository = NewRepository();
        await TestImages.PushImageAsync(_source, repository, "1");
        var other = ImageReference.Parse($"{registries.Destination.Host}/{repository}@sha256:{new string('0', 64)}");

        var error = await Assert.ThrowsAsync<RegistryException>(() => Copier().CopyAsync(Ref(registries.Source, repository, "1"), other));

        Assert.Contains("not the destination's digest", error.Message);
    }

    [Fact]
    public async Task TestCopy_SkopeoCopyOfTheResultIsIdentical()
    {
        var skopeo = LocalRegistry.RequireTool("skopeo", "apt-get install skopeo");
        var repository = NewRepository();
        var (index, _, _) = await TestImages.PushIndexAsync(_source, repository, "peer");
        await Copier().CopyAsync(Ref(registries.Source, repository, "peer"), Ref(registries.Destination, repository, "peer"));
        var creds = $"{LocalRegistry.User}:{LocalRegistry.Password}";

        await Task.Run(() => LocalRegistry.Run(skopeo, "copy", "--all", "--preserve-digests", "--src-tls-verify=false", "--dest-tls-verify=false",
            "--src-creds", creds, "--dest-creds", creds,
            $"docker://{registries.Destination.Host}/{repository}:peer", $"docker://{registries.Source.Host}/{repository}:via-skopeo"));

        Assert.Equal(index.Digest, (await _source.GetManifestAsync(repository, "via-skopeo")).Digest);
    }
}
