using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Slipway.Versioning;

/// <summary>GitVersion's output variables for one commit, with the names, order and JSON types of <c>gitversion /output json</c>.</summary>
public sealed class VersionVariables
{
    // Names in output order (alphabetical, as GitVersion 6 prints them), and which of them are JSON numbers.
    private static readonly string[] Names =
    [
        "AssemblySemFileVer", "AssemblySemVer", "BranchName", "BuildMetaData", "CommitDate", "CommitsSinceVersionSource", "EscapedBranchName",
        "FullBuildMetaData", "FullSemVer", "InformationalVersion", "Major", "MajorMinorPatch", "Minor", "Patch", "PreReleaseLabel",
        "PreReleaseLabelWithDash", "PreReleaseNumber", "PreReleaseTag", "PreReleaseTagWithDash", "SemVer", "Sha", "ShortSha",
        "UncommittedChanges", "VersionSourceDistance", "VersionSourceIncrement", "VersionSourceSemVer", "VersionSourceSha", "WeightedPreReleaseNumber",
    ];

    private static readonly HashSet<string> Numbers =
    [
        "BuildMetaData", "CommitsSinceVersionSource", "Major", "Minor", "Patch", "PreReleaseNumber", "UncommittedChanges", "VersionSourceDistance", "WeightedPreReleaseNumber",
    ];

    private readonly Dictionary<string, string?> _values;

    internal VersionVariables(Dictionary<string, string?> values) => _values = values;

    /// <summary>Every variable by name; numbers as invariant strings, absent values as null.</summary>
    public IReadOnlyDictionary<string, string?> Values => _values;

    /// <summary>A variable's value by name (null when absent).</summary>
    public string? this[string name] => _values.TryGetValue(name, out var value) ? value : null;

    /// <summary><c>major.minor.patch[-pre][+commits]</c>.</summary>
    public string FullSemVer => this["FullSemVer"]!;

    /// <summary><c>major.minor.patch[-pre]</c>.</summary>
    public string SemVer => this["SemVer"]!;

    /// <summary><c>major.minor.patch</c>.</summary>
    public string MajorMinorPatch => this["MajorMinorPatch"]!;

    /// <summary>The commit's full sha.</summary>
    public string Sha => this["Sha"]!;

    /// <summary>The number of commits since the version source.</summary>
    public int CommitsSinceVersionSource => int.Parse(this["CommitsSinceVersionSource"]!, CultureInfo.InvariantCulture);

    /// <summary>The branch name.</summary>
    public string BranchName => this["BranchName"]!;

    /// <summary>Changed, staged and untracked paths in the work tree (0 when unknown): an image built from them is not the commit's.</summary>
    public int UncommittedChanges => int.TryParse(this["UncommittedChanges"], NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : 0;

    /// <summary>The variables as GitVersion's JSON (indented, numbers as numbers, absent values as null).</summary>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            foreach (var name in Names)
            {
                var value = this[name];
                if (value is null || (Numbers.Contains(name) && value.Length == 0))
                    json.WriteNull(name);
                else if (Numbers.Contains(name))
                    json.WriteNumber(name, long.Parse(value, CultureInfo.InvariantCulture));
                else
                    json.WriteString(name, value);
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>The variables as a dotenv file: <c>GitVersion_Name='value'</c>, one per line, sorted by name.</summary>
    public string ToDotEnv()
    {
        var builder = new StringBuilder();
        foreach (var name in Names)
            builder.Append("GitVersion_").Append(name).Append("='").Append((this[name] ?? "").Replace("'", "'\\''")).Append("'\n");
        return builder.ToString();
    }
}
