namespace Slipway.Tooling.Tests;

public class LineSplitterTest
{
    private static List<string> Split(params string[] chunks)
    {
        var lines = new List<string>();
        var splitter = new LineSplitter();
        foreach (var chunk in chunks)
            splitter.Append(chunk, lines.Add);
        splitter.Flush(lines.Add);
        return lines;
    }

    [Fact]
    public void TestAppend_SplitsOnEveryKindOfLineBreak()
    {
        Assert.Equal(["a", "b", "c", "", "d"], Split("a\nb\r\nc\r\rd\n"));
    }

    [Fact]
    public void TestAppend_LineBreakAcrossChunks()
    {
        Assert.Equal(["ab", "cd", "ef"], Split("a", "b\r", "\nc", "d\r", "ef"));
    }

    [Fact]
    public void TestFlush_KeepsALastLineWithoutLineBreak()
    {
        Assert.Equal(["one", "two"], Split("one\ntw", "o"));
    }

    [Fact]
    public void TestFlush_AddsNoLineAfterAFinalLineBreak()
    {
        Assert.Equal(["one"], Split("one\n"));
        Assert.Equal([""], Split("\n"));
        Assert.Empty(Split());
    }
}
