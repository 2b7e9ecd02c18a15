using System.Runtime.CompilerServices;

namespace Slipway.Versioning.Git;

/// <summary>
/// Loads the history reachable from the refs and HEAD out of git's commit-graph file (<see cref="CommitGraphFile"/>), with
/// a <c>git rev-list</c> only for the commits newer than the file, instead of one rev-list printing every commit.
/// </summary>
/// <remarks>
/// After <c>git gc</c>, git itself lists the 20,000-commit benchmark history in about twice the time it takes to count it,
/// most of it printing shas; reading the file takes a few milliseconds. The result is the graph
/// <see cref="CommitLog.LoadAsync"/> builds with the topology format: the same commits, parents, dates and even order
/// (git's default order, which this walk repeats), so either way gives the same versions. A file holds every commit it
/// was written for and all of their ancestors, so the commits reachable from a tip the file holds are all in it; commits
/// it holds that no ref reaches any more (a deleted branch, a stash) are left out, as rev-list leaves them out.
/// </remarks>
internal static class FileHistory
{
    /// <summary>The history reachable from <paramref name="tips"/> (ref targets in show-ref order, then HEAD's sha), read from <paramref name="file"/> and, for tips it lacks, from one rev-list in <paramref name="directory"/>.</summary>
    public static async Task<CommitGraph> LoadAsync(
        string directory, CommitGraphFile file, IReadOnlyList<string> tips, CancellationToken cancellationToken)
    {
        var positions = tips.Select(tip => file.Find(tip)).ToArray();
        var newer = tips.Where((_, index) => positions[index] < 0).ToList();
        var held = tips.Where((_, index) => positions[index] >= 0);

        var output = "";
        if (newer.Count > 0)
        {
            // The tips' history down to what the file holds: '^sha' excludes a held tip and its whole history. Tips that
            // are not commits (a tag of a tree) are passed too, and rev-list skips them as --tags does.
            var input = string.Concat(newer.Select(sha => sha + "\n").Concat(held.Select(sha => "^" + sha + "\n")));
            output = (await GitCli.RunAsync(directory, ["rev-list", "--parents", "--timestamp", "--stdin"], cancellationToken, input)
                .ConfigureAwait(false)).StandardOutput;
        }

        return Build(file, ParseNewer(file, output), tips, positions);
    }

    /// <summary>The commits rev-list printed ("unix-seconds sha parent..." a line) that the file does not hold.</summary>
    private static List<(string Sha, long Time, string[] Parents)> ParseNewer(CommitGraphFile file, string output)
    {
        var commits = new List<(string, long, string[])>();
        foreach (var line in output.AsSpan().EnumerateLines())
        {
            if (line.IsEmpty)
                continue;
            var fields = line.ToString().Split(' ');
            if (fields.Length < 2 || !long.TryParse(fields[0], out var time))
                throw new GitException($"git rev-list printed a line Slipway cannot read: '{line}'. Check that 'git --version' is 2.33 or newer.");
            if (file.Find(fields[1]) < 0)
                commits.Add((fields[1], time, fields[2..]));
        }

        return commits;
    }

    // Walks from the tips as git's default order does: newest committer date first, ties in the order the walk met them,
    // a commit's parents met in their order. Positions below file.Count are the file's; the newer commits follow.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // a loop over every commit: optimize it at once, not at the slow first JIT tier
    private static CommitGraph Build(
        CommitGraphFile file, List<(string Sha, long Time, string[] Parents)> newer, IReadOnlyList<string> tips, int[] tipPositions)
    {
        var newerIndex = new Dictionary<string, int>(newer.Count, StringComparer.Ordinal);
        for (var index = 0; index < newer.Count; index++)
            newerIndex[newer[index].Sha] = file.Count + index;
        int Position(string sha) => newerIndex.TryGetValue(sha, out var position) ? position : file.Find(sha);
        var newerParents = newer.Select(commit => commit.Parents.Select(Position).Where(parent => parent >= 0).ToArray()).ToArray();

        var total = file.Count + newer.Count;
        var order = new int[total];
        var placed = new int[total]; // 1 + the commit's index in the loaded graph; 0 while not met
        var count = 0;
        var queue = new DateOrderQueue();
        var next = -1; // the commit to take next without the queue (see DateOrderQueue.WouldComeNext)
        void Meet(int position, bool last)
        {
            if (position < 0 || placed[position] != 0)
                return;
            placed[position] = -1;
            if (last && next < 0 && queue.WouldComeNext(TimeOf(position)))
                next = position;
            else
                queue.Enqueue(position, TimeOf(position));
        }

        long TimeOf(int position) => position < file.Count ? file.Times[position] : newer[position - file.Count].Time;

        for (var tip = 0; tip < tips.Count; tip++)
            Meet(tipPositions[tip] >= 0 ? tipPositions[tip] : Position(tips[tip]), last: false);
        while (next >= 0 || queue.TryDequeue(out next))
        {
            var position = next;
            next = -1;
            order[count] = position;
            placed[position] = ++count;
            if (position < file.Count)
            {
                var end = file.ParentStart[position + 1];
                for (var parent = file.ParentStart[position]; parent < end; parent++)
                    Meet(file.Parents[parent], last: parent == end - 1);
            }
            else
            {
                var commitParents = newerParents[position - file.Count];
                for (var parent = 0; parent < commitParents.Length; parent++)
                    Meet(commitParents[parent], last: parent == commitParents.Length - 1);
            }
        }

        var times = new long[count];
        var parentStart = new int[count + 1];
        var parents = new List<int>(count * 2);
        for (var index = 0; index < count; index++)
        {
            var position = order[index];
            times[index] = TimeOf(position);
            if (position < file.Count)
            {
                for (var parent = file.ParentStart[position]; parent < file.ParentStart[position + 1]; parent++)
                    parents.Add(placed[file.Parents[parent]] - 1);
            }
            else
            {
                foreach (var parent in newerParents[position - file.Count])
                    parents.Add(placed[parent] - 1);
            }

            parentStart[index + 1] = parents.Count;
        }

        var shas = new FileShas(file, order[..count], placed, newer.ConvertAll(commit => commit.Sha), newerIndex);
        return new CommitGraph(shas, times, parentStart, [.. parents]) { FromCommitGraphFile = true };
    }

    /// <summary>The shas of a graph read from the file: the file's bytes, turned into text when asked for.</summary>
    /// <remarks>
    /// <c>order</c> holds the file position of each loaded commit (past the file's count: a newer commit, whose sha is in
    /// <c>newer</c>); <c>placed</c>, for each position, 1 + the loaded commit's index, or 0 for a commit no ref reaches.
    /// </remarks>
    private sealed class FileShas(CommitGraphFile file, int[] order, int[] placed, List<string> newer, Dictionary<string, int> newerIndex)
        : ShaTable
    {
        public override string ShaOf(int index) =>
            order[index] is var position && position < file.Count ? file.ShaAt(position) : newer[position - file.Count];

        public override int IndexOf(ReadOnlySpan<char> sha)
        {
            var position = file.Find(sha);
            if (position < 0 && !newerIndex.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(sha, out position))
                return -1;
            return placed[position] - 1;
        }
    }
}
