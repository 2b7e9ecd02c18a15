using Slipway.Containers.Copying;
using Slipway.Containers.Manifests;
using Slipway.Containers.References;
using Slipway.Containers.Registry;
using Slipway.Containers.Tests.Infrastructure;

namespace Slipway.Containers.Tests.Registry;

[Collection(RegistryCollection.Name)]
public class FaultToleranceTest(RegistryPair registries)
{
    static readonly RegistryClientOptions Fast = new() { InitialBackoff = TimeSpan.FromMilliseconds(10), ChunkSize = 1500 };

    static string NewRepository() => "test/faults-" + Guid.NewGuid().ToString("N")[..8];

    static Func<string, string, Fault> FirstN(int count, Fault fault, Func<string, string, bool> matches)
    {
        var seen = 0;
        return (method, path) => matches(method, path) && Interlocked.Increment(ref seen) <= count ? fault : Fault.None;
    }

    static Func<string, string, Fault> Either(params Func<string, string, Fault>[] rules) =>
        (method, path) => rules.Select(r => r(method, path)).FirstOrDefault(f => f != Fault.None);

    [Fact]
    public async Task TestCopy_ThroughFaults_CompletesWithDigestAndManifestLast()
    {
        await CopyThroughFaultsAsync(streamBlobs: false, destinationFaults: 5);
    }

    [Fact]
    public async Task TestCopy_StreamingThroughFaults_FallsBackAndCompletesWithDigestAndManifestLast()
    {
        // The first blob's one-pass stream fails (its session POST is cut) and the spooled, retried copy takes over for it; the other blobs
        // stream, so the chunked PATCH fault never fires.
        await CopyThroughFaultsAsync(streamBlobs: true, destinationFaults: 4);
    }

    [Fact]
    public async Task TestCopy_StreamsEachBlobInOnePassByDefault()
    {
        var repository = NewRepository();
        using var seed = registries.Source.Client();
        var pushed = await TestImages.PushImageAsync(seed, repository, "1", ManifestMediaTypes.OciManifest, "amd64", 4000, 6000);
        using var sourceProxy = new FaultProxy(registries.Source, FirstN(0, Fault.ServiceUnavailable, (_, _) => false));
        using var destinationProxy = new FaultProxy(registries.Destination, FirstN(0, Fault.ServiceUnavailable, (_, _) => false));
        using var source = new RegistryClient(sourceProxy.Host, registries.Source.Credentials, Fast);
        using var destination = new RegistryClient(destinationProxy.Host, registries.Destination.Credentials, Fast);
        var copier = new ImageCopier(host => host == source.Registry ? source : destination) { Parallelism = 1 };
        var target = NewRepository();

        var result = await copier.CopyAsync(ImageReference.Parse($"{sourceProxy.Host}/{repository}:1"), ImageReference.Parse($"{destinationProxy.Host}/{target}:1"));

        Assert.Equal(pushed.Digest, result.Digest);
        var blobGets = sourceProxy.Log.Count(l => l.StartsWith("GET ", StringComparison.Ordinal) && l.Contains("/blobs/sha256:"));
        Assert.Equal(result.BlobsUploaded, blobGets);
        Assert.DoesNotContain(destinationProxy.Log, l => l.StartsWith("PATCH ", StringComparison.Ordinal));
        Assert.Equal(result.BlobsUploaded, destinationProxy.Log.Count(l => l.StartsWith("PUT ", StringComparison.Ordinal) && l.Contains("/blobs/uploads/") && l.EndsWith(" 201", StringComparison.Ordinal)));
    }

    private async Task CopyThroughFaultsAsync(bool streamBlobs, int destinationFaults)
    {
        var repository = NewRepository();
        using var seed = registries.Source.Client();
        var pushed = await TestImages.PushImageAsync(seed, repository, "1", ManifestMediaTypes.OciManifest, "amd64", 4000, 6000);
        using var sourceProxy = new FaultProxy(registries.Source,
            FirstN(2, Fault.CutMidBody, (m, p) => m == "GET" && p.Contains("/blobs/sha256:")));
        using var destinationProxy = new FaultProxy(registries.Destination, Either(
            FirstN(2, Fault.ServiceUnavailable, (m, p) => m == "PUT" && p.Contains("/blobs/uploads/")),
            FirstN(1, Fault.CutBeforeResponse, (m, p) => m == "PATCH"),
            FirstN(1, Fault.CutBeforeResponse, (m, p) => m == "POST"),
            FirstN(1, Fault.ServiceUnavailable, (m, p) => m == "PUT" && p.Contains("/manifests/"))));
        using var source = new RegistryClient(sourceProxy.Host, registries.Source.Credentials, Fast);
        using var destination = new RegistryClient(destinationProxy.Host, registries.Destination.Credentials, Fast);
        var copier = new ImageCopier(host => host == source.Registry ? source : destination) { Parallelism = 1, StreamBlobs = streamBlobs };
        var target = NewRepository();

        ImageCopyResult result;
        try
        {
            result = await copier.CopyAsync(ImageReference.Parse($"{sourceProxy.Host}/{repository}:1"), ImageReference.Parse($"{destinationProxy.Host}/{target}:1"));
        }
        catch (Exception e)
        {
            // Both proxies' logs show which fault the copy did not survive.
            throw new Xunit.Sdk.XunitException(e.Message + "\n" + string.Join("\n", destinationProxy.Log) + "\n--\n" + string.Join("\n", sourceProxy.Log));
        }

        Assert.Equal(pushed.Digest, result.Digest);
        Assert.Equal(pushed.Bytes, (await destination.GetManifestAsync(target, "1")).Bytes);
        Assert.Equal(2, sourceProxy.FaultsInjected);
        Assert.Equal(destinationFaults, destinationProxy.FaultsInjected);
        // Only the spooled copy's download resumes with a Range request: a 206 shows the copy fell back to it.
        Assert.Contains(sourceProxy.Log, line => line.EndsWith(" 206", StringComparison.Ordinal));
        // The two refused blob PUTs closed their sessions.
        Assert.Equal(2, destinationProxy.Log.Count(l => l.StartsWith("DELETE ", StringComparison.Ordinal) && l.EndsWith(" 204", StringComparison.Ordinal)));
        // Their bodies (and a cut chunk) went over the wire as well.
        Assert.True(result.BytesUploaded > pushed.Blobs.Sum(b => b.Size), $"{result.BytesUploaded} bytes uploaded");

        var log = destinationProxy.Log.ToList();
        var lastBlobCompleted = log.FindLastIndex(l => l.StartsWith("PUT ", StringComparison.Ordinal) && l.Contains("/blobs/uploads/") && l.EndsWith(" 201", StringComparison.Ordinal));
        var firstManifestStored = log.FindIndex(l => l.StartsWith("PUT ", StringComparison.Ordinal) && l.Contains("/manifests/") && l.EndsWith(" 201", StringComparison.Ordinal));
        Assert.True(lastBlobCompleted >= 0 && firstManifestStored > lastBlobCompleted, string.Join("\n", log));
    }

    [Fact]
    public async Task TestUpload_ChunkCutMidway_ResumesFromTheRegistrysRange()
    {
        var repository = NewRepository();
        var blob = TestImages.RandomBytes(6000);
        var patches = 0;
        using var proxy = new FaultProxy(registries.Source, FirstN(1, Fault.CutBeforeResponse, (m, _) => m == "PATCH" && Interlocked.Increment(ref patches) == 3));
        using var client = new RegistryClient(proxy.Host, registries.Source.Credentials, Fast);

        var sent = await client.UploadBlobAsync(repository, Digest.Sha256(blob), new MemoryStream(blob));

        // Four 1,500-byte chunks; the third is cut and sent again after a GET on the session says the registry holds 3,000 bytes.
        var log = proxy.Log.ToList();
        Assert.Equal(4, log.Count(l => l.StartsWith("PATCH ", StringComparison.Ordinal) && l.EndsWith(" 202", StringComparison.Ordinal)));
        Assert.Single(log, l => l.StartsWith("GET ", StringComparison.Ordinal) && l.Contains("/blobs/uploads/") && l.EndsWith(" 204", StringComparison.Ordinal));
        Assert.Single(log, l => l.StartsWith("POST ", StringComparison.Ordinal));
        Assert.InRange(sent, blob.Length, blob.Length + 1500);
        using var direct = registries.Source.Client();
        var downloaded = new MemoryStream();
        await direct.DownloadBlobAsync(repository, Digest.Sha256(blob), downloaded);
        Assert.Equal(blob, downloaded.ToArray());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task TestUpload_FailedAttempts_CloseTheirSessions(bool chunked)
    {
        var repository = NewRepository();
        var blob = TestImages.RandomBytes(chunked ? 4000 : 1000);
        // Refused twice at the final PUT: the monolithic upload starts again, the chunked one resumes (its GET finds the same session).
        using var proxy = new FaultProxy(registries.Source, FirstN(2, Fault.ServiceUnavailable, (m, p) => m == "PUT" && p.Contains("/blobs/uploads/")));
        using var client = new RegistryClient(proxy.Host, registries.Source.Credentials, Fast);

        await client.UploadBlobAsync(repository, Digest.Sha256(blob), new MemoryStream(blob));

        var log = proxy.Log.ToList();
        Assert.Equal(chunked ? 0 : 2, log.Count(l => l.StartsWith("DELETE ", StringComparison.Ordinal) && l.EndsWith(" 204", StringComparison.Ordinal)));
        Assert.Equal(chunked ? 1 : 3, log.Count(l => l.StartsWith("POST ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task TestUpload_GivingUp_ClosesTheSession()
    {
        var repository = NewRepository();
        var blob = TestImages.RandomBytes(1000);
        using var proxy = new FaultProxy(registries.Source, (m, p) => m == "PUT" && p.Contains("/blobs/uploads/") ? Fault.ServiceUnavailable : Fault.None);
        using var client = new RegistryClient(proxy.Host, registries.Source.Credentials, Fast with { MaxAttempts = 3, ChunkSize = 400 });

        var error = await Assert.ThrowsAnyAsync<RegistryException>(() => client.UploadBlobAsync(repository, Digest.Sha256(blob), new MemoryStream(blob)));

        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, error.Status);

        // A chunked upload keeps its session between attempts and closes it when it gives up.
        Assert.Single(proxy.Log, l => l.StartsWith("POST ", StringComparison.Ordinal));
        Assert.Single(proxy.Log, l => l.StartsWith("DELETE ", StringComparison.Ordinal) && l.EndsWith(" 204", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TestCopy_FailedStream_ClosesItsSessionAndFallsBack()
    {
        var repository = NewRepository();
        using var seed = registries.Source.Client();
        var pushed = await TestImages.PushImageAsync(seed, repository, "1", ManifestMediaTypes.OciManifest, "amd64", 4000);
        using var proxy = new FaultProxy(registries.Destination, FirstN(1, Fault.ServiceUnavailable, (m, p) => m == "PUT" && p.Contains("/blobs/uploads/")));
        using var destination = new RegistryClient(proxy.Host, registries.Destination.Credentials, Fast);
        var copier = new ImageCopier(host => host == proxy.Host ? destination : seed) { Parallelism = 1 };

        var result = await copier.CopyAsync(ImageReference.Parse($"{registries.Source.Host}/{repository}:1"), ImageReference.Parse($"{proxy.Host}/{NewRepository()}:1"));

        Assert.Equal(pushed.Digest, result.Digest);
        Assert.Equal(2, result.BlobsUploaded);
        Assert.Single(proxy.Log, l => l.StartsWith("DELETE ", StringComparison.Ordinal) && l.EndsWith(" 204", StringComparison.Ordinal));
        // The refused stream had sent its body: those bytes count too.
        Assert.True(result.BytesUploaded > pushed.Blobs.Sum(b => b.Size), $"{result.BytesUploaded} bytes uploaded");
    }

    [Fact]
    public async Task TestCopy_SameRegistryThatDoesNotMount_FallsBackToUpload()
    {
        var repository = NewRepository();
        using var seed = registries.Source.Client();
        var pushed = await TestImages.PushImageAsync(seed, repository, "1");
        using var proxy = new FaultProxy(registries.Source, (m, _) => m == "POST" ? Fault.IgnoreMount : Fault.None);
        using var client = new RegistryClient(proxy.Host, registries.Source.Credentials, Fast);
        var target = NewRepository();

        var result = await new ImageCopier(_ => client).CopyAsync(
            ImageReference.Parse($"{proxy.Host}/{repository}:1"), ImageReference.Parse($"{proxy.Host}/{target}:1"));

        Assert.Equal(pushed.Digest, result.Digest);
        Assert.Equal(0, result.BlobsMounted);
        Assert.Equal(3, result.BlobsUploaded);
        Assert.Equal(pushed.Blobs.Sum(b => b.Size), result.BytesUploaded);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public async Task TestCopy_ManifestRefusedAsDuringAConcurrentPush_Retries(int refusals)
    {
        var repository = NewRepository();
        using var seed = registries.Source.Client();
        var pushed = await TestImages.PushImageAsync(seed, repository, "1");
        using var handler = new RegistryVerifyRace(refusals);
        using var client = new RegistryClient(registries.Source.Host, registries.Source.Credentials, Fast, handler);
        var target = NewRepository();

        var result = await new ImageCopier(_ => client).CopyAsync(
            ImageReference.Parse($"{registries.Source.Host}/{repository}:1"), ImageReference.Parse($"{registries.Source.Host}/{target}:1"));

        Assert.Equal(pushed.Digest, result.Digest);
        Assert.Equal(refusals, handler.Refused);
        Assert.Equal(pushed.Bytes, (await client.GetManifestAsync(target, "1")).Bytes);
    }

    [Fact]
    public async Task TestCopy_ManifestRefusedAsDuringAConcurrentPushEveryTime_ReportsAfterMaxAttempts()
    {
        var repository = NewRepository();
        using var seed = registries.Source.Client();
        await TestImages.PushImageAsync(seed, repository, "1");
        using var handler = new RegistryVerifyRace(int.MaxValue);
        using var client = new RegistryClient(registries.Source.Host, registries.Source.Credentials, Fast with { MaxAttempts = 3 }, handler);

        var error = await Assert.ThrowsAsync<RegistryException>(() => new ImageCopier(_ => client).CopyAsync(
            ImageReference.Parse($"{registries.Source.Host}/{repository}:1"), ImageReference.Parse($"{registries.Source.Host}/{NewRepository()}:1")));

        Assert.Equal("DIGEST_INVALID", error.Code);
        Assert.Equal(3, handler.Refused);
    }

    /// <summary>
    /// Answers the first manifest PUTs as the CNCF registry does when its reference check reads a link file another push is rewriting
    /// (read empty: DIGEST_INVALID, then MANIFEST_BLOB_UNKNOWN for the same reference).
    /// </summary>
    sealed class RegistryVerifyRace(int refusals) : DelegatingHandler(new HttpClientHandler())
    {
        public int Refused;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Method != HttpMethod.Put || !request.RequestUri!.AbsolutePath.Contains("/manifests/") || Refused >= refusals)
                return await base.SendAsync(request, cancellationToken);
            Refused++;
            return new HttpResponseMessage(System.Net.HttpStatusCode.BadRequest)
            {
                Content = new StringContent("""
                    {"errors":[{"code":"DIGEST_INVALID","message":"provided digest did not match uploaded content"},
                    {"code":"MANIFEST_BLOB_UNKNOWN","message":"blob unknown to registry","detail":"sha256:0000000000000000000000000000000000000000000000000000000000000000"}]}
                    """),
            };
        }
    }

    [Fact]
    public async Task TestGetManifest_BytesDoNotMatchDigest_ClearError()
    {
        var repository = NewRepository();
        using var seed = registries.Source.Client();
        await TestImages.PushImageAsync(seed, repository, "1");
        using var proxy = new FaultProxy(registries.Source, (m, p) => m == "GET" && p.Contains("/manifests/") ? Fault.TamperBody : Fault.None);
        using var client = new RegistryClient(proxy.Host, registries.Source.Credentials, Fast);

        var error = await Assert.ThrowsAsync<RegistryException>(() => client.GetManifestAsync(repository, "1"));

        Assert.Equal("DIGEST_INVALID", error.Code);
        Assert.Contains($"'{proxy.Host}/{repository}:1' does not match its digest", error.Message);
    }

    [Fact]
    public async Task TestRetries_AreBounded()
    {
        using var proxy = new FaultProxy(registries.Source, (_, _) => Fault.ServiceUnavailable);
        using var client = new RegistryClient(proxy.Host, registries.Source.Credentials, Fast with { MaxAttempts = 3 });

        var error = await Assert.ThrowsAsync<RegistryException>(() => client.ListTagsAsync("test/any"));

        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, error.Status);
        Assert.Equal(3, proxy.FaultsInjected);
    }

    [Fact]
    public async Task TestBearerTokens_PushPullAndCopy()
    {
        var repository = NewRepository();
        using var proxy = new FaultProxy(registries.Source, (_, _) => Fault.None, requireBearer: true);
        using var client = new RegistryClient(proxy.Host, registries.Source.Credentials, Fast);

        var pushed = await TestImages.PushImageAsync(client, repository, "1");
        var fetched = await client.GetManifestAsync(repository, "1");

        Assert.Equal(pushed.Digest, fetched.Digest);
        Assert.Contains(proxy.Log, l => l == "401 UNAUTHORIZED");
    }

    [Fact]
    public async Task TestBearerTokens_RefusedCredentials_NameUser()
    {
        using var proxy = new FaultProxy(registries.Source, (_, _) => Fault.None, requireBearer: true);
        using var client = new RegistryClient(proxy.Host, new RegistryCredentials("eve", "nope"), Fast);

        var error = await Assert.ThrowsAsync<RegistryException>(() => client.ListTagsAsync("test/any"));

        Assert.Contains("'eve'", error.Message);
        Assert.Contains($"'{proxy.Host}'", error.Message);
    }

    [Fact]
    public async Task TestCancellation_StopsTheCopy()
    {
        using var client = registries.Source.Client();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var copier = new ImageCopier(_ => client);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => copier.CopyAsync(
            ImageReference.Parse($"{registries.Source.Host}/test/a:1"), ImageReference.Parse($"{registries.Source.Host}/test/b:1"), cancelled.Token));
    }
}

[Collection(RegistryCollection.Name)]
public class FaultToleranceConcurrencyTest(RegistryPair registries)
{
    [Fact]
    public async Task TestCopy_TwoConcurrentIndexCopiesThroughFaults_BothSucceed()
    {
        var repository = "test/faults-" + Guid.NewGuid().ToString("N")[..8];
        using var seed = registries.Source.Client();
        var (index, _, _) = await TestImages.PushIndexAsync(seed, repository, "multi");
        var uploads = 0;
        var gets = 0;
        using var sourceProxy = new FaultProxy(registries.Source,
            (m, p) => m == "GET" && p.Contains("/blobs/") && Interlocked.Increment(ref gets) % 3 == 1 ? Fault.CutMidBody : Fault.None);
        using var destinationProxy = new FaultProxy(registries.Destination,
            (m, p) => m == "PUT" && p.Contains("/blobs/uploads/") && Interlocked.Increment(ref uploads) % 2 == 1 ? Fault.CutBeforeResponse : Fault.None);
        var options = new RegistryClientOptions { InitialBackoff = TimeSpan.FromMilliseconds(10), MaxAttempts = 8 };
        using var source = new RegistryClient(sourceProxy.Host, registries.Source.Credentials, options);
        using var destination = new RegistryClient(destinationProxy.Host, registries.Destination.Credentials, options);
        var copier = new ImageCopier(host => host == source.Registry ? source : destination);

        var results = await Task.WhenAll(
            copier.CopyAsync(ImageReference.Parse($"{sourceProxy.Host}/{repository}:multi"), ImageReference.Parse($"{destinationProxy.Host}/{repository}:one")),
            copier.CopyAsync(ImageReference.Parse($"{sourceProxy.Host}/{repository}:multi"), ImageReference.Parse($"{destinationProxy.Host}/{repository}:two")));

        Assert.All(results, r => Assert.Equal(index.Digest, r.Digest));
        Assert.Equal(index.Bytes, (await destination.GetManifestAsync(repository, "two")).Bytes);
        Assert.True(sourceProxy.FaultsInjected > 0 && destinationProxy.FaultsInjected > 0);
    }
}
