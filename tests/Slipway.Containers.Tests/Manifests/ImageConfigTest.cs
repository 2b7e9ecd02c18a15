using System.Text;
using Slipway.Containers.Building;
using Slipway.Containers.Manifests;
using Slipway.Containers.Registry;

namespace Slipway.Containers.Tests.Manifests;

public class ImageConfigTest
{
    static readonly string A = "sha256:" + new string('a', 64);
    static readonly string B = "sha256:" + new string('b', 64);
    static readonly string C = "sha256:" + new string('c', 64);

    static ImageConfig Parse(string json) => ImageConfig.Parse(A, Encoding.UTF8.GetBytes(json));

    [Fact]
    public void TestParse_Labels_RevisionAndVersionFromOciLabels()
    {
        var config = Parse("""{"architecture":"amd64","config":{"Env":["A=1"],"Labels":{"org.opencontainers.image.revision":"abc","org.opencontainers.image.version":"2.0.0","x":"y"}}}""");

        Assert.Equal(A, config.ManifestDigest);
        Assert.Equal("abc", config.Revision);
        Assert.Equal("2.0.0", config.Version);
        Assert.Equal("y", config.Labels["x"]);
    }

    [Theory]
    [InlineData("""{"architecture":"amd64"}""")]
    [InlineData("""{"config":null}""")]
    [InlineData("""{"config":{"Labels":null}}""")]
    [InlineData("""{"config":{"Env":[]}}""")]
    public void TestParse_NoLabels_Empty(string json)
    {
        var config = Parse(json);

        Assert.Empty(config.Labels);
        Assert.Null(config.Revision);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    public void TestParse_NotAnObject_FormatException(string json)
    {
        Assert.Throws<FormatException>(() => Parse(json));
    }

    [Fact]
    public void TestOciLabels_DockerBuildRequestConstantsAreTheSame()
    {
        Assert.Equal("org.opencontainers.image.revision", DockerBuildRequest.RevisionLabel);
        Assert.Equal(OciLabels.Revision, DockerBuildRequest.RevisionLabel);
        Assert.Equal(OciLabels.Version, DockerBuildRequest.VersionLabel);
        Assert.Equal(OciLabels.Source, DockerBuildRequest.SourceLabel);
        Assert.Equal(OciLabels.Created, DockerBuildRequest.CreatedLabel);
    }

    [Fact]
    public void TestConfigChild_PrefersLinuxAmd64_ElseFirst()
    {
        static Manifest Index(params (string Digest, string Architecture)[] children)
        {
            var entries = children.Select(c =>
                $$$"""{"mediaType":"{{{ManifestMediaTypes.OciManifest}}}","digest":"{{{c.Digest}}}","size":1,"platform":{"os":"linux","architecture":"{{{c.Architecture}}}"}}""");
            return Manifest.Parse(Encoding.UTF8.GetBytes($$"""{"schemaVersion":2,"mediaType":"{{ManifestMediaTypes.OciIndex}}","manifests":[{{string.Join(",", entries)}}]}"""));
        }

        Assert.Equal(C, RegistryClient.ConfigChild(Index((A, "arm64"), (B, "s390x"), (C, "amd64"))).Digest);
        Assert.Equal(B, RegistryClient.ConfigChild(Index((B, "s390x"), (A, "arm64"))).Digest);
        Assert.Equal(new ImagePlatform("linux", "s390x"), Index((B, "s390x")).Children[0].Platform);
        Assert.Throws<RegistryException>(() => RegistryClient.ConfigChild(Index()));
    }
}
