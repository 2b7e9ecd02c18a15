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

    [Fact]
    public void TestRender_Snapshot()
    {
        using var runner = new InMemoryBuild();
        var run = runner.Run(() => new Execution.FailingBuild(), ["All", "--verbosity", "quiet"], CancellationToken.None);
        var table = run.Output.Replace("\r", "");
        var expected = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Output", "Snapshots", "Summary.txt")).Replace("\r", "");
        Assert.Equal(expected.TrimEnd(), table.TrimEnd());
    }
}
