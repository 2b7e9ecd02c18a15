using System.Globalization;
using System.Text.RegularExpressions;
using Slipway.Versioning.Configuration;
using Slipway.Versioning.Git;

namespace Slipway.Versioning.Calculation;

/// <summary>Derives every output variable from a computed version, as GitVersion formats them.</summary>
internal static class VariablesBuilder
{
    public static VersionVariables Build(VersionContext context, ComputedVersion computed, int uncommittedChanges)
    {
        var version = computed.Version;
        var head = context.Head;
        var branch = context.BranchName;
        var escapedBranch = VersionContext.Escape(branch);
        var preReleaseTag = version.PreReleaseTag;
        var semVer = version.ToString();
        var metadata = computed.BuildMetaData?.ToString(CultureInfo.InvariantCulture) ?? "";
        // Build metadata may hold dots, so GitVersion keeps them there (Branch.hotfix-0.1.1) where EscapedBranchName has none.
        var metadataBranch = Regex.Replace(branch, "[^0-9A-Za-z.-]", "-");
        var fullMetadata = string.Join('.', new[] { metadata, "Branch", metadataBranch, "Sha", head.Sha }.Where(x => x.Length > 0));
        // GitVersion weighs with the current branch's own setting (or the top level's), never one inherited from the branch it came from.
        var ownWeight = context.BranchConfiguration.PreReleaseWeight ?? context.Configuration.PreReleaseWeight ?? 0;
        var weight = version.Number is { } number ? number + ownWeight : context.Configuration.TagPreReleaseWeight;
        var label = version.Label ?? "";
        string I(long value) => value.ToString(CultureInfo.InvariantCulture);
        return new VersionVariables(new Dictionary<string, string?>
        {
            ["AssemblySemFileVer"] = $"{version.MajorMinorPatch}.0",
            ["AssemblySemVer"] = $"{version.MajorMinorPatch}.0",
            ["BranchName"] = branch,
            ["BuildMetaData"] = metadata,
            ["CommitDate"] = head.Time.UtcDateTime.ToString(context.Configuration.CommitDateFormat, CultureInfo.InvariantCulture),
            ["CommitsSinceVersionSource"] = I(computed.CommitsSinceSource),
            ["EscapedBranchName"] = escapedBranch,
            ["FullBuildMetaData"] = fullMetadata,
            ["FullSemVer"] = metadata.Length > 0 ? $"{semVer}+{metadata}" : semVer,
            ["InformationalVersion"] = $"{semVer}+{fullMetadata}",
            ["Major"] = I(version.Major),
            ["MajorMinorPatch"] = version.MajorMinorPatch,
            ["Minor"] = I(version.Minor),
            ["Patch"] = I(version.Patch),
            ["PreReleaseLabel"] = label,
            ["PreReleaseLabelWithDash"] = label.Length > 0 ? "-" + label : "",
            ["PreReleaseNumber"] = version.Number is { } n ? I(n) : "",
            ["PreReleaseTag"] = preReleaseTag,
            ["PreReleaseTagWithDash"] = preReleaseTag.Length > 0 ? "-" + preReleaseTag : "",
            ["SemVer"] = semVer,
            ["Sha"] = head.Sha,
            ["ShortSha"] = head.ShortSha,
            ["UncommittedChanges"] = I(uncommittedChanges),
            ["VersionSourceDistance"] = I(computed.CommitsSinceSource),
            // GitVersion 6.8.2 rebuilds the chosen base version without its increment before writing this: it is always None.
            ["VersionSourceIncrement"] = nameof(IncrementStrategy.None),
            ["VersionSourceSemVer"] = computed.BaseVersion?.ToString(),
            ["VersionSourceSha"] = computed.Source?.Sha ?? "",
            ["WeightedPreReleaseNumber"] = I(weight),
        });
    }
}
