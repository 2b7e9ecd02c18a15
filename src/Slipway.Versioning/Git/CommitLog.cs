using System.Runtime.CompilerServices;

namespace Slipway.Versioning.Git;

/// <summary>Loads the whole commit graph with one <c>git rev-list</c>, and parses its output with spans.</summary>
/// <remarks>
/// Two ways, picked by whether the repository has a commit-graph file (which a fresh clone does not, and
/// <c>git gc</c> writes), both measured on the 20,000-commit benchmark repository:
/// without one, git reads every commit object anyway, so dates and messages come in the same pass for about 5 ms
/// more (about 90 ms in all, where <c>git rev-list --count --all</c> takes 60 ms); with one, parents and dates come
/// from the commit-graph in 15 ms (the baseline drops to 13 ms), while formatting would read every object (75 ms),
/// so dates and messages are left to <see cref="CommitDetails"/>, which loads them in batches when first asked for.
/// With a commit-graph file Slipway can read, even the topology comes from the file instead (<see cref="FileHistory"/>),
/// and this topology format is the fallback.
/// </remarks>
internal static class CommitLog
{
    // The methods marked AggressiveOptimization loop over every commit, once per load: they are compiled optimized at
    // once instead of starting at the slow first JIT tier, which halves the first load in a fresh process.

    // One record per commit: NUL, "sha unix-seconds ±hhmm parent...", a line feed, the raw message, and the line feed
    // rev-list adds after each record. A message cannot contain NUL, so NUL separates records safely.
    private static readonly string[] DetailedFormat = ["--no-commit-header", "--date=raw", "--format=%x00%H %cd %P%n%B"];

    // "unix-seconds sha parent...", one commit a line; parents and dates are in the commit-graph file.
    private static readonly string[] TopologyFormat = ["--parents", "--timestamp"];

    /// <summary>Arguments for <c>git</c> printing, in the detailed format, the commits whose shas are on standard input.</summary>
    public static string[] DetailsArguments { get; } = ["rev-list", "--no-walk=unsorted", "--stdin", .. DetailedFormat];

    /// <summary>Arguments for <c>git</c> printing, in the detailed format, the newest <paramref name="count"/> commits of <paramref name="head"/>'s history (a sha, or <c>HEAD</c>: see <see cref="Head"/>).</summary>
    public static string[] RecentArguments(string head, int count) =>
        ["rev-list", $"--max-count={count}", .. DetailedFormat, .. Head(head)];

    /// <summary>Every commit reachable from a branch, remote-tracking branch or tag, and from <paramref name="head"/> (a sha, or <c>HEAD</c>: see <see cref="Head"/>) when given.</summary>
    public static async Task<CommitGraph> LoadAsync(string directory, string? head, bool withDetails, CancellationToken cancellationToken)
    {
        // Not --all: refs/notes, refs/stash and the like hold history no version depends on.
        string[] arguments = ["rev-list", "--branches", "--remotes", "--tags", .. withDetails ? DetailedFormat : TopologyFormat];
        if (head is not null)
            arguments = [.. arguments, .. Head(head)];
        var result = await GitCli.RunAsync(directory, arguments, cancellationToken).ConfigureAwait(false);
        return withDetails ? ParseDetailed(result.StandardOutput) : ParseTopology(result.StandardOutput);
    }

    /// <summary>The arguments naming HEAD's commit: its sha, or <c>HEAD</c> itself when loading starts before the sha is known, which git skips on a branch without commits yet.</summary>
    public static string[] Head(string head) => head == "HEAD" ? ["--ignore-missing", head] : [head];

    /// <summary>Parses the detailed format into a graph whose commits have their dates and messages.</summary>
    public static CommitGraph ParseDetailed(string output)
    {
        var records = ReadRecords(output);
        var shas = new string[records.Length];
        var times = new long[records.Length];
        var parents = new Range[records.Length];
        for (var index = 0; index < records.Length; index++)
        {
            shas[index] = output[records[index].Sha];
            times[index] = records[index].Seconds;
            parents[index] = records[index].Parents;
        }

        var graph = Build(output, shas, times, parents);
        for (var index = 0; index < records.Length; index++)
            graph.Commits[index].SetDetails(records[index].Date, output.AsMemory(records[index].Message));
        return graph;
    }

    /// <summary>Parses the topology format into a graph whose commits have no dates or messages yet.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static CommitGraph ParseTopology(string output)
    {
        var count = output.AsSpan().Count('\n');
        var shas = new string[count];
        var times = new long[count];
        var parents = new Range[count];
        var start = 0;
        for (var index = 0; index < count; index++)
        {
            var end = output.IndexOf('\n', start);
            var line = output.AsSpan(start, end - start);
            var timeEnd = line.IndexOf(' ');
            if (timeEnd <= 0 || !long.TryParse(line[..timeEnd], out times[index]))
                throw Malformed(output, start);
            var rest = line[(timeEnd + 1)..];
            var shaLength = rest.IndexOf(' ') is var space and >= 0 ? space : rest.Length;
            shas[index] = rest[..shaLength].ToString();
            parents[index] = new Range(Math.Min(start + timeEnd + 1 + shaLength + 1, end), end);
            start = end + 1;
        }

        return Build(output, shas, times, parents);
    }

    /// <summary>Gives the commits in <paramref name="output"/> (the detailed format) their dates and messages; returns their indices.</summary>
    public static List<int> ApplyDetails(CommitGraph graph, string output)
    {
        var indices = new List<int>();
        foreach (var record in ReadRecords(output))
        {
            var index = graph.IndexOf(output.AsSpan(record.Sha));
            if (index < 0)
                continue;
            indices.Add(index);
            if (!graph.Commits[index].HasDetails)
                graph.Commits[index].SetDetails(record.Date, output.AsMemory(record.Message));
        }

        return indices;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Record[] ReadRecords(string output)
    {
        var records = new Record[output.AsSpan().Count('\0')];
        var index = 0;
        for (var separator = output.IndexOf('\0'); separator >= 0; index++)
        {
            var start = separator + 1;
            separator = output.IndexOf('\0', start);
            var end = separator < 0 ? output.Length : separator;
            var lineEnd = output.IndexOf('\n', start, end - start);
            if (lineEnd < 0)
                throw Malformed(output, start);

            // "sha seconds zone parents": the parents field is empty, after a trailing space, for a root commit.
            var header = output.AsSpan(start, lineEnd - start);
            var shaEnd = header.IndexOf(' ');
            var timeEnd = shaEnd < 0 ? -1 : header[(shaEnd + 1)..].IndexOf(' ') + shaEnd + 1;
            if (shaEnd <= 0 || timeEnd <= shaEnd)
                throw Malformed(output, start);
            var zoneEnd = header[(timeEnd + 1)..].IndexOf(' ');
            zoneEnd = zoneEnd < 0 ? header.Length : zoneEnd + timeEnd + 1;
            if (!GitDate.TryParse(header[(shaEnd + 1)..zoneEnd], out var seconds, out var date))
                throw Malformed(output, start);

            records[index] = new Record(
                new Range(start, start + shaEnd),
                seconds,
                date,
                new Range(start + Math.Min(zoneEnd + 1, header.Length), lineEnd),
                new Range(lineEnd + 1, Math.Max(lineEnd + 1, end - 1))); // without the line feed rev-list adds
        }

        return records;
    }

    // Parents are resolved once every sha has its index, since git lists a child before its parents.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static CommitGraph Build(string output, string[] shas, long[] times, Range[] parentText)
    {
        var lookup = new Dictionary<string, int>(shas.Length, StringComparer.Ordinal);
        for (var index = 0; index < shas.Length; index++)
            lookup[shas[index]] = index;
        var bySpan = lookup.GetAlternateLookup<ReadOnlySpan<char>>();

        var parentStart = new int[shas.Length + 1];
        var parents = new List<int>(shas.Length * 2);
        for (var index = 0; index < shas.Length; index++)
        {
            var text = output.AsSpan(parentText[index]);
            foreach (var token in text.Split(' '))
            {
                // A parent git did not list would be outside the loaded history; a shallow clone's edge lists none.
                if (bySpan.TryGetValue(text[token], out var parent))
                    parents.Add(parent);
            }

            parentStart[index + 1] = parents.Count;
        }

        return new CommitGraph(new ShaTable.Listed(shas, lookup), times, parentStart, [.. parents]);
    }

    private static GitException Malformed(string output, int position)
    {
        var line = output.AsSpan(position);
        var lineEnd = line.IndexOf('\n');
        return new GitException(
            $"git rev-list printed a line Slipway cannot read: '{(lineEnd < 0 ? line : line[..lineEnd])}'. " +
            "Check that 'git --version' is 2.33 or newer.");
    }

    private readonly record struct Record(Range Sha, long Seconds, DateTimeOffset Date, Range Parents, Range Message);
}
