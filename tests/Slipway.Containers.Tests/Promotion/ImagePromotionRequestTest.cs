using Slipway.Containers.Promotion;
using Slipway.Containers.References;

namespace Slipway.Containers.Tests.Promotion;

public class ImagePromotionRequestTest
{
    const string Digest = "sha256:1111111111111111111111111111111111111111111111111111111111111111";

    static ImageReference Ref(string text) => ImageReference.Parse(text);

    [Fact]
    public void TestRequest_Tags_Accepted()
    {
        var (candidate, release) = new ImagePromotionRequest(Ref("dev.example.com/app:1.4.0-rc.1"), Ref("prod.example.com/app:1.4.0"));

        Assert.Equal("1.4.0-rc.1", candidate.Tag);
        Assert.Equal("prod.example.com", release.Registry);
    }

    [Theory]
    [InlineData("dev.example.com/app:1.4.0-rc.1@" + Digest, "Candidate", "has a digest")]
    [InlineData("dev.example.com/app@" + Digest, "Candidate", "has a digest")]
    [InlineData("dev.example.com/app", "Candidate", "has no tag")]
    public void TestRequest_CandidateNotAPlainTag_ArgumentException(string candidate, string parameter, string problem)
    {
        var error = Assert.Throws<ArgumentException>(() => new ImagePromotionRequest(Ref(candidate), Ref("prod.example.com/app:1.4.0")));

        Assert.Equal(parameter, error.ParamName);
        Assert.Contains($"candidate reference '{candidate}' {problem}", error.Message);
        Assert.Contains("expected a tag and no digest", error.Message);
    }

    [Theory]
    [InlineData("prod.example.com/app:1.4.0@" + Digest, "has a digest")]
    [InlineData("prod.example.com/app", "has no tag")]
    public void TestRequest_ReleaseNotAPlainTag_ArgumentException(string release, string problem)
    {
        var error = Assert.Throws<ArgumentException>(() => new ImagePromotionRequest(Ref("dev.example.com/app:1.4.0-rc.1"), Ref(release)));

        Assert.Equal("Release", error.ParamName);
        Assert.Contains($"release reference '{release}' {problem}", error.Message);
    }

    [Fact]
    public void TestRequest_With_ValidatesToo()
    {
        var request = new ImagePromotionRequest(Ref("dev.example.com/app:1.4.0-rc.1"), Ref("prod.example.com/app:1.4.0"));

        var error = Assert.Throws<ArgumentException>(() => request with { Release = Ref("prod.example.com/app@" + Digest) });

        Assert.Equal("Release", error.ParamName);
    }

    [Fact]
    public void TestRequest_Null_ArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => new ImagePromotionRequest(null!, Ref("prod.example.com/app:1.4.0")));
    }
}
