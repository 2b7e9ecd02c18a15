using System.Text;
using System.Text.Json;
using Slipway.Containers.Manifests;
using Slipway.Containers.Registry;

namespace Slipway.Containers.Tests.Infrastructure;

/// <summary>Builds small random images in a registry through the client under test (no Docker engine).</summary>
public static class TestImages
{
    public static byte[] RandomBytes(int size)
    {
        var bytes = new byte[size];
        Random.Shared.NextBytes(bytes);
        return bytes;
    }

    /// <summary>Pushes a config and layers of the given sizes, then an image manifest under the tag; returns the manifest.</summary>
    public static Task<Manifest> PushImageAsync(RegistryClient client, string repository, string? tag, string mediaType = ManifestMediaTypes.OciManifest,
        string architecture = "amd64", params int[] layerSizes) =>
        PushImageAsync(client, repository, tag, mediaType, architecture, labels: null, layerSizes);

    /// <summary>Pushes an OCI image whose config carries the labels (null: a config without a "config" section) under the tag.</summary>
    public static Task<Manifest> PushLabelledImageAsync(RegistryClient client, string repository, string? tag,
        IReadOnlyDictionary<string, string>? labels, string architecture = "amd64") =>
        PushImageAsync(client, repository, tag, ManifestMediaTypes.OciManifest, architecture, labels, []);

    static async Task<Manifest> PushImageAsync(RegistryClient client, string repository, string? tag, string mediaType, string architecture,
        IReadOnlyDictionary<string, string>? labels, int[] layerSizes)
    {
        var oci = mediaType == ManifestMediaTypes.OciManifest;
        var runtime = labels is null ? "" : "\"config\":{\"Labels\":" + JsonSerializer.Serialize(labels) + "},";
        var config = Encoding.UTF8.GetBytes($$"""{"architecture":"{{architecture}}","os":"linux",{{runtime}}"rootfs":{"type":"layers","diff_ids":[]},"salt":"{{Guid.NewGuid()}}"}""");
        var layers = (layerSizes.Length == 0 ? [1024, 3000] : layerSizes).Select(RandomBytes).ToList();
        foreach (var blob in layers.Prepend(config))
            await client.UploadBlobAsync(repository, Digest.Sha256(blob), new MemoryStream(blob));
        var configType = oci ? "application/vnd.oci.image.config.v1+json" : "application/vnd.docker.container.image.v1+json";
        var layerType = oci ? "application/vnd.oci.image.layer.v1.tar+gzip" : "application/vnd.docker.image.rootfs.diff.tar.gzip";
        var layerJson = string.Join(",", layers.Select(l => $$"""{"mediaType":"{{layerType}}","digest":"{{Digest.Sha256(l)}}","size":{{l.Length}}}"""));
        // Unusual spacing on purpose: a copy that re-serialised would change the digest.
        var json = $$"""{ "schemaVersion": 2,  "mediaType": "{{mediaType}}", "config": {"mediaType":"{{configType}}","digest":"{{Digest.Sha256(config)}}","size":{{config.Length}}}, "layers": [{{layerJson}}] }""";
        var manifest = Manifest.Parse(Encoding.UTF8.GetBytes(json), mediaType);
        await client.PutManifestAsync(repository, tag ?? manifest.Digest, manifest);
        return manifest;
    }

    /// <summary>
    /// Pushes two platform manifests and an OCI index over them under the tag; with labels, each child's config carries them plus
    /// "test.architecture" naming its platform.
    /// </summary>
    public static async Task<(Manifest Index, Manifest Amd64, Manifest Arm64)> PushIndexAsync(RegistryClient client, string repository, string tag,
        IReadOnlyDictionary<string, string>? labels = null)
    {
        IReadOnlyDictionary<string, string>? For(string architecture) =>
            labels is null ? null : new Dictionary<string, string>(labels) { ["test.architecture"] = architecture };
        var amd64 = await PushImageAsync(client, repository, null, ManifestMediaTypes.OciManifest, "amd64", For("amd64"), [2048, 1500]);
        var arm64 = await PushImageAsync(client, repository, null, ManifestMediaTypes.OciManifest, "arm64", For("arm64"), [2500]);
        string Entry(Manifest m, string arch) =>
            $$"""{"mediaType":"{{m.MediaType}}","digest":"{{m.Digest}}","size":{{m.Bytes.Length}},"platform":{"architecture":"{{arch}}","os":"linux"} }""";
        // arm64 listed first: a reader that takes the first child instead of linux/amd64 gets the wrong config.
        var json = $$"""{"schemaVersion":2,"mediaType":"{{ManifestMediaTypes.OciIndex}}","manifests":[{{Entry(arm64, "arm64")}},{{Entry(amd64, "amd64")}}]}""";
        var index = Manifest.Parse(Encoding.UTF8.GetBytes(json), ManifestMediaTypes.OciIndex);
        await client.PutManifestAsync(repository, tag, index);
        return (index, amd64, arm64);
    }
}
