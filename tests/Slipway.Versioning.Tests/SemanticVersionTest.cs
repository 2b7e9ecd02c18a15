using Slipway.Versioning.Configuration;

namespace Slipway.Versioning.Tests;

public class SemanticVersionTest
{
    [Theory]
    [InlineData("1.2.3", "1.2.3")]
    [InlineData("v1.2.3", "1.2.3")]
    [InlineData("V10.20.30-beta.4", "10.20.30-beta.4")]
    [InlineData("1.2.3-beta4", "1.2.3-beta.4")]
    [InlineData("1.2.3-4", "1.2.3-4")]
    [InlineData("1.2.3-rc", "1.2.3-rc")]
    [InlineData("1.2.3+build.7", "1.2.3")]
    public void TestParse_Strict(string text, string expected) =>
        Assert.Equal(expected, SemanticVersion.Parse(text, "[vV]?").ToString());

    [Theory]
    [InlineData("1.2")]
    [InlineData("1")]
    [InlineData("01.2.3")]
    [InlineData("1.2.3.4")]
    [InlineData("release-1.2.3")]
    [InlineData("latest")]
    public void TestParse_StrictRejects(string text) =>
        Assert.False(SemanticVersion.TryParse(text, "[vV]?", SemanticVersionFormat.Strict, out _));

    [Theory]
    [InlineData("1.2", "1.2.0")]
    [InlineData("1", "1.0.0")]
    [InlineData("1.2.3.4", "1.2.3")]
    public void TestParse_Loose(string text, string expected) =>
        Assert.Equal(expected, SemanticVersion.Parse(text, null, SemanticVersionFormat.Loose).ToString());

    [Fact]
    public void TestParse_PrefixIsARegex()
    {
        Assert.Equal("2.0.0", SemanticVersion.Parse("release-2.0.0", "release-").ToString());
        Assert.False(SemanticVersion.TryParse("x2.0.0", "[vV]?", SemanticVersionFormat.Strict, out _));
    }

    [Theory]
    [InlineData("1.0.0", "1.0.1")]
    [InlineData("1.0.0-beta.1", "1.0.0")]
    [InlineData("1.0.0-alpha.9", "1.0.0-beta.1")]
    [InlineData("1.0.0-beta.2", "1.0.0-beta.10")]
    [InlineData("1.9.0", "1.10.0")]
    public void TestCompare_Ordering(string lower, string higher)
    {
        Assert.True(SemanticVersion.Parse(higher).IsGreaterThan(SemanticVersion.Parse(lower)));
        Assert.False(SemanticVersion.Parse(lower).IsGreaterThan(SemanticVersion.Parse(higher)));
    }

    [Theory]
    [InlineData("1.2.3-beta.1", IncrementStrategy.Major, "2.0.0")]
    [InlineData("1.2.3", IncrementStrategy.Minor, "1.3.0")]
    [InlineData("1.2.3", IncrementStrategy.Patch, "1.2.4")]
    [InlineData("1.2.3", IncrementStrategy.None, "1.2.3")]
    public void TestIncrement(string version, IncrementStrategy field, string expected) =>
        Assert.Equal(expected, SemanticVersion.Parse(version).Increment(field).ToString());

    [Fact]
    public void TestPreReleaseTag_Forms()
    {
        Assert.Equal("beta.3", new SemanticVersion(1, 0, 0, "beta", 3).PreReleaseTag);
        Assert.Equal("5", new SemanticVersion(1, 0, 0, "", 5).PreReleaseTag);
        Assert.Equal("", new SemanticVersion(1, 0, 0).PreReleaseTag);
        Assert.Equal("1.1.0-5", new SemanticVersion(1, 1, 0, "", 5).ToString());
    }
}
