using Slipway.Aws.Ecr;

namespace Slipway.Aws.Tests.Ecr;

public class EcrRepositoryNameTest
{
    [Theory]
    [InlineData("orders", true)]
    [InlineData("team/orders", true)]
    [InlineData("orders.api_v2-x", true)]
    [InlineData("o", false)]
    [InlineData("Orders_Service", false)]
    [InlineData("-orders", false)]
    [InlineData("team//orders", false)]
    public void TestIsValid(string name, bool valid) => Assert.Equal(valid, EcrRepositoryName.IsValid(name));

    [Fact]
    public void TestCheck_NamesTheSourceAndTheRule()
    {
        Assert.Equal("orders", EcrRepositoryName.Check("orders", "--image-repository"));
        var error = Assert.Throws<ArgumentException>(() => EcrRepositoryName.Check("Orders_Service", "--image-repository"));
        Assert.StartsWith("--image-repository 'Orders_Service' is not an ECR repository name: 2 to 256 characters", error.Message);
    }

    [Theory]
    [InlineData("Orders.Service", "orders.service")]
    [InlineData("My Service!", "my-service")]
    [InlineData("_x_", "service")]
    public void TestFromFolder_IsAValidName(string folder, string expected)
    {
        Assert.Equal(expected, EcrRepositoryName.FromFolder(folder));
        Assert.True(EcrRepositoryName.IsValid(EcrRepositoryName.FromFolder(folder)));
    }
}
