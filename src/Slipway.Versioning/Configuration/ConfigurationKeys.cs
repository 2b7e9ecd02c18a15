namespace Slipway.Versioning.Configuration;

/// <summary>The keys GitVersion 6 knows at each level of <c>GitVersion.yml</c>: those Slipway reads, those it accepts without using, and GitVersion 5 names that were renamed.</summary>
internal static class ConfigurationKeys
{
    /// <summary>Keys valid both at the top level and in a <c>branches.&lt;key&gt;</c> entry.</summary>
    public static readonly IReadOnlyList<string> BranchKeys =
    [
        "mode", "label", "increment", "prevent-increment", "track-merge-target", "track-merge-message",
        "commit-message-incrementing", "regex", "source-branches", "is-source-branch-for", "tracks-release-branches",
        "is-release-branch", "is-main-branch", "pre-release-weight", "label-number-pattern",
    ];

    /// <summary>Keys valid only at the top level.</summary>
    public static readonly IReadOnlyList<string> GlobalKeys =
    [
        "workflow", "next-version", "tag-prefix", "version-in-branch-pattern", "major-version-bump-message",
        "minor-version-bump-message", "patch-version-bump-message", "no-bump-message", "tag-pre-release-weight",
        "commit-date-format", "merge-message-formats", "semantic-version-format", "ignore", "branches",
    ];

    /// <summary>Top-level keys GitVersion knows that Slipway reads without using: they never warn, and a user file that sets one gets a note.</summary>
    public static readonly IReadOnlyList<string> AcceptedGlobalKeys =
    [
        "assembly-versioning-scheme", "assembly-file-versioning-scheme", "assembly-informational-format",
        "assembly-versioning-format", "assembly-file-versioning-format", "update-build-number", "strategies",
        "custom-version-format", "version-bump-reset-message",
    ];

    /// <summary>Branch-level keys Slipway accepts without using.</summary>
    public static readonly IReadOnlyList<string> AcceptedBranchKeys = ["custom-version-format"];

    /// <summary>Top-level keys that only make sense per branch; the built-in workflows set them, and Slipway does not use them at the top.</summary>
    public static readonly IReadOnlyList<string> BranchOnlyKeys = ["regex", "source-branches", "is-source-branch-for", "label-number-pattern"];

    public static readonly IReadOnlyList<string> PreventIncrementKeys = ["of-merged-branch", "when-branch-merged", "when-current-commit-tagged"];

    public static readonly IReadOnlyList<string> IgnoreKeys = ["sha", "commits-before", "paths"];

    /// <summary><c>ignore</c> keys Slipway accepts without using.</summary>
    public static readonly IReadOnlyList<string> AcceptedIgnoreKeys = ["tags"];

    /// <summary>GitVersion 5 (and 6.0 preview) keys and their GitVersion 6 names, for a precise warning.</summary>
    public static readonly IReadOnlyDictionary<string, string> Renamed = new Dictionary<string, string>
    {
        ["tag"] = "label",
        ["tag-number-pattern"] = "label-number-pattern",
        ["is-mainline"] = "is-main-branch",
        ["prevent-increment-of-merged-branch-version"] = "prevent-increment: of-merged-branch",
        ["prevent-increment-of-merged-branch"] = "prevent-increment: of-merged-branch",
        ["prevent-increment-when-branch-merged"] = "prevent-increment: when-branch-merged",
        ["prevent-increment-when-current-commit-tagged"] = "prevent-increment: when-current-commit-tagged",
    };

    /// <summary>GitVersion 5 keys that GitVersion 6 dropped.</summary>
    public static readonly IReadOnlyList<string> Removed =
    [
        "continuous-delivery-fallback-tag", "legacy-semver-padding", "build-metadata-padding", "commits-since-version-source-padding",
    ];

    /// <summary>Keys whose values are regular expressions (each item, for lists and maps), validated when loading.</summary>
    public static readonly IReadOnlyList<string> RegexKeys =
    [
        "regex", "tag-prefix", "version-in-branch-pattern", "major-version-bump-message", "minor-version-bump-message",
        "patch-version-bump-message", "no-bump-message", "version-bump-reset-message", "label-number-pattern",
    ];
}
