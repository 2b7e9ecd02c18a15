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
    /// Loads a snapshot with four git processes, whatever the size of the history: rev-parse (it finds the repository
    /// and HEAD), rev-list, show-ref and status, all at the same time when the repository's <c>.git</c> folder is found
    /// above the path (rev-list then names HEAD itself, and its format is picked by a look for the commit-graph file
    /// there), otherwise the last three after rev-parse; one more in a repository without
    /// commits, and <c>git remote</c> when the remotes are first asked for. With a commit-graph, parents and dates are
    /// read from the file itself (see <see cref="FileHistory"/>; rev-list runs after show-ref only for the commits of
    /// refs newer than the file), and no dates or messages load at first: a process beside the others loads those of
    /// HEAD's newest commits, which a version computation reads (<see cref="CommitDetails.LoadRecentAsync"/>), and the
    /// rest come in batches when first read.
    /// </summary>
    public static async Task<RepositorySnapshot> LoadAsync(string path, CancellationToken cancellationToken)
    {
        var locationTask = RepositoryLocation.FindAsync(path, cancellationToken);
        // rev-parse takes a process start and a few milliseconds before anything else could start: instead the others
        // start at once from the same folder, so they find the same repository.
        var folder = Path.GetFullPath(path);
        var early = Directory.Exists(folder) && RepositoryLocation.GuessHasCommitGraph(folder) is { } guess
            ? Start(folder, "HEAD", guess, cancellationToken)
            : null;
        RepositoryLocation location;
        try
        {
            location = await locationTask.ConfigureAwait(false);
        }
        catch
        {
            // rev-parse's failure says what is wrong; the others' failures are left unread.
            await (early?.SettleAsync() ?? Task.CompletedTask).ConfigureAwait(false);
            throw;
        }

        // A wrong guess of the commit-graph picks the slower way to load, never other results.
        if (early is not null)
        {
            var snapshot = await CompleteAsync(location, early).ConfigureAwait(false);
            // HEAD moved between rev-parse and rev-list (a commit or checkout meanwhile): load again by rev-parse's sha.
            if (location.HeadSha is null || snapshot.Head is not null)
                return snapshot;
        }

        return await CompleteAsync(location, Start(location.WorkingDirectory, location.HeadSha, location.HasCommitGraph, cancellationToken))
            .ConfigureAwait(false);
    }

    // Starts show-ref and status in directory, and rev-list unless lazyDetails (a commit-graph file, which the graph is
    // then read from once the refs are known), when the recent details load beside them instead.
    private static Loads Start(string directory, string? head, bool lazyDetails, CancellationToken cancellationToken) =>
        new(
            lazyDetails ? null : CommitLog.LoadAsync(directory, head, withDetails: true, cancellationToken),
            ReferenceList.LoadAsync(directory, cancellationToken),
            lazyDetails && head is not null ? CommitDetails.LoadRecentAsync(directory, head, cancellationToken) : Task.FromResult(""),
            // Untracked files count, as in GitVersion (libgit2's default status includes them); ignored files do not.
            GitCli.RunAsync(directory, ["status", "--porcelain", "--untracked-files=normal"], cancellationToken),
            lazyDetails,
            cancellationToken);

    private static async Task<RepositorySnapshot> CompleteAsync(RepositoryLocation location, Loads loads)
    {
        var directory = location.WorkingDirectory;
        // WhenAll waits for every process, even after one failed, then rethrows the first failure.
        await Task.WhenAll(loads.Graph ?? Task.CompletedTask, loads.References, loads.Recent, loads.Status).ConfigureAwait(false);

        var references = await loads.References.ConfigureAwait(false);
        var graph = loads.Graph is not null
            ? await loads.Graph.ConfigureAwait(false)
            : await LoadTopologyAsync(location, references, loads.CancellationToken).ConfigureAwait(false);
        var (branches, tags) = ReferenceList.Resolve(references.References, graph, new TaggerDates(directory));
        var head = location.HeadSha is null ? -1 : graph.IndexOf(location.HeadSha);
        if (head >= 0)
            graph.Pin(head);
        if (loads.LazyDetails)
        {
            var targets = branches.Concat(tags).Select(reference => reference.Target.Index).Append(head).Where(index => index >= 0);
            graph.Details = new CommitDetails(directory, targets.ToHashSet());
            CommitLog.ApplyDetails(graph, await loads.Recent.ConfigureAwait(false));
        }

        return new RepositorySnapshot(
            location,
            graph,
            head < 0 ? null : graph.Commits[head],
            branches,
            tags,
            CountLines((await loads.Status.ConfigureAwait(false)).StandardOutput),
            // Only a shallow clone's version needs them: a process less at open, where each costs a few milliseconds.
            new Lazy<string[]>(() => Lines(GitCli.RunAsync(directory, ["remote"], CancellationToken.None).GetAwaiter().GetResult().StandardOutput)));
    }

    // Parents and dates without messages: from the commit-graph file where git would trust it, else from rev-list.
    private static async Task<CommitGraph> LoadTopologyAsync(RepositoryLocation location, ReferenceListing references, CancellationToken cancellationToken)
    {
        var file = location.CanReadCommitGraphFile && !references.ReplacesObjects ? CommitGraphFile.TryRead(location.ObjectsDirectory) : null;
        if (file is null)
            return await CommitLog.LoadAsync(location.WorkingDirectory, location.HeadSha, withDetails: false, cancellationToken).ConfigureAwait(false);
        // In the order rev-list --branches --remotes --tags HEAD takes them: show-ref's order is the same.
        var tips = references.References.Select(reference => reference.Target).ToList();
        if (location.HeadSha is not null)
            tips.Add(location.HeadSha);
        return await FileHistory.LoadAsync(location.WorkingDirectory, file, tips, cancellationToken).ConfigureAwait(false);
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

    /// <summary>The loading processes of one snapshot, running.</summary>
    private sealed record Loads(
        Task<CommitGraph>? Graph,
        Task<ReferenceListing> References,
        Task<string> Recent,
        Task<Tooling.ToolResult> Status,
        bool LazyDetails,
        CancellationToken CancellationToken)
    {
        /// <summary>Waits for every process to end, ignoring their results and failures.</summary>
        public async Task SettleAsync()
        {
            try
            {
                await Task.WhenAll(Graph ?? Task.CompletedTask, References, Recent, Status).ConfigureAwait(false);
            }
            catch (Exception)
            {
                // Only rev-parse's answer is reported: these ran in the same folder, so they failed for the same reason.
            }
        }
    }
}
