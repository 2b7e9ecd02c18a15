using System.Text.RegularExpressions;
using Slipway.Versioning.Configuration;
using Slipway.Versioning.Git;

namespace Slipway.Versioning.Calculation;

/// <summary>
/// The commits of HEAD's history whose message names a bump (<c>+semver: minor</c> and the like), asked for one
/// candidate's range at a time: only commits after a candidate's source count for it.
/// </summary>
/// <remarks>
/// The candidates that survive pruning have recent sources, so searching range by range reads a few hundred messages
/// where searching the whole history once would read all of them (see <see cref="GitRepository.CommitsMentioning"/>).
/// </remarks>
internal sealed class BumpMessages
{
    private readonly VersionContext _context;
    private readonly (Regex Pattern, IncrementStrategy Field)[] _patterns;
    private readonly string _mention;
    private readonly Dictionary<Commit, IncrementStrategy?> _fields = [];

    public BumpMessages(VersionContext context)
    {
        _context = context;
        var top = context.Configuration;
        _patterns =
        [
            (BranchMatcher.Regex(top.MajorVersionBumpMessage), IncrementStrategy.Major),
            (BranchMatcher.Regex(top.MinorVersionBumpMessage), IncrementStrategy.Minor),
            (BranchMatcher.Regex(top.PatchVersionBumpMessage), IncrementStrategy.Patch),
            (BranchMatcher.Regex(top.NoBumpMessage), IncrementStrategy.None),
        ];
        // The default patterns all need "semver": searching for it first leaves the regexes almost no message to read.
        _mention = _patterns.All(x => x.Pattern.ToString().Contains("semver", StringComparison.OrdinalIgnoreCase)) ? "semver" : "";
    }

    /// <summary>The commits after <paramref name="source"/> up to HEAD (all of HEAD's history when null) whose message names a bump, with the bump; ignored commits left out.</summary>
    public IEnumerable<(Commit Commit, IncrementStrategy Field)> After(Commit? source)
    {
        foreach (var commit in _context.Repository.CommitsMentioning(_mention, source, _context.Head))
        {
            if (_context.IsIgnored(commit))
                continue;
            if (!_fields.TryGetValue(commit, out var field))
                _fields[commit] = field = Named(commit.Message);
            if (field is { } named)
                yield return (commit, named);
        }
    }

    private IncrementStrategy? Named(string message)
    {
        foreach (var (pattern, field) in _patterns)
        {
            if (pattern.IsMatch(message))
                return field;
        }

        return null;
    }
}
