namespace Slipway.Versioning.Configuration;

internal static partial class ConfigurationBinder
{
    private const string UnknownBranch = "unknown";

    /// <summary>
    /// The <c>branches:</c> entries in matching order: the workflow's own (GitFlow: develop, main, release, feature,
    /// pull-request, hotfix, support), then keys the user added, <c>unknown</c> last. <c>is-source-branch-for</c> on a
    /// branch X adds X to the <c>source-branches</c> of each branch it names, as GitVersion does when it finalizes.
    /// </summary>
    private static IReadOnlyList<BranchConfiguration> BindBranches(ConfigSection branches, List<string> problems)
    {
        var names = branches.Map.Entries.Select(x => x.Key).ToList();
        var drafts = branches.Map.Entries.Select(x => new BranchDraft(x, branches.Section(x.Key))).ToList();

        foreach (var draft in drafts)
        {
            foreach (var target in draft.SourceFor)
            {
                if (drafts.FirstOrDefault(x => x.Name == target) is { } targetDraft)
                {
                    if (!targetDraft.Sources.Contains(draft.Name))
                        targetDraft.Sources.Add(draft.Name);
                }
                else
                    problems.Add(NotABranch(draft, "is-source-branch-for", target, names));
            }
        }

        foreach (var draft in drafts)
        {
            // A branch entry that is not a map was reported when it was read.
            if (draft.Entry.Value is ConfigMap && draft.Section.Map["regex"] is null or ConfigScalar { Value: null })
            {
                problems.Add($"{draft.Entry.KeyLocation}: branch configuration '{draft.Name}' has no 'regex', so no branch name can match it. " +
                             $"Add 'regex:' under 'branches.{draft.Name}'.{KeySuggestion.DidYouMean(draft.Name, names.Where(x => x != draft.Name), "branches.")}");
            }

            foreach (var source in draft.DeclaredSources.Where(x => !names.Contains(x)))
                problems.Add(NotABranch(draft, "source-branches", source, names));
        }

        return drafts
            .OrderBy(x => x.Name == UnknownBranch)
            .Select(x => x.Build())
            .ToList();
    }

    private static string NotABranch(BranchDraft draft, string key, string name, List<string> names)
    {
        var location = draft.Section.Map[key]?.Location ?? draft.Entry.KeyLocation;
        return $"{location}: 'branches.{draft.Name}.{key}' names '{name}', which is not a branch configuration; " +
               $"use keys of 'branches:' ({string.Join(", ", names)}).{KeySuggestion.DidYouMean(name, names)}";
    }

    /// <summary>One <c>branches.&lt;key&gt;</c> entry while its source branches are being completed.</summary>
    private sealed class BranchDraft
    {
        public BranchDraft(ConfigEntry entry, ConfigSection section)
        {
            Entry = entry;
            Section = section;
            DeclaredSources = section.List("source-branches") ?? [];
            Sources = [.. DeclaredSources];
            SourceFor = section.List("is-source-branch-for") ?? [];
        }

        public ConfigEntry Entry { get; }

        public string Name => Entry.Key;

        public ConfigSection Section { get; }

        public IReadOnlyList<string> DeclaredSources { get; }

        /// <summary>The declared sources plus every branch that names this one in <c>is-source-branch-for</c>.</summary>
        public List<string> Sources { get; }

        public IReadOnlyList<string> SourceFor { get; }

        public BranchConfiguration Build()
        {
            var preventIncrement = Section.Section("prevent-increment");
            _ = Section.Text("custom-version-format");
            return new BranchConfiguration
            {
                Name = Name,
                RegularExpression = Section.Regex("regex"),
                Label = Section.Text("label"),
                Increment = Section.Enum<IncrementStrategy>("increment"),
                Mode = Section.Enum<DeploymentMode>("mode", MainlineHint),
                PreventIncrementOfMergedBranch = preventIncrement.Bool("of-merged-branch"),
                PreventIncrementWhenBranchMerged = preventIncrement.Bool("when-branch-merged"),
                PreventIncrementWhenCurrentCommitTagged = preventIncrement.Bool("when-current-commit-tagged"),
                TrackMergeTarget = Section.Bool("track-merge-target"),
                TrackMergeMessage = Section.Bool("track-merge-message"),
                TracksReleaseBranches = Section.Bool("tracks-release-branches"),
                IsReleaseBranch = Section.Bool("is-release-branch"),
                IsMainBranch = Section.Bool("is-main-branch"),
                SourceBranches = Sources,
                IsSourceBranchFor = SourceFor,
                PreReleaseWeight = Section.Int("pre-release-weight"),
                CommitMessageIncrementing = Section.Enum<CommitMessageIncrementMode>("commit-message-incrementing"),
                LabelNumberPattern = Section.Regex("label-number-pattern"),
            };
        }
    }
}
