using Slipway.Versioning.Oracle.Tests.Comparison;
using Slipway.Versioning.Oracle.Tests.History;

namespace Slipway.Versioning.Oracle.Tests;

/// <summary>
/// Delta debugging (ddmin) over a history's steps: removes chunks of steps, replays what is left with real git and runs
/// both tools again, and keeps a smaller list whenever the checkpoint still shows the same kind of disagreement.
/// </summary>
public static class Shrinker
{
    /// <summary>The shrunk steps (only those git accepted) and the disagreement they still show.</summary>
    public sealed record Shrunk(IReadOnlyList<HistoryStep> Steps, CheckpointResult Result, int Trials);

    /// <summary>Shrinks the steps up to and including <paramref name="lastStep"/> of <paramref name="history"/> while <see cref="DisagreementKind"/> stays <paramref name="kind"/>.</summary>
    public static Task<Shrunk> ShrinkAsync(GeneratedHistory history, int lastStep, string kind, int maxTrials = 150, CancellationToken cancellationToken = default) =>
        ShrinkAsync(history.Seed, history.Steps.Take(lastStep + 1).ToList(), result => DisagreementKind.Of(result) == kind, maxTrials, cancellationToken);

    /// <summary>Shrinks <paramref name="steps"/> while <paramref name="shows"/> holds for both tools' answers at the end of the replayed steps.</summary>
    public static async Task<Shrunk> ShrinkAsync(int seed, IReadOnlyList<HistoryStep> steps, Func<CheckpointResult, bool> shows, int maxTrials, CancellationToken cancellationToken = default)
    {
        var trials = 0;
        async Task<(IReadOnlyList<HistoryStep> Played, CheckpointResult Result)?> Shows(IReadOnlyList<HistoryStep> candidate)
        {
            trials++;
            using var replay = new HistoryReplay();
            var played = candidate.Where(step => replay.Play(step) is null).ToList();
            var result = await DifferentialRun.CompareAsync(replay, seed, -1, played.Count - 1, cancellationToken);
            return shows(result) ? (played, result) : null;
        }

        var first = await Shows(steps) ?? throw new InvalidOperationException($"Seed {seed}'s {steps.Count} steps do not show the disagreement when replayed.");
        var current = first.Played;
        var best = first.Result;
        var granularity = 2;
        while (current.Count >= 2 && trials < maxTrials)
        {
            var chunk = (int)Math.Ceiling(current.Count / (double)granularity);
            var reduced = false;
            for (var start = 0; start < current.Count && trials < maxTrials; start += chunk)
            {
                var complement = current.Take(start).Concat(current.Skip(start + chunk)).ToList();
                if (await Shows(complement) is { } smaller)
                {
                    (current, best) = (smaller.Played, smaller.Result);
                    granularity = Math.Max(granularity - 1, 2);
                    reduced = true;
                    break;
                }
            }

            if (!reduced)
            {
                if (granularity >= current.Count)
                    break;
                granularity = Math.Min(granularity * 2, current.Count);
            }
        }

        return new Shrunk(current, best, trials);
    }

    /// <summary>The seed, the disagreement and a script that rebuilds the shrunk history.</summary>
    public static string Describe(Shrunk shrunk, string kind) =>
        $"seed {shrunk.Result.Seed}, '{kind}', shrunk to {shrunk.Steps.Count} steps in {shrunk.Trials} trials:\n" +
        string.Join("\n", shrunk.Result.Disagreements.Select(x => $"  {x.Variable}: GitVersion \"{x.GitVersion}\" Slipway \"{x.Slipway}\"")) + "\n" +
        (shrunk.Result.Slipway.Error is { } error ? $"  Slipway: {error}\n" : "") +
        (shrunk.Result.GitVersion.Error is { } oracleError ? $"  GitVersion: {oracleError}\n" : "") +
        "  # dates: GIT_AUTHOR_DATE=GIT_COMMITTER_DATE=2024-01-01T12:00+0000 plus one minute per git command (they only change shas)\n" +
        "  git init -q -b main\n" +
        string.Join("\n", shrunk.Steps.Select(x => "  " + x.ToString().Replace("\n", "\n  ", StringComparison.Ordinal)));
}
