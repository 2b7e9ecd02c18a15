namespace Slipway.Versioning.Git;

/// <summary>Loads every branch, remote-tracking branch and tag with one <c>git for-each-ref</c>, annotated tags peeled to their commits.</summary>
internal static class ReferenceList
{
    // refname, object, the object an annotated tag points at and its type, the tagger date: NUL-separated, one ref a line.
    private const string Format = "--format=%(refname)%00%(objectname)%00%(*objectname)%00%(*objecttype)%00%(taggerdate:raw)";

    /// <summary>The refs under refs/heads, refs/remotes and refs/tags, not yet tied to commits.</summary>
    public static async Task<IReadOnlyList<ListedReference>> LoadAsync(string directory, CancellationToken cancellationToken)
    {
        var result = await GitCli.RunAsync(
            directory, ["for-each-ref", Format, "refs/heads", "refs/remotes", "refs/tags"], cancellationToken).ConfigureAwait(false);
        return Parse(result.StandardOutput);
    }

    /// <summary>Parses for-each-ref output in the format above, leaving out remote HEADs such as refs/remotes/origin/HEAD.</summary>
    public static List<ListedReference> Parse(string output)
    {
        var references = new List<ListedReference>();
        Span<Range> fields = stackalloc Range[6];
        foreach (var line in output.AsSpan().EnumerateLines())
        {
            if (line.Split(fields, '\0') != 5)
                continue;
            var name = line[fields[0]];
            if (name.StartsWith("refs/remotes/") && name.EndsWith("/HEAD"))
                continue;

            var peeled = line[fields[2]];
            DateTimeOffset? taggerDate = GitDate.TryParse(line[fields[4]], out _, out var date) ? date : null;
            references.Add(new ListedReference(
                name.ToString(),
                (peeled.IsEmpty ? line[fields[1]] : peeled).ToString(),
                line[fields[3]].SequenceEqual("tag"),
                taggerDate));
        }

        return references;
    }

    /// <summary>
    /// Ties each ref to its commit in <paramref name="graph"/>. A tag of a tag is peeled with one extra
    /// <c>git cat-file</c> for all of them; refs that point at no commit (a tag of a tree, say) are left out.
    /// </summary>
    public static async Task<(GitReference[] Branches, GitReference[] Tags)> ResolveAsync(
        string directory, IReadOnlyList<ListedReference> references, CommitGraph graph, CancellationToken cancellationToken)
    {
        var nestedTargets = await PeelNestedTagsAsync(directory, references, cancellationToken).ConfigureAwait(false);
        var branches = new List<GitReference>();
        var tags = new List<GitReference>();
        foreach (var reference in references)
        {
            var target = reference.TargetIsTag ? nestedTargets.GetValueOrDefault(reference.Name) : reference.Target;
            var index = target is null ? -1 : graph.IndexOf(target);
            if (index < 0)
                continue;
            var resolved = new GitReference(reference.Name, graph.Commits[index], reference.TaggerDate);
            (resolved.IsTag ? tags : branches).Add(resolved);
        }

        return ([.. branches], [.. tags]);
    }

    private static async Task<Dictionary<string, string>> PeelNestedTagsAsync(
        string directory, IReadOnlyList<ListedReference> references, CancellationToken cancellationToken)
    {
        var nested = references.Where(reference => reference.TargetIsTag).Select(reference => reference.Name).ToList();
        var targets = new Dictionary<string, string>(StringComparer.Ordinal);
        if (nested.Count == 0)
            return targets;

        // Input "name^{commit}" prints "sha commit", or "name^{commit} missing" when the chain ends at a tree or blob.
        var input = string.Concat(nested.Select(name => name + "^{commit}\n"));
        var result = await GitCli.RunAsync(
            directory, ["cat-file", "--batch-check=%(objectname) %(objecttype)"], cancellationToken, input).ConfigureAwait(false);
        var lines = result.StandardOutput.Split('\n');
        for (var index = 0; index < nested.Count && index < lines.Length; index++)
        {
            if (lines[index].EndsWith(" commit", StringComparison.Ordinal))
                targets[nested[index]] = lines[index][..lines[index].IndexOf(' ')];
        }

        return targets;
    }
}

/// <summary>One line of for-each-ref: the ref's name, the sha it points at (peeled once), whether that is still a tag object, and the tagger date.</summary>
internal sealed record ListedReference(string Name, string Target, bool TargetIsTag, DateTimeOffset? TaggerDate);
