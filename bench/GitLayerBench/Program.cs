using System.Diagnostics;
using Slipway.Versioning;
using Slipway.Versioning.Git;

// Usage: GitLayerBench REPOSITORY [RUNS]
// Times GitRepository.OpenAsync plus CountCommits(newest tag in HEAD's history, HEAD) against the baseline
// `git rev-list --count --all`, alternating them so a busy machine slows both alike; then the same plus reading every
// merge message in HEAD's history, what a merge-message version strategy does at worst. The first layer run is in a
// fresh process (JIT included) and reported on its own. Prints "name: value" lines for bench/versioning.sh.
if (args.Length < 1)
{
    Console.Error.WriteLine("usage: GitLayerBench REPOSITORY [RUNS]");
    return 2;
}

var path = args[0];
var runs = args.Length > 1 ? int.Parse(args[1]) : 15;
var (first, summary) = await MeasureLayerAsync(path, readMergeMessages: false);
var baseline = new List<double>();
var layer = new List<double>();
var withMessages = new List<double>();
var version = new List<double>();
var (versionFirst, fullSemVer) = await MeasureVersionAsync(path);
for (var run = 0; run < runs; run++)
{
    baseline.Add(MeasureBaseline(path));
    layer.Add((await MeasureLayerAsync(path, readMergeMessages: false)).Milliseconds);
    withMessages.Add((await MeasureLayerAsync(path, readMergeMessages: true)).Milliseconds);
    version.Add((await MeasureVersionAsync(path)).Milliseconds);
}

Console.WriteLine($"repository: {summary}");
Console.WriteLine($"baseline_median_ms: {Median(baseline):F1}");
Console.WriteLine($"layer_first_ms: {first:F1}");
Console.WriteLine($"layer_median_ms: {Median(layer):F1}");
Console.WriteLine($"layer_with_merge_messages_median_ms: {Median(withMessages):F1}");
Console.WriteLine($"version: {fullSemVer}");
Console.WriteLine($"version_first_ms: {versionFirst:F1}");
Console.WriteLine($"version_median_ms: {Median(version):F1}");
return 0;

// The whole computation a build does: open, configuration, every strategy, variables and image tags.
static async Task<(double Milliseconds, string FullSemVer)> MeasureVersionAsync(string path)
{
    var stopwatch = Stopwatch.StartNew();
    var result = await VersionCalculator.CalculateAsync(new VersionRequest(path));
    return (stopwatch.Elapsed.TotalMilliseconds, $"{result.FullSemVer} on {result.Variables.BranchName}");
}

static async Task<(double Milliseconds, string Summary)> MeasureLayerAsync(string path, bool readMergeMessages)
{
    var stopwatch = Stopwatch.StartNew();
    var repository = await GitRepository.OpenAsync(path);
    var head = repository.Head ?? throw new InvalidOperationException($"'{path}' has no commits.");
    var newestTag = repository.Tags
        .Where(tag => repository.IsAncestor(tag.Target, head))
        .MaxBy(tag => tag.Target.When);
    var count = repository.CountCommits(newestTag?.Target, head);
    if (readMergeMessages)
    {
        foreach (var merge in repository.CommitsBetween(null, head).Where(commit => commit.IsMerge))
            _ = merge.Message;
    }

    var elapsed = stopwatch.Elapsed.TotalMilliseconds;
    var summary = $"{repository.CountCommits(null, head)} commits in HEAD's history, {repository.Tags.Count} tags, " +
                  $"{repository.Branches.Count} branches; {count} commits since tag '{newestTag?.FriendlyName}'";
    return (elapsed, summary);
}

static double MeasureBaseline(string path)
{
    var stopwatch = Stopwatch.StartNew();
    var startInfo = new ProcessStartInfo("git", ["rev-list", "--count", "--all"]) { WorkingDirectory = path, RedirectStandardOutput = true };
    using var process = Process.Start(startInfo)!;
    process.StandardOutput.ReadToEnd();
    process.WaitForExit();
    return stopwatch.Elapsed.TotalMilliseconds;
}

static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
