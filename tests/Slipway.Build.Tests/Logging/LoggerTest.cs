using Slipway.Logging;
using Slipway.Tooling;

namespace Slipway.Build.Tests.Logging;

public class LoggerTest
{
    private static (Logger Logger, StringWriter Output) Create(Verbosity verbosity = Verbosity.Normal, params string[] secrets)
    {
        var output = new StringWriter();
        var logger = new Logger(output, verbosity, clock: () => new DateTimeOffset(2026, 11, 22, 8, 30, 5, TimeSpan.Zero), masker: new SecretMasker(secrets));
        return (logger, output);
    }

    [Fact]
    public void TestWrite_TimestampLevelAndEveryLineOfAMessage()
    {
        var (logger, output) = Create();
        logger.Write(LogLevel.Warning, "first\nsecond");
        Assert.Equal("08:30:05 [WRN] first\n08:30:05 [WRN] second\n", output.ToString().Replace("\r", ""));
    }

    [Fact]
    public void TestWrite_MasksSecretsInLinesAndRawText()
    {
        var (logger, output) = Create(Verbosity.Normal, "hunter2-logger-secret");
        logger.Write(LogLevel.Information, "password=hunter2-logger-secret;");
        logger.WriteRaw("raw hunter2-logger-secret");
        var text = output.ToString();
        Assert.DoesNotContain("hunter2-logger-secret", text);
        Assert.Contains("password=***;", text);
        Assert.Contains("raw ***", text);
    }

    [Theory]
    [InlineData(Verbosity.Quiet, "ERR")]
    [InlineData(Verbosity.Minimal, "WRN,ERR")]
    [InlineData(Verbosity.Normal, "INF,WRN,ERR")]
    [InlineData(Verbosity.Verbose, "VRB,INF,WRN,ERR")]
    public void TestVerbosity_FiltersLevels(Verbosity verbosity, string shown)
    {
        var (logger, output) = Create(verbosity);
        foreach (var level in Enum.GetValues<LogLevel>())
            logger.Write(level, "x");
        var tags = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(x => x.Split('[', ']')[1]);
        Assert.Equal(shown, string.Join(',', tags));
    }

    [Fact]
    public void TestProblems_AreKeptForTheRepeatBeforeTheSummary()
    {
        var (logger, _) = Create(Verbosity.Quiet);
        logger.Write(LogLevel.Information, "fine");
        logger.Write(LogLevel.Warning, "look");
        logger.Write(LogLevel.Error, "broke");
        Assert.Equal([(LogLevel.Warning, "look"), (LogLevel.Error, "broke")], logger.Problems);
    }

    [Fact]
    public void TestToolOutput_LinesArePrefixedWithTheTool()
    {
        var (logger, output) = Create();
        var sink = new LogToolOutput(logger);
        sink.Command("git status");
        sink.Line(new ToolOutputLine(ToolStream.StandardOutput, "On branch main", "git"));
        Assert.Equal("08:30:05 [INF] > git status\n08:30:05 [INF] [git] On branch main\n", output.ToString().Replace("\r", ""));
    }
}
