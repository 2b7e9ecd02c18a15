using Slipway.Build.Tests.Infrastructure;
using Slipway.Output;

namespace Slipway.Build.Tests.Output;

public class SummaryTableTest
{
    [Theory]
    [InlineData(0.4, "< 1sec")]
    [InlineData(1.2, "0:01")]
    [InlineData(75, "1:15")]
    [InlineData(3725, "1:02:05")]
    public void TestFormatDuration(double seconds, string expected) =>
        Assert.Equal(expected, SummaryTable.FormatDuration(TimeSpan.FromSeconds(seconds)));

    // Wall-clock durations vary with machine load; TestFormatDuration covers their format.
    private static string WithoutDurations(string text) =>
        System.Text.RegularExpressions.Regex.Replace(text.Replace("\r", ""), @"(?m)\s+(< 1sec|\d+:\d\d(:\d\d)?)$", " <duration>");

    [Fact]
    public void TestRender_Snapshot()
    {
        using var runner = new InMemoryBuild();
        var run = runner.Run(() => new Execution.FailingBuild(), ["All", "--verbosity", "quiet"], CancellationToken.None);
        var table = WithoutDurations(run.Output);
        var expected = WithoutDurations(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Output", "Snapshots", "Summary.txt")));
        Assert.Equal(expected.TrimEnd(), table.TrimEnd());
        Assert.Matches(@"Restore\s+Succeeded\s+(< 1sec|\d+:\d\d)\n", run.Output.Replace("\r", ""));
    }
}
