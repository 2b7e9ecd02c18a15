namespace Slipway.Versioning.Oracle.Tests.Comparison;

/// <summary>
/// Groups disagreements for the report: the branch kind HEAD is on and the most telling variable that differs (a wrong
/// version before a wrong count before a wrong source, ...), so one fix in Slipway clears one kind.
/// </summary>
public static class DisagreementKind
{
    private static readonly string[] Priority =
    [
        Disagreement.ResultVariable, "MajorMinorPatch", "PreReleaseLabel", "PreReleaseNumber", "CommitsSinceVersionSource", "VersionSourceSha",
        "BranchName", "VersionSourceSemVer", "VersionSourceIncrement", "VersionSourceDistance", "WeightedPreReleaseNumber", "FullBuildMetaData",
    ];

    /// <summary>The kind of a checkpoint's disagreements ("release: CommitsSinceVersionSource"), or null when there are none.</summary>
    public static string? Of(CheckpointResult result)
    {
        if (result.Disagreements.Count == 0)
            return null;
        var variables = result.Disagreements.Select(x => x.Variable).ToHashSet(StringComparer.Ordinal);
        var primary = Priority.FirstOrDefault(variables.Contains) ?? variables.Order(StringComparer.Ordinal).First();
        return $"{result.Head.Kind}: {primary}";
    }
}
