using Slipway.Aws.Endpoints;
using Slipway.Aws.Tests.Infrastructure;

namespace Slipway.Aws.Tests.Endpoints;

/// <summary>Region validation and resolution order.</summary>
public class AwsRegionsTest : IDisposable
{
    private readonly TestEnvironment _environment = new();

    public void Dispose() => _environment.Dispose();

    [Fact]
    public void TestExplicitRegion_WinsOverEnvironment()
    {
        _environment.Variables["AWS_REGION"] = "us-west-2";

        Assert.Equal("eu-north-1", AwsRegions.Resolve("eu-north-1", _environment.Environment).SystemName);
    }

    [Fact]
    public void TestEnvironment_AwsRegionBeforeDefaultRegion()
    {
        _environment.Variables["AWS_DEFAULT_REGION"] = "us-west-2";
        Assert.Equal("us-west-2", AwsRegions.Resolve(null, _environment.Environment).SystemName);

        _environment.Variables["AWS_REGION"] = "ap-southeast-2";
        Assert.Equal("ap-southeast-2", AwsRegions.Resolve(null, _environment.Environment).SystemName);
    }

    [Fact]
    public void TestProfileRegion_UsedWhenNoVariable()
    {
        _environment.Variables["AWS_PROFILE"] = "deploy";
        _environment.WriteConfig("[profile deploy]\nregion = eu-central-1\n");

        Assert.Equal("eu-central-1", AwsRegions.Resolve(null, _environment.Environment).SystemName);
    }

    [Fact]
    public void TestNoRegion_ErrorSaysWhatToSet()
    {
        var error = Assert.Throws<AwsConfigurationException>(() => AwsRegions.Resolve(null, _environment.Environment));

        Assert.StartsWith("No AWS region configured. Set the Region option, AWS_REGION (or AWS_DEFAULT_REGION), or 'region' in profile 'default'", error.Message);
    }

    [Fact]
    public void TestMalformedRegion_ErrorNamesInputAndSource()
    {
        _environment.Variables["AWS_REGION"] = "EU West 1";

        var error = Assert.Throws<AwsConfigurationException>(() => AwsRegions.Resolve(null, _environment.Environment));

        Assert.Equal("AWS region 'EU West 1' (from AWS_REGION) is not a region name. Region names look like 'eu-west-1' or 'us-east-1'.", error.Message);
    }

    [Fact]
    public void TestUnknownRegion_DidYouMean()
    {
        var error = Assert.Throws<AwsConfigurationException>(() => AwsRegions.Parse("us-eats-1", "the Region option"));

        Assert.Equal("AWS region 'us-eats-1' (from the Region option) is not a region AWSSDK.Core knows. Did you mean 'us-east-1'?", error.Message);
    }

    [Fact]
    public void TestBadRegionOption_ClientConstructionFails()
    {
        var error = Assert.Throws<AwsConfigurationException>(() => new Slipway.Aws.Ecs.EcsClient(new AwsClientOptions
        {
            Region = "eu-wset-1", Credentials = TestEnvironment.ExampleCredentials, Environment = _environment.Environment,
        }));

        Assert.Contains("'eu-wset-1'", error.Message);
        Assert.Contains("Did you mean 'eu-west-1'?", error.Message);
    }
}
