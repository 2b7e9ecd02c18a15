using Amazon;
using Slipway.Aws.Endpoints;
using Slipway.Aws.Tests.Infrastructure;

namespace Slipway.Aws.Tests.Endpoints;

/// <summary>Regional endpoints and endpoint overrides.</summary>
public class ServiceEndpointsTest
{
    [Theory]
    [InlineData("eu-west-1", "https://api.ecr.eu-west-1.amazonaws.com/")]
    [InlineData("cn-northwest-1", "https://api.ecr.cn-northwest-1.amazonaws.com.cn/")]
    public void TestRegionalEndpoint_EcrHost(string region, string expected)
    {
        Assert.Equal(new Uri(expected), ServiceEndpoints.Resolve(AwsService.Ecr, RegionEndpoint.GetBySystemName(region), null));
    }

    [Fact]
    public void TestOverride_UsedAsIs()
    {
        Assert.Equal(new Uri("http://127.0.0.1:4566/"),
            ServiceEndpoints.Resolve(AwsService.Ecs, RegionEndpoint.EUWest1, "http://127.0.0.1:4566"));
    }

    [Theory]
    [InlineData("127.0.0.1:4566", "it is not an absolute URL")]
    [InlineData("localhost:4566", "it is not an absolute URL")]
    [InlineData("ftp://example.com", "the scheme must be http or https, not 'ftp'")]
    [InlineData("/relative/path", "it is not an absolute URL")]
    [InlineData("http://127.0.0.1:4566/?x=1", "it must not carry a query, fragment or user name")]
    public void TestMalformedOverride_ErrorNamesUrl(string url, string problem)
    {
        var error = Assert.Throws<AwsConfigurationException>(() => ServiceEndpoints.ParseOverride(url, "ServiceUrl"));

        Assert.Equal($"Endpoint URL '{url}' (ServiceUrl) is not valid: {problem}. Use a URL such as 'http://127.0.0.1:4566'.", error.Message);
    }

    [Fact]
    public void TestMalformedOverride_ClientConstructionFails()
    {
        using var environment = new TestEnvironment();

        var error = Assert.Throws<AwsConfigurationException>(() => new Slipway.Aws.CodeBuild.CodeBuildClient(new AwsClientOptions
        {
            Region = "eu-west-1", ServiceUrl = "htp//local", Credentials = TestEnvironment.ExampleCredentials,
            Environment = environment.Environment,
        }));

        Assert.StartsWith("Endpoint URL 'htp//local' (ServiceUrl) is not valid", error.Message);
    }
}
