using Slipway.Versioning.Git;

namespace Slipway.Versioning.Tests.Git;

public class ReferenceListTest
{
    private const string Sha1 = "1111111111111111111111111111111111111111";
    private const string Sha2 = "2222222222222222222222222222222222222222";
    private const string Sha3 = "3333333333333333333333333333333333333333";

    [Fact]
    public void TestParse_LeavesOutRemoteHeadsAndOtherKindsAndPeelsAnnotatedTags()
    {
        var output =
            $"{Sha1} refs/heads/main\n" +
            $"{Sha1} refs/notes/commits\n" +
            $"{Sha1} refs/remotes/origin/HEAD\n" +
            $"{Sha1} refs/stash\n" +
            $"{Sha1} refs/tags/light\n" +
            $"{Sha2} refs/tags/v1\n" +
            $"{Sha3} refs/tags/v1^{{}}\n";

        var references = ReferenceList.Parse(output);

        Assert.Equal(["refs/heads/main", "refs/tags/light", "refs/tags/v1"], references.Select(reference => reference.Name));
        Assert.Equal([Sha1, Sha1, Sha3], references.Select(reference => reference.Target));
        Assert.Equal([false, false, true], references.Select(reference => reference.IsAnnotatedTag));
    }

    [Fact]
    public void TestTaggerDatesParse_ReadsDatesWithTheirZones()
    {
        var dates = TaggerDates.Parse("refs/tags/light\0\n" + "refs/tags/v1\0" + "1700000000 +0100\n");

        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000000).ToOffset(TimeSpan.FromHours(1)), dates["refs/tags/v1"]);
        Assert.Equal(TimeSpan.FromHours(1), dates["refs/tags/v1"].Offset);
        Assert.False(dates.ContainsKey("refs/tags/light"));
    }
}
