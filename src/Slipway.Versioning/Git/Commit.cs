namespace Slipway.Versioning.Git;

/// <summary>One commit of a loaded <see cref="GitRepository"/>: its sha, parents, committer date and message.</summary>
/// <remarks>
/// Commits of one load are unique objects; two commits are equal when their shas are, so commits held across
/// <see cref="GitRepository.RefreshAsync"/> still compare equal to the reloaded ones.
/// </remarks>
public sealed class Commit : IEquatable<Commit>
{
    private IReadOnlyList<Commit>? _parents;
    private DateTimeOffset _when;
    private ReadOnlyMemory<char> _rawMessage; // a slice of git's output, turned into a string on first use
    private string? _message;
    private volatile bool _hasDetails;        // written last, after _when and _rawMessage

    private string? _sha;

    internal Commit(CommitGraph graph, int index)
    {
        Graph = graph;
        Index = index;
    }

    /// <summary>The full sha, 40 hex digits (64 in a SHA-256 repository), lower case.</summary>
    public string Sha => _sha ??= Graph.ShaOf(Index); // made when first read: see ShaTable

    /// <summary>The parents in the order git stores them: the first parent is the branch merged into. None for a root commit, or at the edge of a shallow clone.</summary>
    public IReadOnlyList<Commit> Parents => _parents ??= Graph.ParentsOf(Index);

    /// <summary>The committer date, in the committer's time zone.</summary>
    public DateTimeOffset When
    {
        get
        {
            EnsureDetails(forDate: true);
            return _when;
        }
    }

    /// <summary>The committer date as an instant (offset zero), known without loading <see cref="When"/>: what comparing dates needs.</summary>
    internal DateTimeOffset Time => DateTimeOffset.FromUnixTimeSeconds(Graph.TimeOf(Index));

    /// <summary>The full message, subject and body, exactly as git stores it (so normally ending in a line feed), like LibGit2Sharp's <c>Commit.Message</c>.</summary>
    public string Message
    {
        get
        {
            EnsureDetails(forDate: false);
            return _message ??= _rawMessage.ToString();
        }
    }

    /// <summary>The first line of the message.</summary>
    public string Subject
    {
        get
        {
            var message = Message.AsSpan();
            var end = message.IndexOfAny('\r', '\n');
            return end < 0 ? Message : message[..end].ToString();
        }
    }

    /// <summary>Whether the commit has more than one parent.</summary>
    public bool IsMerge => Graph.ParentCount(Index) > 1;

    /// <summary>The first seven digits of the sha.</summary>
    public string ShortSha => Sha[..7];

    internal CommitGraph Graph { get; }

    internal int Index { get; }

    /// <summary>Whether <see cref="When"/> and <see cref="Message"/> are loaded; see <see cref="CommitDetails"/>.</summary>
    internal bool HasDetails => _hasDetails;

    internal void SetDetails(DateTimeOffset when, ReadOnlyMemory<char> message)
    {
        _when = when;
        _rawMessage = message;
        _hasDetails = true;
    }

    private void EnsureDetails(bool forDate)
    {
        if (!_hasDetails)
            Graph.LoadDetails(Index, forDate);
    }

    public bool Equals(Commit? other) => other is not null && (ReferenceEquals(this, other) || Sha == other.Sha);

    public override bool Equals(object? obj) => Equals(obj as Commit);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Sha);

    /// <summary>The short sha and, when already loaded, the subject: for logs, debuggers and test failures, which should not run git.</summary>
    public override string ToString() => HasDetails ? $"{ShortSha} {Subject}" : ShortSha;
}
