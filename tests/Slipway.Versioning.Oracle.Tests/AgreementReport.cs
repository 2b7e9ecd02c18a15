using System.Globalization;
using System.Text;
using Slipway.Versioning.Oracle.Tests.Comparison;

namespace Slipway.Versioning.Oracle.Tests;

/// <summary>Agreement per variable over a run's checkpoints, and its disagreements grouped by kind, most frequent first.</summary>
public static class AgreementReport
{
    /// <summary>The share of checkpoints at which each variable GitVersion prints agrees (a tool failing alone disagrees on all).</summary>
    public static IReadOnlyList<(string Variable, int Agreeing, int Total)> PerVariable(IReadOnlyList<CheckpointResult> results)
    {
        var variables = results.SelectMany(x => x.GitVersion.Variables.Keys.Concat(x.Slipway.Variables.Keys)).Distinct().Order(StringComparer.Ordinal).ToList();
        return variables.Select(variable => (variable,
                results.Count(x => !x.Disagreements.Any(d => d.Variable == variable || d.Variable == Disagreement.ResultVariable)),
                results.Count))
            .ToList();
    }

    /// <summary>Disagreement kinds with their checkpoints, most frequent first.</summary>
    public static IReadOnlyList<IGrouping<string, CheckpointResult>> Kinds(IReadOnlyList<CheckpointResult> results) =>
        results.Where(x => x.Disagreements.Count > 0).GroupBy(x => DisagreementKind.Of(x)!).OrderByDescending(x => x.Count()).ThenBy(x => x.Key, StringComparer.Ordinal).ToList();

    /// <summary>The figures as text.</summary>
    public static string Format(IReadOnlyList<CheckpointResult> results)
    {
        var text = new StringBuilder();
        var all = results.Count(x => x.Disagreements.Count == 0);
        var forgiven = results.Count(x => x.Disagreements.Count == 0 && CheckpointResult.Compare(x.Seed, x.Checkpoint, x.GitVersion, x.Slipway).Count > 0);
        text.Append(CultureInfo.InvariantCulture,
            $"{results.Count} checkpoints over {results.Select(x => x.Seed).Distinct().Count()} seeds; every variable agrees at {all} ({Percent(all, results.Count)}), {forgiven} of them by a deliberate difference; both tools refused at {results.Count(x => x.GitVersion.Error is not null && x.Slipway.Error is not null)}\n");
        foreach (var (variable, agreeing, total) in PerVariable(results))
            text.Append(CultureInfo.InvariantCulture, $"  {variable,-28} {Percent(agreeing, total),7}  ({agreeing}/{total})\n");
        text.Append("Disagreement kinds (HEAD's branch kind: most telling variable):\n");
        foreach (var kind in Kinds(results))
            text.Append(CultureInfo.InvariantCulture, $"  {kind.Count(),5}  {kind.Key}\n");
        return text.ToString();
    }

    private static string Percent(int part, int total) => total == 0 ? "-" : (100.0 * part / total).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
