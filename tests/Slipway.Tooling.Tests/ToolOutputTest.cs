namespace Slipway.Tooling.Tests;

public class ToolOutputTest
{
    [Fact]
    public void TestTextWriterOutput_WritesCommandAndPrefixedLinesToTheRightWriter()
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var sink = new TextWriterToolOutput(() => output, () => error);

        sink.Command("git fetch");
        sink.Line(new ToolOutputLine(ToolStream.StandardOutput, "remote: counting", "git"));
        sink.Line(new ToolOutputLine(ToolStream.StandardError, "fatal: no", "git"));
        sink.Line(new ToolOutputLine(ToolStream.StandardOutput, "bare", ""));

        Assert.Equal("$ git fetch\ngit> remote: counting\nbare\n", output.ToString());
        Assert.Equal("git> fatal: no\n", error.ToString());
    }

    [Fact]
    public void TestNone_AcceptsEverything()
    {
        ToolOutput.None.Command("git status");
        ToolOutput.None.Line(new ToolOutputLine(ToolStream.StandardError, "text", "git"));

        Assert.Same(ToolOutput.None, ToolOutput.None);
        Assert.NotSame(ToolOutput.None, ToolOutput.Console);
    }
}
