using Slipway.Parameters;

namespace Slipway.Build.Tests.Parameters;

public class ParameterNamesTest
{
    [Theory]
    [InlineData("MyParam", "my-param")]
    [InlineData("Configuration", "configuration")]
    [InlineData("DockerHost", "docker-host")]
    [InlineData("AWSRegion", "aws-region")]
    [InlineData("ApiURL", "api-url")]
    [InlineData("Http2Port", "http2-port")]
    [InlineData("GitVersionFramework", "gitversion-framework")]
    [InlineData("NuGetApiKey", "nuget-api-key")]
    [InlineData("UseDotNet", "use-dotnet")]
    [InlineData("GitHubToken", "github-token")]
    [InlineData("snake_case_name", "snake-case-name")]
    public void TestToCliName_SplitsHumpsAndKeepsKnownWords(string member, string expected) =>
        Assert.Equal(expected, ParameterNames.ToCliName(member));

    [Theory]
    [InlineData("MyParam", "MY_PARAM")]
    [InlineData("AWSRegion", "AWS_REGION")]
    [InlineData("NuGetApiKey", "NUGET_API_KEY")]
    public void TestToEnvironmentName_UpperSnakeCase(string member, string expected) =>
        Assert.Equal(expected, ParameterNames.ToEnvironmentName(member));

    [Theory]
    [InlineData("MyParam")]
    [InlineData("MY_PARAM")]
    [InlineData("my_param")]
    [InlineData("MY-PARAM")]
    [InlineData("myparam")]
    [InlineData("SLIPWAY_MY_PARAM")]
    [InlineData("slipway_myparam")]
    public void TestMatchesEnvironmentName_AcceptsNukeStyleVariants(string variable) =>
        Assert.True(ParameterNames.MatchesEnvironmentName(variable, "MyParam"));

    [Theory]
    [InlineData("MY_PARAMS")]
    [InlineData("OTHER_MY_PARAM")]
    [InlineData("NUKE_MY_PARAM")]
    [InlineData("SLIPWAY_")]
    public void TestMatchesEnvironmentName_RejectsOtherNames(string variable) =>
        Assert.False(ParameterNames.MatchesEnvironmentName(variable, "MyParam"));

    [Fact]
    public void TestWords_KnownWordInsideName_StaysWhole() =>
        Assert.Equal(["Use", "GitHub", "Packages"], ParameterNames.Words("UseGitHubPackages"));
}
