using System.Text;
using Slipway.Containers.Manifests;

namespace Slipway.Containers.Tests.Manifests;

public class ManifestTest
{
    static readonly string A = "sha256:" + new string('a', 64);
    static readonly string B = "sha256:" + new string('b', 64);
    static readonly string C = "sha256:" + new string('c', 64);

    [Fact]
    public void TestParse_ImageManifest_KeepsBytesAndListsConfigThenLayers()
    {
        var json = $$"""
            {"schemaVersion":2,  "mediaType":"{{ManifestMediaTypes.DockerManifest}}",
             "config":{"mediaType":"application/vnd.docker.container.image.v1+json","digest":"{{A}}","size":7},
             "layers":[{"mediaType":"application/vnd.docker.image.rootfs.diff.tar.gzip","digest":"{{B}}","size":10},
                       {"mediaType":"application/vnd.docker.image.rootfs.diff.tar.gzip","digest":"{{C}}","size":11}]}
            """;
        var bytes = Encoding.UTF8.GetBytes(json);

        var manifest = Manifest.Parse(bytes);

        Assert.Same(bytes, manifest.Bytes);
        Assert.Equal(ManifestMediaTypes.DockerManifest, manifest.MediaType);
        Assert.Equal([A, B, C], manifest.Blobs.Select(b => b.Digest));
        Assert.Equal([7L, 10, 11], manifest.Blobs.Select(b => b.Size));
        Assert.Empty(manifest.Children);
        Assert.False(manifest.IsIndex);
        Assert.Equal(Digest.Sha256(bytes), manifest.Digest);
    }

    [Fact]
    public void TestParse_OciIndex_ListsChildren()
    {
        var json = $$"""
            {"schemaVersion":2,"mediaType":"{{ManifestMediaTypes.OciIndex}}","manifests":[
              {"mediaType":"{{ManifestMediaTypes.OciManifest}}","digest":"{{A}}","size":100,"platform":{"os":"linux","architecture":"amd64"} },
              {"mediaType":"{{ManifestMediaTypes.OciManifest}}","digest":"{{B}}","size":101,"platform":{"os":"linux","architecture":"arm64"} }]}
            """;

        var manifest = Manifest.Parse(Encoding.UTF8.GetBytes(json), ManifestMediaTypes.OciIndex + "; charset=utf-8");

        Assert.True(manifest.IsIndex);
        Assert.Equal([A, B], manifest.Children.Select(c => c.Digest));
        Assert.Empty(manifest.Blobs);
    }

    [Fact]
    public void TestParse_MediaTypeFromHeaderWhenDocumentHasNone()
    {
        var json = $$"""{"schemaVersion":2,"config":{"digest":"{{A}}","size":1},"layers":[]}""";

        var manifest = Manifest.Parse(Encoding.UTF8.GetBytes(json), ManifestMediaTypes.OciManifest);

        Assert.Equal(ManifestMediaTypes.OciManifest, manifest.MediaType);
        Assert.Single(manifest.Blobs);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"schemaVersion":2,"mediaType":"application/vnd.docker.distribution.manifest.v1+json"}""")]
    [InlineData("""{"schemaVersion":2,"config":{"digest":"sha256:xyz","size":1}}""")]
    public void TestParse_Invalid(string json) =>
        Assert.Throws<FormatException>(() => Manifest.Parse(Encoding.UTF8.GetBytes(json)));

    [Fact]
    public void TestDigest_Sha256AndValidate()
    {
        Assert.Equal("sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Digest.Sha256([]));
        Assert.True(Digest.TryParse(A, out var parts));
        Assert.Equal(("sha256", new string('a', 64)), parts);
        Assert.False(Digest.TryParse("sha256:" + new string('a', 63), out _));
        Assert.False(Digest.TryParse("sha256:" + new string('A', 64), out _));
        Assert.Throws<FormatException>(() => Digest.Validate("nope"));
    }
}
