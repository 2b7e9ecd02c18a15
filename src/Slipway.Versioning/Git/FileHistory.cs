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
        var newer = new List<string>();
        var held = new List<string>();
        foreach (var tip in tips)
            (file.Find(tip) >= 0 ? held : newer).Add(tip);

        var output = "";
        if (newer.Count > 0)
        {
            // The tips' history down to what the file holds: '^sha' excludes a held tip and its whole history. Tips that
            // are not commits (a tag of a tree) are passed too, and rev-list skips them as --tags does.
            var input = string.Concat(newer.Select(sha => sha + "\n").Concat(held.Select(sha => "^" + sha + "\n")));
            output = (await GitCli.RunAsync(directory, ["rev-list", "--parents", "--timestamp", "--stdin"], cancellationToken, input)
                .ConfigureAwait(false)).StandardOutput;
        }

        return Build(file, ParseNewer(file, output), tips);
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
    private static CommitGraph Build(CommitGraphFile file, List<(string Sha, long Time, string[] Parents)> newer, IReadOnlyList<string> tips)
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
        void Meet(int position)
        {
            if (position < 0 || placed[position] != 0)
                return;
            placed[position] = -1;
            queue.Enqueue(position, TimeOf(position));
        }

        long TimeOf(int position) => position < file.Count ? file.Times[position] : newer[position - file.Count].Time;

        foreach (var tip in tips)
            Meet(Position(tip));
        while (queue.TryDequeue(out var position))
        {
            order[count] = position;
            placed[position] = ++count;
            if (position < file.Count)
            {
                for (var parent = file.ParentStart[position]; parent < file.ParentStart[position + 1]; parent++)
                    Meet(file.Parents[parent]);
            }
            else
            {
                foreach (var parent in newerParents[position - file.Count])
                    Meet(parent);
            }
        }

        var shas = new string[count];
        var times = new long[count];
        var lookup = new Dictionary<string, int>(count, StringComparer.Ordinal);
        var parentStart = new int[count + 1];
        var parents = new List<int>(count * 2);
        for (var index = 0; index < count; index++)
        {
            var position = order[index];
            shas[index] = position < file.Count ? file.ShaAt(position) : newer[position - file.Count].Sha;
            times[index] = TimeOf(position);
            lookup[shas[index]] = index;
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

        return new CommitGraph(shas, times, lookup, parentStart, [.. parents]) { FromCommitGraphFile = true };
    }
}
