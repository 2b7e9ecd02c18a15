using System.Text.RegularExpressions;

namespace Slipway.Versioning.Calculation;

/// <summary>The version in a release or hotfix branch's name (<c>release/1.2.0</c>, <c>release-2.0.0</c>): not bumped, labelled, counted from another candidate's source.</summary>
internal static class BranchNameStrategy
{
    public static IEnumerable<BaseVersion> Get(VersionContext context, EffectiveConfiguration configuration)
    {
        if (!configuration.IsReleaseBranch)
            yield break;
        var names = new List<string> { context.BranchName };
        if (configuration.SourceBranch is { } source)
            names.Add(source.FriendlyName);
        foreach (var name in names)
        {
            if (VersionInName(context, name) is { } version)
            {
                yield return new BaseVersion($"Version in branch name '{name}'", version, null, new VersionIncrement(Configuration.IncrementStrategy.None, context.Label(configuration)), configuration);
                yield break;
            }
        }
    }

    /// <summary>The first segment of the branch name (split at <c>/</c>, or at <c>-</c> when there is no <c>/</c>) that starts with a version.</summary>
    public static SemanticVersion? VersionInName(VersionContext context, string branchName)
    {
        var name = Configuration.BranchMatcher.ShortName(branchName);
        var segments = name.Contains('/') ? name.Split('/') : name.Split('-');
        var pattern = Configuration.BranchMatcher.Regex("^" + context.Configuration.VersionInBranchPattern);
        for (var i = 1; i < segments.Length; i++)
        {
            // With '-' separators the version may itself contain '-' (release-2.0.0-beta): try the rest of the name too.
            var candidate = name.Contains('/') ? segments[i] : string.Join('-', segments[i..]);
            var match = pattern.Match(candidate);
            if (!match.Success)
                continue;
            var text = match.Groups["version"].Success ? match.Groups["version"].Value : match.Value;
            // GitVersion parses it as it parses a tag, with the tag prefix: a prefix that must be there (version-) leaves branch names without versions.
            if (SemanticVersion.TryParse(text, context.Configuration.TagPrefix, context.Configuration.SemanticVersionFormat, out var version))
                return version;
        }

        return null;
    }
}
