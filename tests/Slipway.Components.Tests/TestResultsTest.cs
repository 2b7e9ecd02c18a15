namespace Slipway.Components.Tests;

public class TestResultsTest : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("slipway-trx-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private void WriteTrx(string name, string counters) => File.WriteAllText(Path.Combine(_directory, name),
        $"""
        <?xml version="1.0" encoding="utf-8"?>
        <TestRun xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010">
          <ResultSummary outcome="Completed">
            <Counters {counters} />
          </ResultSummary>
        </TestRun>
        """);

    [Fact]
    public void TestRead_SumsEveryTrxFile()
    {
        WriteTrx("a.trx", """total="5" executed="5" passed="4" failed="1" error="0" timeout="0" aborted="0" notExecuted="0" inconclusive="0" """);
        WriteTrx("b.trx", """total="3" executed="2" passed="1" failed="0" error="1" timeout="0" aborted="0" notExecuted="1" inconclusive="0" """);
        var results = TestResults.Read(_directory);
        Assert.Equal(new TestResults(5, 2, 1, 2), results);
        Assert.Equal("5 passed, 2 failed, 1 skipped", results.ToString());
    }

    [Fact]
    public void TestRead_MissingFolderIsAllZero() =>
        Assert.Equal(new TestResults(0, 0, 0, 0), TestResults.Read(Path.Combine(_directory, "absent")));
}
