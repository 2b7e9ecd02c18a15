using Slipway.Versioning.Git;

namespace Slipway.Versioning.Tests.Git;

public class CommitLogTest
{
    private const string Child = "cccccccccccccccccccccccccccccccccccccccc";
    private const string Parent = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
    private const string Root = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

    [Fact]
    public void TestParseDetailed_ReadsShasDatesZonesParentsAndMessages()
    {
        // Children come before parents, as rev-list prints them; the root's parent field is empty after a space.
        var output =
            $"\0{Child} 1700000200 +0530 {Parent} {Root}\nMerge\n\nBody line\n\n" +
            $"\0{Parent} 1700000100 -0800 {Root}\nSecond\n\n" +
            $"\0{Root} 1700000000 +0000 \nRoot\n\n";

        var graph = CommitLog.ParseDetailed(output);

        Assert.Equal([Child, Parent, Root], graph.Commits.Select(commit => commit.Sha));
        var child = graph.Commits[0];
        Assert.Equal([Parent, Root], child.Parents.Select(parent => parent.Sha));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000200), child.When); // equality compares the instant
        Assert.Equal(new TimeSpan(5, 30, 0), child.When.Offset);
        Assert.Equal(TimeSpan.FromHours(-8), graph.Commits[1].When.Offset);
        Assert.Equal("Merge\n\nBody line\n", child.Message);
        Assert.Equal("Root\n", graph.Commits[2].Message);
        Assert.Empty(graph.Commits[2].Parents);
        Assert.True(graph.IsAncestor(2, 0));
        Assert.False(graph.IsAncestor(0, 2));
    }

    [Fact]
    public void TestParseDetailed_NothingForAnEmptyRepository()
    {
        Assert.Equal(0, CommitLog.ParseDetailed("").Count);
    }

    [Fact]
    public void TestParseDetailed_UnreadableHeaderThrows()
    {
        var exception = Assert.Throws<GitException>(() => CommitLog.ParseDetailed($"\0{Root}\nno date\n\n"));

        Assert.Contains($"cannot read: '{Root}'", exception.Message);
    }

    [Fact]
    public void TestParseTopology_ReadsShasTimesAndParentsWithoutDetails()
    {
        var output = $"1700000200 {Child} {Parent} {Root}\n1700000100 {Parent} {Root}\n1700000000 {Root}\n";

        var graph = CommitLog.ParseTopology(output);

        Assert.Equal([Child, Parent, Root], graph.Commits.Select(commit => commit.Sha));
        Assert.Equal([Parent, Root], graph.Commits[0].Parents.Select(parent => parent.Sha));
        Assert.Empty(graph.Commits[2].Parents);
        Assert.All(graph.Commits, commit => Assert.False(commit.HasDetails));
        Assert.True(graph.IsAncestor(2, 1));
    }

    [Fact]
    public void TestApplyDetails_FillsInKnownCommitsOnly()
    {
        var graph = CommitLog.ParseTopology($"1700000100 {Parent} {Root}\n1700000000 {Root}\n");

        CommitLog.ApplyDetails(graph, $"\0{Child} 1700000200 +0000 \nUnknown\n\n\0{Root} 1700000000 +0200 \nRoot\n\n");

        Assert.False(graph.Commits[0].HasDetails);
        Assert.Equal("Root\n", graph.Commits[1].Message);
        Assert.Equal(TimeSpan.FromHours(2), graph.Commits[1].When.Offset);
    }
}
