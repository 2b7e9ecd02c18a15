namespace Slipway.Versioning.Git;

/// <summary>A branch, remote-tracking branch or tag, with the commit it points at.</summary>
public sealed class GitReference
{
    private const string HeadsPrefix = "refs/heads/";
    private const string RemotesPrefix = "refs/remotes/";
    private const string TagsPrefix = "refs/tags/";

    private readonly TaggerDates? _taggerDates;

    /// <summary>A ref to <paramref name="target"/>; <paramref name="taggerDates"/> is given for an annotated tag, and null otherwise.</summary>
    internal GitReference(string canonicalName, Commit target, TaggerDates? taggerDates)
    {
        CanonicalName = canonicalName;
        Target = target;
        _taggerDates = taggerDates;
        IsRemote = canonicalName.StartsWith(RemotesPrefix, StringComparison.Ordinal);
        IsTag = canonicalName.StartsWith(TagsPrefix, StringComparison.Ordinal);
        FriendlyName = ShortName(canonicalName);
    }

    /// <summary>The full name: <c>refs/heads/main</c>, <c>refs/remotes/origin/main</c>, <c>refs/tags/v1.0.0</c>.</summary>
    public string CanonicalName { get; }

    /// <summary>The name without its kind: <c>main</c>, <c>origin/main</c>, <c>v1.0.0</c>.</summary>
    public string FriendlyName { get; }

    /// <summary>The commit pointed at; for an annotated tag, the commit the tag object points at.</summary>
    public Commit Target { get; }

    /// <summary>Whether this is a remote-tracking branch, under <c>refs/remotes/</c>.</summary>
    public bool IsRemote { get; }

    /// <summary>Whether this is a tag, under <c>refs/tags/</c>.</summary>
    public bool IsTag { get; }

    /// <summary>Whether this is a local branch, under <c>refs/heads/</c>.</summary>
    public bool IsLocalBranch => !IsRemote && !IsTag;

    /// <summary>The date the tag was created, for annotated tags; null for lightweight tags and branches.</summary>
    /// <remarks>The first one read runs git once for every tag's date.</remarks>
    public DateTimeOffset? TaggerDate => _taggerDates?.Of(CanonicalName);

    /// <summary>The canonical name.</summary>
    public override string ToString() => CanonicalName;

    /// <summary><paramref name="canonicalName"/> without <c>refs/heads/</c>, <c>refs/remotes/</c> or <c>refs/tags/</c>.</summary>
    internal static string ShortName(string canonicalName)
    {
        foreach (var prefix in (ReadOnlySpan<string>)[HeadsPrefix, RemotesPrefix, TagsPrefix])
        {
            if (canonicalName.StartsWith(prefix, StringComparison.Ordinal))
                return canonicalName[prefix.Length..];
        }

        return canonicalName;
    }
}
