using Slipway.Containers.References;

namespace Slipway.Containers.Tests.References;

public class ImageReferenceTest
{
    const string Hex = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    [Theory]
    [InlineData("ubuntu", null, "ubuntu", null, null, "docker.io/library/ubuntu:latest")]
    [InlineData("ubuntu:24.04", null, "ubuntu", "24.04", null, "docker.io/library/ubuntu:24.04")]
    [InlineData("team/api", null, "team/api", null, null, "docker.io/team/api:latest")]
    [InlineData("127.0.0.1:5000/team/api:1.0.0", "127.0.0.1:5000", "team/api", "1.0.0", null, "127.0.0.1:5000/team/api:1.0.0")]
    [InlineData("localhost/x", "localhost", "x", null, null, "localhost/x:latest")]
    [InlineData("localhost:5000/a/b/c", "localhost:5000", "a/b/c", null, null, "localhost:5000/a/b/c:latest")]
    [InlineData("registry.example.com/my_app.web__x-y--z", "registry.example.com", "my_app.web__x-y--z", null, null, "registry.example.com/my_app.web__x-y--z:latest")]
    [InlineData("123456789012.dkr.ecr.eu-west-1.amazonaws.com/svc:Release_1", "123456789012.dkr.ecr.eu-west-1.amazonaws.com", "svc", "Release_1", null, "123456789012.dkr.ecr.eu-west-1.amazonaws.com/svc:Release_1")]
    [InlineData("Registry/team/api", "Registry", "team/api", null, null, "Registry/team/api:latest")]
    [InlineData("ubuntu@sha256:" + Hex, null, "ubuntu", null, "sha256:" + Hex, "docker.io/library/ubuntu@sha256:" + Hex)]
    [InlineData("ghcr.io/o/r:v1@sha256:" + Hex, "ghcr.io", "o/r", "v1", "sha256:" + Hex, "ghcr.io/o/r:v1@sha256:" + Hex)]
    public void TestParse_Valid(string input, string? registry, string repository, string? tag, string? digest, string fullyQualified)
    {
        var reference = ImageReference.Parse(input);

        Assert.Equal(registry, reference.ExplicitRegistry);
        Assert.Equal(repository, reference.Repository);
        Assert.Equal(tag, reference.Tag);
        Assert.Equal(digest, reference.Digest);
        Assert.Equal(fullyQualified, reference.FullyQualified);
        Assert.Equal(input, reference.ToString());
    }

    [Theory]
    [InlineData("", "repository")]
    [InlineData("Ubuntu", "repository")]
    [InlineData("team/API:1", "repository")]
    [InlineData("team//api", "repository")]
    [InlineData("team/api-", "repository")]
    [InlineData("team/_api", "repository")]
    [InlineData("team/a___b", "repository")]
    [InlineData("localhost:5000/", "repository")]
    [InlineData("ubuntu:", "tag")]
    [InlineData("ubuntu:-x", "tag")]
    [InlineData("ubuntu:a+b", "tag")]
    [InlineData("ubuntu:a/b", "registry")]
    [InlineData("app:é", "tag")]
    [InlineData("app:١٢٣", "tag")]
    [InlineData("app:v1\n", "tag")]
    [InlineData("app:ǅ", "tag")]
    [InlineData("team/apé", "repository")]
    [InlineData("team/api\n", "repository")]
    [InlineData("regé.io/x", "registry")]
    [InlineData("ubuntu@sha256:" + Hex + "\n", "digest")]
    [InlineData("ubuntu@sha256:abc", "digest")]
    [InlineData("ubuntu@sha256:" + "0123456789ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef", "digest")]
    [InlineData("ubuntu@md5:" + Hex, "digest")]
    [InlineData("-bad-.io/x", "registry")]
    [InlineData("host:port/x", "registry")]
    public void TestParse_Invalid(string input, string part)
    {
        var error = Assert.Throws<ImageReferenceException>(() => ImageReference.Parse(input));

        Assert.Equal(part, error.Part);
        Assert.Contains($"'{input}'", error.Message);
        Assert.Contains(part, error.Message);
        Assert.Contains("expected", error.Message);
    }

    [Fact]
    public void TestParse_TagTooLong()
    {
        ImageReference.Parse("x:" + new string('a', 128));

        var error = Assert.Throws<ImageReferenceException>(() => ImageReference.Parse("x:" + new string('a', 129)));

        Assert.Equal("tag", error.Part);
    }

    [Fact]
    public void TestParse_NameTooLong()
    {
        var error = Assert.Throws<ImageReferenceException>(() => ImageReference.Parse(new string('a', 256)));

        Assert.Equal("repository", error.Part);
    }

    [Fact]
    public void TestWithTagAndDigest()
    {
        var reference = ImageReference.Parse("localhost:5000/team/api:1");

        Assert.Equal("localhost:5000/team/api:2", reference.WithTag("2").ToString());
        Assert.Equal("localhost:5000/team/api:1@sha256:" + Hex, reference.WithDigest("sha256:" + Hex).ToString());
        Assert.Equal("sha256:" + Hex, reference.WithDigest("sha256:" + Hex).ManifestReference);
    }
}
