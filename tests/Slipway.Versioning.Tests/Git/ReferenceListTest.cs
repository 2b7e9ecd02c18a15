using Slipway.Versioning.Git;

namespace Slipway.Versioning.Tests.Git;

public class ReferenceListTest
{
    private const string Sha1 = "1111111111111111111111111111111111111111";
    private const string Sha2 = "2222222222222222222222222222222222222222";
    private const string Sha3 = "3333333333333333333333333333333333333333";

    [Fact]
    public void TestParse_LeavesOutRemoteHeadsAndReadsTaggerDates()
    {
        var output =
            $"refs/heads/main\0{Sha1}\0\0\0\n" +
            $"refs/remotes/origin/HEAD\0{Sha1}\0\0\0\n" +
            $"refs/tags/v1\0{Sha2}\0{Sha3}\0commit\01700000000 +0100\n";

        var references = ReferenceList.Parse(output);

        Assert.Equal(["refs/heads/main", "refs/tags/v1"], references.Select(reference => reference.Name));
        Assert.Equal(Sha3, references[1].Target);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000000).ToOffset(TimeSpan.FromHours(1)), references[1].TaggerDate);
        Assert.Null(references[0].TaggerDate);
    }
}
