namespace Slipway.CiConfiguration.Tests;

public class GeneratedFileDiffTest
{
    [Fact]
    public void TestRender_UnifiedDiffWithContext()
    {
        var committed = string.Join('\n', Enumerable.Range(1, 20).Select(x => $"line {x}")) + "\n";
        var generated = committed.Replace("line 10\n", "line ten\n", StringComparison.Ordinal);
        var diff = GeneratedFileDiff.Render("buildspec.yml", committed, generated);
        Assert.Contains("--- buildspec.yml (committed)", diff);
        Assert.Contains("+++ buildspec.yml (generated)", diff);
        Assert.Contains("-line 10", diff);
        Assert.Contains("+line ten", diff);
        Assert.Contains(" line 7", diff);
        Assert.Contains(" line 13", diff);
        Assert.DoesNotContain("line 6\n", diff);
        Assert.DoesNotContain("line 14", diff);
    }

    [Fact]
    public void TestRender_AMissingFileIsAllAdded()
    {
        var diff = GeneratedFileDiff.Render("buildspec.yml", null, "a\nb\n");
        Assert.Contains("+a", diff);
        Assert.Contains("+b", diff);
    }

    [Fact]
    public void TestAreEqual_LineEndsDoNotMatterMissingFileDiffers()
    {
        Assert.True(GeneratedFileDiff.AreEqual("a\r\nb\r\n", "a\nb\n"));
        Assert.False(GeneratedFileDiff.AreEqual("a\nb\n", "a\nc\n"));
        Assert.False(GeneratedFileDiff.AreEqual(null, ""));
    }
}
