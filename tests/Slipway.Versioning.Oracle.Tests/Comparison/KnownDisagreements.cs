namespace Slipway.Versioning.Oracle.Tests.Comparison;

/// <summary>
/// KnownDisagreements.txt: the disagreements the fixed seeds show today, one <see cref="Disagreement"/> line each. The
/// fixed-seed test fails on a line that is not there (a new disagreement) and on a line that no longer shows (a fix:
/// delete the line), so the file shrinks to empty as Slipway comes to agree with GitVersion.
/// </summary>
public static class KnownDisagreements
{
    /// <summary>The file in the project's source folder.</summary>
    public static string FilePath => Path.Combine(OracleSettings.ProjectDirectory, "KnownDisagreements.txt");

    private const string Header =
        "# Disagreements between GitVersion 6.8.2 and Slipway on the fixed seeds (DifferentialTest.FixedSeeds) that exist today.\n" +
        "# Delete a line when its fix lands; the test fails on a line that no longer shows and on any disagreement not listed.\n" +
        "# Rewrite the whole file: ORACLE_WRITE_BASELINE=1 dotnet test tests/Slipway.Versioning.Oracle.Tests --filter FullyQualifiedName~FixedSeeds\n";

    /// <summary>The lines of the file (comments and blank lines left out); empty when there is no file.</summary>
    public static IReadOnlySet<string> Read() =>
        File.Exists(FilePath)
            ? File.ReadAllLines(FilePath).Select(x => x.Trim()).Where(x => x.Length > 0 && !x.StartsWith('#')).ToHashSet(StringComparer.Ordinal)
            : new HashSet<string>();

    /// <summary>Rewrites the file with <paramref name="disagreements"/>.</summary>
    public static void Write(IEnumerable<Disagreement> disagreements) =>
        File.WriteAllText(FilePath, Header + string.Concat(disagreements.Select(x => x + "\n")));
}
