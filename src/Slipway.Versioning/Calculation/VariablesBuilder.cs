using System.Globalization;
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
        var fullMetadata = string.Join('.', new[] { metadata, "Branch", escapedBranch, "Sha", head.Sha }.Where(x => x.Length > 0));
        var weight = version.Number is { } number
            ? number + computed.Configuration.PreReleaseWeight
            : context.Configuration.TagPreReleaseWeight;
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
            ["VersionSourceIncrement"] = computed.Increment.ToString(),
            ["VersionSourceSemVer"] = computed.BaseVersion?.ToString(),
            ["VersionSourceSha"] = computed.Source?.Sha,
            ["WeightedPreReleaseNumber"] = I(weight),
        });
    }
}
