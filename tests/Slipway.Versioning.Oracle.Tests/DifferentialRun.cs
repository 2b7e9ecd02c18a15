using Slipway.Versioning.Oracle.Tests.Comparison;
using Slipway.Versioning.Oracle.Tests.History;
using Slipway.Versioning.Oracle.Tests.Tools;

namespace Slipway.Versioning.Oracle.Tests;

/// <summary>Generates each seed's history with real git and compares GitVersion with Slipway at its checkpoints; seeds run in parallel.</summary>
public static class DifferentialRun
{
    /// <summary>Checkpoints per generated history.</summary>
    public const int CheckpointsPerHistory = 6;

    /// <summary>The results of every checkpoint of every seed, in seed and checkpoint order.</summary>
    public static async Task<IReadOnlyList<CheckpointResult>> RunAsync(IEnumerable<int> seeds, CancellationToken cancellationToken = default)
    {
        var results = new System.Collections.Concurrent.ConcurrentBag<CheckpointResult>();
        // GitVersion is one process a checkpoint (about a second): one seed per core keeps both cores busy.
        await Parallel.ForEachAsync(seeds, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(2, Environment.ProcessorCount), CancellationToken = cancellationToken },
            async (seed, token) =>
            {
                foreach (var result in await RunSeedAsync(HistoryGenerator.Generate(seed, CheckpointsPerHistory), token))
                    results.Add(result);
            });
        return results.OrderBy(x => x.Seed).ThenBy(x => x.Checkpoint).ToList();
    }

    /// <summary>Plays <paramref name="history"/> and compares the two tools at each checkpoint.</summary>
    public static async Task<IReadOnlyList<CheckpointResult>> RunSeedAsync(GeneratedHistory history, CancellationToken cancellationToken)
    {
        using var replay = new HistoryReplay();
        var results = new List<CheckpointResult>();
        for (var step = 0; step < history.Steps.Count && results.Count < history.Checkpoints.Count; step++)
        {
            replay.Play(history.Steps[step]);
            if (history.Checkpoints.Contains(step))
                results.Add(await CompareAsync(replay, history.Seed, results.Count, step, cancellationToken));
        }

        return results;
    }

    /// <summary>Both tools on the replay's repository as it is now.</summary>
    public static async Task<CheckpointResult> CompareAsync(HistoryReplay replay, int seed, int checkpoint, int step, CancellationToken cancellationToken)
    {
        var branch = replay.Read("symbolic-ref", "-q", "--short", "HEAD");
        var tags = replay.Read("tag", "--points-at", "HEAD").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var tips = replay.Read("for-each-ref", "--points-at", "HEAD", "--format=%(refname:short)", "refs/heads").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var head = new HeadState(branch.Length == 0 ? null : branch, tags) { BranchesAtHead = tips };
        var gitVersion = await GitVersionOracle.RunAsync(replay.Path, cancellationToken);
        var slipway = await SlipwayVersion.RunAsync(replay.Path, cancellationToken);
        return new CheckpointResult(seed, checkpoint, step, head, gitVersion, slipway);
    }
}
