using System.Collections.Concurrent;

namespace Slipway.Versioning.Git;

/// <summary>Everything <see cref="GitRepository"/> knows, loaded at once; a refresh replaces the whole snapshot.</summary>
internal sealed record RepositorySnapshot(
    RepositoryLocation Location,
    CommitGraph Graph,
    Commit? Head,
    GitReference[] Branches,
    GitReference[] Tags,
    int UncommittedChanges,
    Lazy<string[]> Remotes)
{
    /// <summary>The searches of commit messages by text, which remember what they searched (see <see cref="MessageSearch"/>).</summary>
    public ConcurrentDictionary<string, MessageSearch> MessageSearches { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Loads a snapshot with four git processes, whatever the size of the history: rev-parse first (it finds the
    /// repository and HEAD), then rev-list, show-ref and status at the same time; one more in a repository without
    /// commits, and <c>git remote</c> when the remotes are first asked for. With a commit-graph, rev-list loads no dates or messages (see <see cref="CommitLog"/>): a sixth
    /// process beside it loads those of HEAD's newest commits, which a version computation reads
    /// (<see cref="CommitDetails.LoadRecentAsync"/>), and the rest come in batches when first read.
    /// </summary>
    public static async Task<RepositorySnapshot> LoadAsync(string path, CancellationToken cancellationToken)
    {
        var location = await RepositoryLocation.FindAsync(path, cancellationToken).ConfigureAwait(false);
        var directory = location.WorkingDirectory;
        var lazyDetails = location.HasCommitGraph;
        var graphTask = CommitLog.LoadAsync(directory, location.HeadSha, withDetails: !lazyDetails, cancellationToken);
        var referencesTask = ReferenceList.LoadAsync(directory, cancellationToken);
        var recentTask = lazyDetails && location.HeadSha is { } headSha
            ? CommitDetails.LoadRecentAsync(directory, headSha, cancellationToken)
            : Task.FromResult("");
        // Untracked files count, as in GitVersion (libgit2's default status includes them); ignored files do not.
        var statusTask = GitCli.RunAsync(directory, ["status", "--porcelain", "--untracked-files=normal"], cancellationToken);
        // WhenAll waits for every process, even after one failed, then rethrows the first failure.
        await Task.WhenAll(graphTask, referencesTask, recentTask, statusTask).ConfigureAwait(false);

        var graph = await graphTask.ConfigureAwait(false);
        var (branches, tags) = ReferenceList.Resolve(await referencesTask.ConfigureAwait(false), graph, new TaggerDates(directory));
        var head = location.HeadSha is null ? -1 : graph.IndexOf(location.HeadSha);
        if (head >= 0)
            graph.Pin(head);
        if (lazyDetails)
        {
            var targets = branches.Concat(tags).Select(reference => reference.Target.Index).Append(head).Where(index => index >= 0);
            graph.Details = new CommitDetails(directory, targets.ToHashSet());
            CommitLog.ApplyDetails(graph, await recentTask.ConfigureAwait(false));
        }

        return new RepositorySnapshot(
            location,
            graph,
            head < 0 ? null : graph.Commits[head],
            branches,
            tags,
            CountLines((await statusTask.ConfigureAwait(false)).StandardOutput),
            // Only a shallow clone's version needs them: a process less at open, where each costs a few milliseconds.
            new Lazy<string[]>(() => Lines(GitCli.RunAsync(directory, ["remote"], CancellationToken.None).GetAwaiter().GetResult().StandardOutput)));
    }

    private static int CountLines(string text)
    {
        var count = 0;
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            if (!line.IsEmpty)
                count++;
        }

        return count;
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
