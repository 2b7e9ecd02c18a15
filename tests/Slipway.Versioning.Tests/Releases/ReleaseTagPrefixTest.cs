using Slipway.Versioning.Releases;

namespace Slipway.Versioning.Tests.Releases;

public sealed class ReleaseTagPrefixTest
{
    [Theory]
    [InlineData("[vV]?", "")]
    [InlineData("", "")]
    [InlineData("v", "v")]
    [InlineData("[vV]", "v")]
    [InlineData("[Vv]", "V")]
    [InlineData("^v", "v")]
    [InlineData("app-v", "app-v")]
    [InlineData("release/", "release/")]
    [InlineData(@"app\.v", "app.v")]
    [InlineData("app-[vV]?", "app-")]
    [InlineData("v+", "v")]
    [InlineData(@"[\-_]", "-")]
    public void TestLiteral_OfAConfiguredRegex(string tagPrefix, string literal)
    {
        Assert.Equal(literal, ReleaseTagPrefix.Literal(tagPrefix));
        Assert.Equal(literal + "1.2.0", ReleaseTagPrefix.TagName(tagPrefix, "1.2.0"));
    }

    [Theory]
    [InlineData("(v|release-)", "'(' at position 1")]
    [InlineData("v|V", "'|' at position 2")]
    [InlineData(".*", "'.' at position 1")]
    [InlineData(@"\d+-", @"the escape '\d' at position 1")]
    [InlineData("[a-z]", "the range in the class at position 1")]
    [InlineData("[^x]", "the negated class at position 1")]
    [InlineData("v{2}", "'{' at position 2")]
    [InlineData("[v", "the unfinished or empty class at position 1")]
    [InlineData("v??", "the lazy or possessive quantifier at position 3")]
    public void TestLiteral_NoObviousLiteral_AsksForOne(string tagPrefix, string what)
    {
        var error = Assert.Throws<ReleaseFinishException>(() => ReleaseTagPrefix.Literal(tagPrefix));

        Assert.Contains($"GitVersion's tag-prefix '{tagPrefix}' is a regex with no single prefix to write in a release tag ({what})", error.Message, StringComparison.Ordinal);
        Assert.Contains("--tag-prefix", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TestTagName_GivenLiteral_UsedWhenTagPrefixReadsIt()
    {
        Assert.Equal("V1.2.0", ReleaseTagPrefix.TagName("[vV]?", "1.2.0", literal: "V"));
        Assert.Equal("release-1.2.0", ReleaseTagPrefix.TagName("(v|release-)", "1.2.0", literal: "release-"));
    }

    [Fact]
    public void TestTagName_GivenLiteralTagPrefixDoesNotRead_Refused()
    {
        var error = Assert.Throws<ReleaseFinishException>(() => ReleaseTagPrefix.TagName("[vV]", "1.2.0", literal: "x"));

        Assert.Contains("Tag 'x1.2.0' would not be read back as version 1.2.0 through GitVersion's tag-prefix '[vV]'", error.Message, StringComparison.Ordinal);
        Assert.Contains("the tag prefix 'x' is not one tag-prefix matches", error.Message, StringComparison.Ordinal);
    }
}

public sealed class ReleaseTagPrefixConfigurationTest
{
    [Fact]
    public async Task TestVersionResult_CarriesTheConfiguredTagPrefix()
    {
        using var repo = new Git.TestRepository();
        repo.WriteFile("GitVersion.yml", "tag-prefix: 'app-v'\n");
        repo.Run("add", "GitVersion.yml");
        repo.MakeCommit("Initial commit");

        var version = await VersionCalculator.CalculateAsync(new VersionRequest(repo.Path));

        Assert.Equal("app-v", version.TagPrefix);
        Assert.Equal("app-v" + version.Variables.MajorMinorPatch, ReleaseTagPrefix.TagName(version.TagPrefix, version.Variables.MajorMinorPatch));
    }
}
