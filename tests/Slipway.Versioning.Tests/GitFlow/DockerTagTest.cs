using Slipway.Versioning.GitFlow;

namespace Slipway.Versioning.Tests.GitFlow;

public class DockerTagTest
{
    [Theory]
    [InlineData("1.2.0", true)]
    [InlineData("feature-x-3", true)]
    [InlineData("_x", true)]
    [InlineData("-x", false)]
    [InlineData(".x", false)]
    [InlineData("1.2.0+3", false)]
    [InlineData("a/b", false)]
    [InlineData("", false)]
    [InlineData("v1\n", false)]
    [InlineData("é", false)]
    [InlineData("1.٢", false)]
    public void TestIsValid(string tag, bool valid) => Assert.Equal(valid, DockerTag.IsValid(tag));

    [Fact]
    public void TestIsValid_Length()
    {
        Assert.True(DockerTag.IsValid(new string('a', 128)));
        Assert.False(DockerTag.IsValid(new string('a', 129)));
    }

    [Fact]
    public void TestSanitize_CleanIdsAreKept() => Assert.Equal("issue-543", DockerTag.SanitizeId("issue-543"));

    [Theory]
    [InlineData("john/adding-automation", "john-adding-automation-")]
    [InlineData("PAY_12", "pay-12-")]
    [InlineData("größe", "gr-e-")]
    public void TestSanitize_LossyIdsGetAHash(string id, string prefix)
    {
        var tag = DockerTag.SanitizeId(id);
        Assert.StartsWith(prefix, tag);
        Assert.Matches("-[0-9a-f]{8}$", tag);
        Assert.True(DockerTag.IsValid($"feature-{tag}-12"));
    }

    [Fact]
    public void TestSanitize_DifferentBranchesNeverShareATag()
    {
        string[] ids = ["foo-bar", "Foo-Bar", "foo_bar", "foo/bar", "FOO_BAR", "foo--bar", "föo-bar"];
        var tags = ids.Select(x => DockerTag.SanitizeId(x)).ToList();
        Assert.Equal(ids.Length, tags.Distinct().Count());
    }

    [Fact]
    public void TestSanitize_LongIdsAreCutAndStayDistinct()
    {
        var a = DockerTag.SanitizeId(new string('a', 200) + "1");
        var b = DockerTag.SanitizeId(new string('a', 200) + "2");
        Assert.True(a.Length <= 48);
        Assert.NotEqual(a, b);
    }
}
