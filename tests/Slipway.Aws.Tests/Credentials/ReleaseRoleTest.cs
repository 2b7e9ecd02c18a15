using Slipway.Aws.Credentials;

namespace Slipway.Aws.Tests.Credentials;

public class ReleaseRoleTest
{
    const string Role = "arn:aws:iam::222222222222:role/slipway-release";
    static readonly AwsClientOptions Sts = new() { Region = "eu-west-1", Credentials = new Amazon.Runtime.BasicAWSCredentials("AKIDEXAMPLE", "secret") };

    [Fact]
    public void TestCredentialsFor_TheReleaseAccountAssumesTheRole()
    {
        using var credentials = new ReleaseRole("production", Role).CredentialsFor("production", Sts);
        Assert.NotNull(credentials);
        Assert.Equal(new AssumeRoleSettings(Role, "slipway-release"), credentials.Role);
    }

    [Fact]
    public void TestCredentialsFor_OtherAccountsAndNoRoleUseTheBuildsOwn()
    {
        Assert.Null(new ReleaseRole("production", Role).CredentialsFor("development", Sts));
        Assert.Null(new ReleaseRole("production", null).CredentialsFor("production", Sts));
    }
}
