using System.Text;
using Slipway.Versioning.Oracle.Tests.Comparison;
using Slipway.Versioning.Oracle.Tests.History;
using Xunit.Abstractions;

namespace Slipway.Versioning.Oracle.Tests;

/// <summary>
/// Slipway against the real GitVersion 6.8.2 on random git-flow histories. FixedSeeds is CI's check (no disagreement
/// outside DeliberateDifferences and KnownDisagreements.txt); FreshSeeds measures agreement over any number of new seeds:
/// <c>ORACLE_SEEDS=200 ORACLE_FIRST_SEED=5000 dotnet test tests/Slipway.Versioning.Oracle.Tests --filter FullyQualifiedName~FreshSeeds</c>
/// (report in ORACLE_REPORT, default /tmp/slipway-oracle-report.txt; ORACLE_SHRINK kinds get a shrunk example, default 5).
/// </summary>
public sealed class DifferentialTest(ITestOutputHelper output)
{
    /// <summary>30 seeds of 6 checkpoints: 180 checkpoints, every configuration variant 6 times.</summary>
    private static readonly int[] FixedSeeds = Enumerable.Range(1, 30).ToArray();

    [Fact]
    public async Task TestFixedSeeds_NoDisagreementOutsideTheDeliberateListAndTheBaseline()
    {
        var results = await DifferentialRun.RunAsync(FixedSeeds);
        Assert.True(results.Count >= 150, $"Only {results.Count} checkpoints were compared; expected at least 150.");
        var disagreements = results.SelectMany(x => x.Disagreements).ToList();
        output.WriteLine(AgreementReport.Format(results));
        if (Environment.GetEnvironmentVariable("ORACLE_WRITE_BASELINE") == "1")
        {
            KnownDisagreements.Write(disagreements);
            output.WriteLine($"Wrote {disagreements.Count} lines to '{KnownDisagreements.FilePath}'.");
            return;
        }

        var known = KnownDisagreements.Read();
        var lines = disagreements.Select(x => x.ToString()).ToHashSet(StringComparer.Ordinal);
        var added = disagreements.Where(x => !known.Contains(x.ToString())).ToList();
        var fixedLines = known.Where(x => !lines.Contains(x)).Order(StringComparer.Ordinal).ToList();
        if (added.Count == 0 && fixedLines.Count == 0)
            return;

        var message = new StringBuilder();
        if (added.Count > 0)
        {
            message.Append($"{added.Count} disagreement(s) with GitVersion 6.8.2 not in '{KnownDisagreements.FilePath}' (fix Slipway to agree, or add a deliberate difference to DeliberateDifferences.cs and the README):\n");
            foreach (var line in added.Take(30))
                message.Append("  ").Append(line).Append('\n');
            var first = results.First(x => x.Seed == added[0].Seed && x.Checkpoint == added[0].Checkpoint);
            var kind = DisagreementKind.Of(first)!;
            var shrunk = await Shrinker.ShrinkAsync(HistoryGenerator.Generate(first.Seed, DifferentialRun.CheckpointsPerHistory), first.Step, kind, maxTrials: 60);
            message.Append("The first, shrunk: ").Append(Shrinker.Describe(shrunk, kind)).Append('\n');
        }

        if (fixedLines.Count > 0)
        {
            message.Append($"{fixedLines.Count} line(s) of '{KnownDisagreements.FilePath}' no longer disagree: Slipway agrees there now, remove these lines " +
                           "(or rewrite the file: ORACLE_WRITE_BASELINE=1 dotnet test tests/Slipway.Versioning.Oracle.Tests --filter FullyQualifiedName~FixedSeeds):\n");
            foreach (var line in fixedLines.Take(30))
                message.Append("  ").Append(line).Append('\n');
        }

        Assert.Fail(message.ToString());
    }

    [Fact]
    public async Task TestFreshSeeds_ReportsAgreementPerVariable()
    {
        var count = OracleSettings.Integer("ORACLE_SEEDS", 0);
        if (count == 0)
        {
            output.WriteLine("ORACLE_SEEDS is not set: nothing to measure (set it to the number of new seeds to run).");
            return;
        }

        var first = OracleSettings.Integer("ORACLE_FIRST_SEED", 1000);
        var results = await DifferentialRun.RunAsync(Enumerable.Range(first, count));
        var report = new StringBuilder(AgreementReport.Format(results));
        // Each kind's shortest example, shrunk; two at a time (each trial runs GitVersion once).
        var kinds = AgreementReport.Kinds(results).Take(OracleSettings.Integer("ORACLE_SHRINK", 5)).ToList();
        var examples = new string[kinds.Count];
        await Parallel.ForAsync(0, kinds.Count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (index, _) =>
        {
            var example = kinds[index].OrderBy(x => x.Step).First();
            var shrunk = await Shrinker.ShrinkAsync(HistoryGenerator.Generate(example.Seed, DifferentialRun.CheckpointsPerHistory), example.Step, kinds[index].Key, maxTrials: 100);
            examples[index] = $"{kinds[index].Count()} checkpoints, e.g. {Shrinker.Describe(shrunk, kinds[index].Key)}";
        });
        foreach (var example in examples)
            report.Append('\n').Append(example).Append('\n');

        var path = Environment.GetEnvironmentVariable("ORACLE_REPORT") is { Length: > 0 } given ? given : Path.Combine(Path.GetTempPath(), "slipway-oracle-report.txt");
        await File.WriteAllTextAsync(path, report.ToString());
        output.WriteLine(report.ToString());
    }
}
