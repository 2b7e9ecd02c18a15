namespace Slipway.Versioning.Configuration;

/// <summary>Turns a merged configuration tree into the typed <see cref="GitVersionConfiguration"/>, reporting every invalid value at once.</summary>
internal static partial class ConfigurationBinder
{
    private const string MainlineHint = " (GitVersion 5's Mainline mode is 'workflow: TrunkBased/preview1' in GitVersion 6)";

    /// <exception cref="ConfigurationException">A value, regex or branch reference is invalid; the message lists each one.</exception>
    public static GitVersionConfiguration Bind(ConfigMap merged, Provenance provenance)
    {
        var problems = new List<string>();
        var top = new ConfigSection(merged, "", problems);
        var preventIncrement = top.Section("prevent-increment");
        var ignore = top.Section("ignore");
        CheckUnusedRegexes(top, ignore);

        // Top-level keys unset in the merged tree (a workflow of '' or `key: ~`) keep the model's GitFlow defaults.
        var fallback = new GitVersionConfiguration();
        var configuration = new GitVersionConfiguration
        {
            Workflow = provenance.Workflow,
            Mode = top.Enum<DeploymentMode>("mode", MainlineHint) ?? fallback.Mode,
            Label = top.Text("label") ?? fallback.Label,
            Increment = top.Enum<IncrementStrategy>("increment") ?? fallback.Increment,
            NextVersion = top.Version("next-version"),
            TagPrefix = top.Regex("tag-prefix") ?? fallback.TagPrefix,
            VersionInBranchPattern = top.Regex("version-in-branch-pattern") ?? fallback.VersionInBranchPattern,
            MajorVersionBumpMessage = top.Regex("major-version-bump-message") ?? fallback.MajorVersionBumpMessage,
            MinorVersionBumpMessage = top.Regex("minor-version-bump-message") ?? fallback.MinorVersionBumpMessage,
            PatchVersionBumpMessage = top.Regex("patch-version-bump-message") ?? fallback.PatchVersionBumpMessage,
            NoBumpMessage = top.Regex("no-bump-message") ?? fallback.NoBumpMessage,
            CommitMessageIncrementing = top.Enum<CommitMessageIncrementMode>("commit-message-incrementing") ?? fallback.CommitMessageIncrementing,
            SemanticVersionFormat = top.Enum<SemanticVersionFormat>("semantic-version-format") ?? fallback.SemanticVersionFormat,
            PreventIncrementOfMergedBranch = preventIncrement.Bool("of-merged-branch") ?? fallback.PreventIncrementOfMergedBranch,
            PreventIncrementWhenBranchMerged = preventIncrement.Bool("when-branch-merged") ?? fallback.PreventIncrementWhenBranchMerged,
            PreventIncrementWhenCurrentCommitTagged = preventIncrement.Bool("when-current-commit-tagged") ?? fallback.PreventIncrementWhenCurrentCommitTagged,
            TrackMergeTarget = top.Bool("track-merge-target") ?? fallback.TrackMergeTarget,
            TrackMergeMessage = top.Bool("track-merge-message") ?? fallback.TrackMergeMessage,
            TracksReleaseBranches = top.Bool("tracks-release-branches") ?? fallback.TracksReleaseBranches,
            IsReleaseBranch = top.Bool("is-release-branch") ?? fallback.IsReleaseBranch,
            IsMainBranch = top.Bool("is-main-branch") ?? fallback.IsMainBranch,
            PreReleaseWeight = top.Int("pre-release-weight"),
            MergeMessageFormats = top.RegexMap("merge-message-formats"),
            IgnoreShas = ignore.List("sha") ?? [],
            IgnoreCommitsBefore = ignore.Date("commits-before"),
            IgnorePaths = ignore.List("paths", regex: true) ?? [],
            CommitDateFormat = top.DateFormat("commit-date-format") ?? fallback.CommitDateFormat,
            TagPreReleaseWeight = top.Int("tag-pre-release-weight") ?? fallback.TagPreReleaseWeight,
            Branches = BindBranches(top.Section("branches"), problems),
            Warnings = provenance.Warnings,
            Notes = provenance.Notes,
            SourceFile = provenance.SourceFile,
        };

        if (problems.Count > 0)
            throw Invalid(problems, provenance.SourceFile);
        return configuration;
    }

    // Keys Slipway does not use are still checked: a broken regex would break GitVersion on the same file.
    private static void CheckUnusedRegexes(ConfigSection top, ConfigSection ignore)
    {
        _ = top.Regex("version-bump-reset-message");
        _ = top.Regex("label-number-pattern");
        _ = top.Regex("regex");
        _ = ignore.List("tags", regex: true);
    }

    private static ConfigurationException Invalid(List<string> problems, string? sourceFile)
    {
        var where = sourceFile is null ? "The GitVersion configuration" : $"The GitVersion configuration in '{sourceFile}'";
        var message = $"{where} is not valid:\n  {string.Join("\n  ", problems)}\n" +
                      "Fix these values, or remove them to use the workflow's defaults.";
        return new ConfigurationException(message) { Problems = problems };
    }
}

/// <summary>Where a configuration came from, and what loading it said besides errors.</summary>
internal sealed record Provenance(string Workflow, string? SourceFile, IReadOnlyList<string> Warnings, IReadOnlyList<string> Notes);
