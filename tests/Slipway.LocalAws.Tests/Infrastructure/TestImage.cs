using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace Slipway.LocalAws.Tests.Infrastructure;

/// <summary>A small but real single-layer image: a gzipped tar holding one file, its config, and a Docker v2 manifest naming both.</summary>
public sealed record TestImage(byte[] Layer, byte[] Config, byte[] Manifest)
{
    public const string MediaType = "application/vnd.docker.distribution.manifest.v2+json";
    public const string OciMediaType = "application/vnd.oci.image.manifest.v1+json";

    public string LayerDigest => Digest(Layer);

    public string ConfigDigest => Digest(Config);

    public string ManifestDigest => Digest(Manifest);

    public string ManifestText => Encoding.UTF8.GetString(Manifest);

    /// <summary>An image whose one file says <paramref name="content"/>, in Docker's or OCI's media types; different content, different digests.</summary>
    public static TestImage Create(string content, bool oci = false)
    {
        var tar = new MemoryStream();
        using (var writer = new TarWriter(tar, TarEntryFormat.Pax, leaveOpen: true))
        {
            var entry = new PaxTarEntry(TarEntryType.RegularFile, "hello.txt") { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(content)) };
            writer.WriteEntry(entry);
        }

        var layer = new MemoryStream();
        using (var gzip = new GZipStream(layer, CompressionLevel.Optimal, leaveOpen: true))
            gzip.Write(tar.ToArray());

        var config = Encoding.UTF8.GetBytes(
            """{"architecture":"amd64","os":"linux","config":{"Cmd":["/hello.txt"]},"rootfs":{"type":"layers","diff_ids":["""
            + $"\"{Digest(tar.ToArray())}\"]}}}}");
        // Spaces and a line break on purpose: byte-for-byte handling is what is being tested, not JSON equality.
        var manifest = Encoding.UTF8.GetBytes(
            $$"""
            {
               "schemaVersion": 2,
               "mediaType": "{{(oci ? OciMediaType : MediaType)}}",
               "config": {"mediaType": "{{(oci ? "application/vnd.oci.image.config.v1+json" : "application/vnd.docker.container.image.v1+json")}}", "size": {{config.Length}}, "digest": "{{Digest(config)}}"},
               "layers": [{"mediaType": "{{(oci ? "application/vnd.oci.image.layer.v1.tar+gzip" : "application/vnd.docker.image.rootfs.diff.tar.gzip")}}", "size": {{layer.Length}}, "digest": "{{Digest(layer.ToArray())}}"}]
            }
            """);
        return new TestImage(layer.ToArray(), config, manifest);
    }

    public static string Digest(byte[] bytes) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>Writes the image as an OCI image layout in <paramref name="directory"/>, tagged <paramref name="tag"/>, for <c>skopeo copy oci:...</c>.</summary>
    public void WriteOciLayout(string directory, string tag)
    {
        var blobs = Directory.CreateDirectory(Path.Combine(directory, "blobs", "sha256")).FullName;
        foreach (var blob in new[] { Layer, Config, Manifest })
            File.WriteAllBytes(Path.Combine(blobs, Digest(blob)["sha256:".Length..]), blob);
        File.WriteAllText(Path.Combine(directory, "oci-layout"), """{"imageLayoutVersion":"1.0.0"}""");
        File.WriteAllText(Path.Combine(directory, "index.json"),
            $$$"""{"schemaVersion":2,"manifests":[{"mediaType":"{{{OciMediaType}}}","digest":"{{{ManifestDigest}}}","size":{{{Manifest.Length}}},"annotations":{"org.opencontainers.image.ref.name":"{{{tag}}}"}}]}""");
    }
}
