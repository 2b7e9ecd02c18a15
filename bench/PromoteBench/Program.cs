using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Slipway.Containers;
using Slipway.Containers.Copying;
using Slipway.Containers.Manifests;
using Slipway.Containers.References;
using Slipway.Containers.Registry;

// Usage: PromoteBench SOURCE_REGISTRY DESTINATIONS_FOR_SLIPWAY DESTINATIONS_FOR_SKOPEO USER PASSWORD [RUNS] [LAYER_MB]
// (destinations: comma-separated, one registry per run.) Pushes a 10-layer image to the source registry; for every run,
// seeds a repository in that run's two fresh destination registries with half of its layers (untimed), then promotes
// the image into one with Slipway's ImageCopier and into the other with `skopeo copy`, alternating which goes first.
// Fresh registries per run and tool: neither tool can find (and mount) blobs stored by an earlier run or by the other
// tool — skopeo run as root keeps a system-wide blob-info cache that would otherwise do exactly that.
// bytes_uploaded is what the copier reports sending over the wire for blob bodies (every attempt, re-sent bytes included), the
// largest of the runs; an extra, untimed copy through a counting TCP relay checks it against the bytes that really went out.
// Prints "name: value" lines for bench/promote.sh.
if (args.Length < 5)
{
    Console.Error.WriteLine("usage: PromoteBench SOURCE DESTINATION_FOR_SLIPWAY DESTINATION_FOR_SKOPEO USER PASSWORD [RUNS] [LAYER_MB]");
    return 2;
}

var (source, destinations, skopeoDestinations, user, password) = (args[0], args[1].Split(','), args[2].Split(','), args[3], args[4]);
var runs = args.Length > 5 ? int.Parse(args[5]) : 3;
var layerBytes = (args.Length > 6 ? int.Parse(args[6]) : 20) * 1024 * 1024;
var credentials = new RegistryCredentials(user, password);
var options = new RegistryClientOptions { Scheme = "http" };
RegistryClient ClientFor(string registry) => new(registry, credentials, options);

var layers = Enumerable.Range(0, 10).Select(_ => RandomNumberGenerator.GetBytes(layerBytes)).ToList();
var config = Encoding.UTF8.GetBytes("""{"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":[]}}""");
var manifestText = $$"""
{"schemaVersion":2,"mediaType":"{{ManifestMediaTypes.DockerManifest}}","config":{"mediaType":"application/vnd.docker.container.image.v1+json","size":{{config.Length}},"digest":"{{Digest.Sha256(config)}}"},"layers":[{{string.Join(",", layers.Select(x => $$"""{"mediaType":"application/vnd.docker.image.rootfs.diff.tar.gzip","size":{{x.Length}},"digest":"{{Digest.Sha256(x)}}"}"""))}}]}
""".Trim();
var manifest = Manifest.Parse(Encoding.UTF8.GetBytes(manifestText), ManifestMediaTypes.DockerManifest);

using (var src = ClientFor(source))
{
    foreach (var blob in layers.Append(config))
        await src.UploadBlobAsync("bench/app", Digest.Sha256(blob), new MemoryStream(blob));
    await src.PutManifestAsync("bench/app", "1.0.0-candidate-1", manifest);
}

var missing = layers.Skip(5).Sum(x => (long)x.Length) + config.Length;
var ours = new List<double>();
var skopeo = new List<double>();
long uploaded = 0;
string? digest = null;
var streaming = Environment.GetEnvironmentVariable("SLIPWAY_BENCH_STREAM") != "0";
var copier = new ImageCopier(ClientFor) { StreamBlobs = streaming };
for (var run = 0; run < runs; run++)
{
    var (destination, skopeoDestination) = (destinations[run], skopeoDestinations[run]);
    foreach (var (registry, repository) in new[] { (destination, $"ours{run}/app"), (skopeoDestination, $"skopeo{run}/app") })
    {
        using var dst = ClientFor(registry);
        foreach (var layer in layers.Take(5))
            await dst.UploadBlobAsync(repository, Digest.Sha256(layer), new MemoryStream(layer));
    }

    async Task Ours()
    {
        var stopwatch = Stopwatch.StartNew();
        var result = await copier.CopyAsync(ImageReference.Parse($"{source}/bench/app:1.0.0-candidate-1"), ImageReference.Parse($"{destination}/ours{run}/app:1.0.0"));
        ours.Add(stopwatch.Elapsed.TotalMilliseconds);
        uploaded = Math.Max(uploaded, result.BytesUploaded);
        digest = result.Digest;
    }

    void Skopeo()
    {
        var stopwatch = Stopwatch.StartNew();
        var info = new ProcessStartInfo("skopeo", [
            "copy", "--quiet", "--preserve-digests", "--src-tls-verify=false", "--dest-tls-verify=false",
            "--src-creds", $"{user}:{password}", "--dest-creds", $"{user}:{password}",
            $"docker://{source}/bench/app:1.0.0-candidate-1", $"docker://{skopeoDestination}/skopeo{run}/app:1.0.0"]) { RedirectStandardError = true };
        // A fresh HOME per run: skopeo's blob-info cache would otherwise remember where the other copy put the blobs and mount them.
        var home = Directory.CreateTempSubdirectory("promote-bench-home-").FullName;
        info.Environment["HOME"] = home;
        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException("skopeo copy failed: " + error);
        skopeo.Add(stopwatch.Elapsed.TotalMilliseconds);
        Directory.Delete(home, recursive: true);
    }

    if (run % 2 == 0)
    {
        await Ours();
        Skopeo();
    }
    else
    {
        Skopeo();
        await Ours();
    }
}

// The cross-check: one more copy, untimed, into a fresh repository of the first destination seeded the same way, through the relay.
using (var dst = ClientFor(destinations[0]))
    foreach (var layer in layers.Take(5))
        await dst.UploadBlobAsync("check/app", Digest.Sha256(layer), new MemoryStream(layer));
using var relay = new CountingProxy(destinations[0]);
var check = await copier.CopyAsync(ImageReference.Parse($"{source}/bench/app:1.0.0-candidate-1"), ImageReference.Parse($"{relay.Host}/check/app:1.0.0"));

Console.WriteLine($"copier: {(streaming ? "one-pass streaming (the default)" : "spooled (SLIPWAY_BENCH_STREAM=0)")}");
Console.WriteLine($"image: 10 layers of {layerBytes / 1024 / 1024} MiB, {missing} bytes missing at the destination, digest {digest}");
Console.WriteLine($"bytes_uploaded: {uploaded}");
Console.WriteLine($"bytes_missing: {missing}");
Console.WriteLine($"check_bytes_uploaded: {check.BytesUploaded}");
Console.WriteLine($"check_relay_bytes: {relay.BytesSent}");
Console.WriteLine($"ours_median_ms: {Median(ours):F0}");
Console.WriteLine($"skopeo_median_ms: {Median(skopeo):F0}");
return 0;

static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
