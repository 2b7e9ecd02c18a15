using Slipway.Build.Tests.Infrastructure;
using Slipway.Parameters;

namespace Slipway.Build.Tests.Parameters;

public abstract class DescriptorBaseBuild : SlipwayBuild
{
    [Parameter("Declared on the base class")]
    protected string? Inherited { get; set; }
}

public sealed class DescriptorBuild : DescriptorBaseBuild, IHazRegion, IHazDeployKey
{
    [Parameter("A private field")]
    private readonly int _count = 3;

    [Parameter("Overrides the component's region")]
    public string Region { get; set; } = "ap-southeast-2";

    [Parameter("Plain here, secret in the component")]
    public string? DeployKey { get; set; }

    public string NotAParameter { get; set; } = "";

    public string? Seen { get; private set; }

    public Target Show => _ => _.Executes(() => Seen = $"{_count} {Inherited}");
}

public sealed class ConflictingBuild : SlipwayBuild, IHazRegion
{
    [Parameter("Region as a number")]
    public int Region { get; set; }

    public Target Show => _ => _.Executes(() => { });
}

public class ParameterDescriptorTest
{
    private static ParameterDescriptor Find(string name) =>
        ParameterDescriptor.Discover(typeof(DescriptorBuild)).Single(x => x.Name == name);

    [Fact]
    public void TestDiscover_ClassBaseClassAndComponents_OnePerName()
    {
        var names = ParameterDescriptor.Discover(typeof(DescriptorBuild)).Select(x => x.Name).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(["AwsProfile", "DeployKey", "Inherited", "Region", "ReplicaRegions", "_count"], names);
        Assert.Equal("--count", Find("_count").CliName);
    }

    [Fact]
    public void TestDiscover_SameNameInClassAndComponent_Merged()
    {
        var region = Find("Region");

        Assert.Equal(typeof(string), region.Type);
        Assert.Equal("Overrides the component's region", region.Description);
        Assert.Equal(["DescriptorBuild", "IHazRegion"], region.Members.Select(x => x.DeclaringType!.Name));
    }

    [Fact]
    public void TestDiscover_SecretAnywhere_MakesTheParameterSecret()
    {
        Assert.True(Find("DeployKey").IsSecret);
        Assert.False(Find("Region").IsSecret);
    }

    [Fact]
    public void TestDiscover_Names()
    {
        var profile = Find("AwsProfile");

        Assert.Equal("--aws-profile", profile.CliName);
        Assert.Equal("AWS_PROFILE", profile.EnvironmentName);
        Assert.Equal("--replica-regions", Find("ReplicaRegions").CliName);
    }

    [Fact]
    public void TestDiscover_SameNameDifferentTypes_Fails()
    {
        var exception = Assert.Throws<BuildDefinitionException>(() => ParameterDescriptor.Discover(typeof(ConflictingBuild)));

        Assert.Equal("Parameter 'Region' is declared twice with different types: Int32 in 'ConflictingBuild' and String in 'IHazRegion'. Rename one of them.", exception.Message);
    }

    [Fact]
    public void TestRun_SameNameDifferentTypes_ExitCode2()
    {
        using var run = new InMemoryBuild();

        var result = run.Run<ConflictingBuild>(["--help"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("[ERR] Parameter 'Region' is declared twice with different types", result.Output);
    }

    [Fact]
    public void TestRun_ClassOverridesComponentParameter_ValueReachesBoth()
    {
        using var run = new InMemoryBuild();
        var build = new DescriptorBuild();

        var result = run.Run(() => build, ["--region", "sa-east-1", "--inherited", "base", "--count", "7"], CancellationToken.None, x => x.Show);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("7 base", build.Seen);
        Assert.Equal("sa-east-1", build.Region);
        Assert.Equal("sa-east-1", ((IHazRegion)build).Region);
    }
}
