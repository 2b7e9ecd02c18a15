namespace Slipway.Versioning.Git;

/// <summary>A git repository read through the git CLI: its refs and whole commit graph loaded at once, queried in memory.</summary>
/// <remarks>
/// Opening runs four git processes whatever the size of the history (see <see cref="RepositorySnapshot.LoadAsync"/>); with a
/// commit-graph file, parents and dates are read from the file, and a fifth process lists only commits newer than it
/// (see <see cref="FileHistory"/>). Queries after that run none, except in a repository with a commit-graph file: there commit dates and messages load
/// in batches when first read (see <see cref="CommitDetails"/>), also for <see cref="CommitsMentioning"/>. Queries are
/// thread-safe. Commits from before a <see cref="RefreshAsync"/> can still be passed in: they are matched by sha.
/// </remarks>
public sealed class GitRepository
{
    private const int MinimumAbbreviation = 4; // git's own minimum

    private RepositorySnapshot _snapshot;

    private GitRepository(RepositorySnapshot snapshot)
    {
        _snapshot = snapshot;
    }

    /// <summary>The top folder of the work tree.</summary>
    public string WorkingDirectory => _snapshot.Location.WorkingDirectory;

    /// <summary>The git folder: usually <c>.git</c> in <see cref="WorkingDirectory"/>, elsewhere for linked worktrees.</summary>
    public string GitDirectory => _snapshot.Location.GitDirectory;

    /// <summary>Whether this is a shallow clone, whose history stops at commits that show no parents.</summary>
    public bool IsShallow => _snapshot.Location.IsShallow;

    /// <summary>The commit checked out; null in a repository without commits (or on a new orphan branch).</summary>
    public Commit? Head => _snapshot.Head;

    /// <summary>The short name of the branch checked out, such as <c>main</c> or <c>feature/login</c>; null when HEAD is detached.</summary>
    /// <remarks>In a repository without commits, the name of the branch the first commit will create.</remarks>
    public string? CurrentBranch => _snapshot.Location.CurrentBranch;

    /// <summary>Local branches, then remote-tracking branches, each sorted by name; without remote HEADs such as <c>origin/HEAD</c>.</summary>
    public IReadOnlyList<GitReference> Branches => _snapshot.Branches;

    /// <summary>Every tag that points at a commit, sorted by name; annotated tags are peeled to their commit.</summary>
    public IReadOnlyList<GitReference> Tags => _snapshot.Tags;

    /// <summary>The number of changed, staged and untracked (not ignored) paths, the lines of <c>git status --porcelain</c>.</summary>
    public int UncommittedChanges => _snapshot.UncommittedChanges;

    /// <summary>The names of the configured remotes, such as <c>origin</c>.</summary>
    /// <remarks>Read with one git process on first use.</remarks>
    public IReadOnlyList<string> Remotes => _snapshot.Remotes.Value;

    /// <summary>Opens the repository containing <paramref name="path"/> and loads its refs and commit graph.</summary>
    /// <exception cref="GitException">The folder is missing, is not inside a git repository, or git failed to read it.</exception>
    /// <exception cref="Tooling.ToolNotFoundException">git is not installed.</exception>
    public static async Task<GitRepository> OpenAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return new GitRepository(await RepositorySnapshot.LoadAsync(path, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Loads everything again, after a fetch, an unshallow or a new commit.</summary>
    public async Task RefreshAsync(CancellationToken ct = default) =>
        _snapshot = await RepositorySnapshot.LoadAsync(WorkingDirectory, ct).ConfigureAwait(false);

    /// <summary>The loaded commit with this full or abbreviated sha (at least four digits, any case); null when none matches.</summary>
    /// <exception cref="GitException">The abbreviation matches more than one commit.</exception>
    public Commit? FindCommit(string sha)
    {
        ArgumentNullException.ThrowIfNull(sha);
        var graph = _snapshot.Graph;
        var key = sha.Trim().ToLowerInvariant();
        var index = graph.IndexOf(key);
        if (index >= 0)
            return graph.Commits[index];
        if (key.Length < MinimumAbbreviation || !key.All(char.IsAsciiHexDigit))
            return null;

        var matches = graph.WithPrefix(key, limit: 3);
        return matches.Count switch
        {
            0 => null,
            1 => matches[0],
            _ => throw new GitException(
                $"Commit '{sha}' is ambiguous in '{WorkingDirectory}': it abbreviates {string.Join(", ", matches.Select(commit => commit.Sha))}" +
                $"{(matches.Count > 2 ? " and more" : "")}. Pass more digits of the sha.",
                WorkingDirectory),
        };
    }

    /// <summary>The branch with this friendly or canonical name (<c>main</c>, <c>origin/main</c>, <c>refs/heads/main</c>), or null.</summary>
    public GitReference? FindBranch(string name) =>
        Branches.FirstOrDefault(branch => branch.FriendlyName == name || branch.CanonicalName == name);

    /// <summary>Whether <paramref name="ancestor"/> is in the history of <paramref name="descendant"/>; true when they are the same commit.</summary>
    public bool IsAncestor(Commit ancestor, Commit descendant)
    {
        var graph = _snapshot.Graph;
        return graph.IsAncestor(IndexOf(graph, ancestor, nameof(ancestor)), IndexOf(graph, descendant, nameof(descendant)));
    }

    /// <summary>The best common ancestor, as <c>git merge-base a b</c> picks it; null when the histories share no commit.</summary>
    /// <remarks>
    /// A best common ancestor is one no other common ancestor reaches. After criss-cross merges there can be several:
    /// like git, this returns the one with the newest committer date (for equal dates: the higher generation, then the
    /// smaller sha, where git's choice depends on its walk order).
    /// </remarks>
    public Commit? MergeBase(Commit a, Commit b)
    {
        var graph = _snapshot.Graph;
        var index = graph.MergeBase(IndexOf(graph, a, nameof(a)), IndexOf(graph, b, nameof(b)));
        return index < 0 ? null : graph.Commits[index];
    }

    /// <summary>The number of commits in the history of <paramref name="to"/> but not of <paramref name="exclusiveFrom"/>, as <c>git rev-list --count from..to</c>; all of <paramref name="to"/>'s history when <paramref name="exclusiveFrom"/> is null.</summary>
    public int CountCommits(Commit? exclusiveFrom, Commit to)
    {
        var graph = _snapshot.Graph;
        return graph.CountBetween(exclusiveFrom is null ? -1 : IndexOf(graph, exclusiveFrom, nameof(exclusiveFrom)), IndexOf(graph, to, nameof(to)));
    }

    /// <summary>The commits <see cref="CountCommits"/> counts, newest first in <c>git rev-list</c>'s default order (by committer date, walking from <paramref name="to"/>).</summary>
    public IReadOnlyList<Commit> CommitsBetween(Commit? exclusiveFrom, Commit to)
    {
        var graph = _snapshot.Graph;
        return graph.Between(exclusiveFrom is null ? -1 : IndexOf(graph, exclusiveFrom, nameof(exclusiveFrom)), IndexOf(graph, to, nameof(to)));
    }

    /// <summary>The first of <see cref="CommitsBetween"/>(<paramref name="parent"/>, <paramref name="to"/>) whose parents include <paramref name="parent"/>; null when none does.</summary>
    /// <remarks>Where the branch at <paramref name="to"/> went on from <paramref name="parent"/>: usually found among the parent's children without a walk.</remarks>
    public Commit? FirstChildBetween(Commit parent, Commit to)
    {
        var graph = _snapshot.Graph;
        var index = graph.FirstChildBetween(IndexOf(graph, parent, nameof(parent)), IndexOf(graph, to, nameof(to)));
        return index < 0 ? null : graph.Commits[index];
    }

    /// <summary>The commits <see cref="CountCommits"/> counts whose message contains <paramref name="text"/>, ignoring case, in the order the history was loaded (newest first, mostly).</summary>
    /// <remarks>
    /// Each commit is searched at most once per text, so asking again with an older <paramref name="exclusiveFrom"/> only
    /// searches the commits that adds. With a commit-graph file, the messages searched are loaded first, in runs that also
    /// read ahead into older history of <paramref name="to"/>, and only ASCII letters' case is ignored (as git's
    /// <c>--regexp-ignore-case</c> does for an ASCII text). An empty text matches every commit without reading any message.
    /// </remarks>
    public IReadOnlyList<Commit> CommitsMentioning(string text, Commit? exclusiveFrom, Commit to)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.AsSpan().ContainsAny('\n', '\r', '\0'))
            throw new ArgumentException($"The text to search commit messages for must be one line; got '{text}'.", nameof(text));
        var snapshot = _snapshot;
        var graph = snapshot.Graph;
        var toIndex = IndexOf(graph, to, nameof(to));
        var range = graph.SetBetween(exclusiveFrom is null ? -1 : IndexOf(graph, exclusiveFrom, nameof(exclusiveFrom)), toIndex);
        var search = snapshot.MessageSearches.GetOrAdd(text, key => new MessageSearch(graph, key));
        return search.Find(range, graph.SetBetween(-1, toIndex));
    }

    /// <summary>The branches, local and remote-tracking, whose history contains <paramref name="commit"/>, in <see cref="Branches"/> order.</summary>
    public IReadOnlyList<GitReference> BranchesContaining(Commit commit)
    {
        var snapshot = _snapshot;
        var contains = snapshot.Graph.TipsContaining(
            IndexOf(snapshot.Graph, commit, nameof(commit)),
            snapshot.Branches.Select(branch => branch.Target.Index).ToArray());
        return snapshot.Branches.Where((_, index) => contains[index]).ToArray();
    }

    /// <summary>The loaded graph, for tests.</summary>
    internal CommitGraph Graph => _snapshot.Graph;

    private int IndexOf(CommitGraph graph, Commit commit, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(commit, parameterName);
        if (ReferenceEquals(commit.Graph, graph))
            return commit.Index;
        var index = graph.IndexOf(commit.Sha);
        return index >= 0
            ? index
            : throw new ArgumentException(
                $"Commit '{commit.Sha}' is not in the history loaded from '{WorkingDirectory}'; it is from another repository, or a refresh dropped it.",
                parameterName);
    }
}
