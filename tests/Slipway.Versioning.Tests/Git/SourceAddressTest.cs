using Slipway.Versioning.Git;

namespace Slipway.Versioning.Tests.Git;

public class SourceAddressTest
{
    [Theory]
    [InlineData("https://github.com/acme/orders.git", "https://github.com/acme/orders")]
    [InlineData("https://x-access-token:ghs_secret@github.com/acme/orders.git", "https://github.com/acme/orders")]
    [InlineData("git@github.com:acme/orders.git", "https://github.com/acme/orders")]
    [InlineData("ssh://git@gitlab.example.com:2222/team/orders", "https://gitlab.example.com/team/orders")]
    [InlineData("https://git-codecommit.eu-west-1.amazonaws.com/v1/repos/orders", "https://git-codecommit.eu-west-1.amazonaws.com/v1/repos/orders")]
    public void TestFromRemote_GivesTheWebAddressWithoutCredentials(string remote, string expected)
    {
        Assert.Equal(expected, SourceAddress.FromRemote(remote)?.AbsoluteUri);
    }

    [Theory]
    [InlineData("/srv/git/orders.git")]
    [InlineData("../orders")]
    [InlineData("file:///srv/git/orders.git")]
    public void TestFromRemote_LocalPathsHaveNone(string remote)
    {
        Assert.Null(SourceAddress.FromRemote(remote));
    }
}
