using System.Globalization;
using System.Text.RegularExpressions;
using Slipway.Versioning.Configuration;

namespace Slipway.Versioning;

/// <summary>A semantic version as GitVersion models it: <c>major.minor.patch[-label.number][+metadata]</c>.</summary>
public sealed partial record SemanticVersion : IComparable<SemanticVersion>
{
    /// <summary>Creates a version.</summary>
    public SemanticVersion(long major, long minor, long patch, string? label = null, long? number = null)
    {
        Major = major;
        Minor = minor;
        Patch = patch;
        Label = label;
        Number = number;
    }

    /// <summary>The major version.</summary>
    public long Major { get; init; }

    /// <summary>The minor version.</summary>
    public long Minor { get; init; }

    /// <summary>The patch version.</summary>
    public long Patch { get; init; }

    /// <summary>The pre-release label (<c>beta</c>), empty for a number-only pre-release (<c>1.1.0-5</c>), null for a stable version.</summary>
    public string? Label { get; init; }

    /// <summary>The pre-release number, or null.</summary>
    public long? Number { get; init; }

    /// <summary>True when the version has a pre-release part.</summary>
    public bool IsPreRelease => Label is not null || Number is not null;

    /// <summary><c>major.minor.patch</c>.</summary>
    public string MajorMinorPatch => $"{Major}.{Minor}.{Patch}";

    /// <summary>The pre-release tag: <c>label.number</c>, <c>number</c> when the label is empty, <c>label</c> without a number, or empty.</summary>
    public string PreReleaseTag => !IsPreRelease ? ""
        : string.IsNullOrEmpty(Label) ? Number?.ToString(CultureInfo.InvariantCulture) ?? ""
        : Number is { } number ? $"{Label}.{number.ToString(CultureInfo.InvariantCulture)}" : Label;

    /// <summary>The same version without its pre-release part.</summary>
    public SemanticVersion Stable => this with { Label = null, Number = null };

    private const string DefaultTagPrefix = "[vV]?"; // GitVersion's tag-prefix when the configuration names none

    /// <summary>Parses a version, e.g. from a tag with its prefix: <c>v1.2.3-beta.4</c>. Strict needs all three numbers; loose accepts 1 to 4.</summary>
    public static bool TryParse(string text, string? tagPrefix, SemanticVersionFormat format, out SemanticVersion? version)
    {
        version = null;
        var value = text.Trim();
        if (tagPrefix == DefaultTagPrefix)
        {
            // The default prefix without a regex: a version computation parses every tag with it.
            if (value.StartsWith('v') || value.StartsWith('V'))
                value = value[1..];
        }
        else if (!string.IsNullOrEmpty(tagPrefix))
        {
            // As GitVersion: a tag must start with the prefix (the default [vV]? also matches nothing), in any case.
            var prefix = Regex.Match(value, "^(" + tagPrefix + ")", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
            if (!prefix.Success)
                return false;
            value = value[prefix.Length..];
        }

        var match = (format == SemanticVersionFormat.Strict ? StrictPattern() : LoosePattern()).Match(value);
        if (!match.Success)
            return false;
        if (!long.TryParse(match.Groups["major"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var major))
            return false;
        var minor = ParseOptional(match.Groups["minor"]);
        var patch = ParseOptional(match.Groups["patch"]);
        if (minor is null || patch is null)
            return false;
        string? label = null;
        long? number = null;
        if (match.Groups["pre"].Success)
            (label, number) = ParsePreRelease(match.Groups["pre"].Value);
        version = new SemanticVersion(major, minor.Value, patch.Value, label, number);
        return true;
    }

    /// <summary>Parses or throws <see cref="FormatException"/> naming the text.</summary>
    public static SemanticVersion Parse(string text, string? tagPrefix = null, SemanticVersionFormat format = SemanticVersionFormat.Strict) =>
        TryParse(text, tagPrefix, format, out var version)
            ? version!
            : throw new FormatException($"'{text}' is not a semantic version. Expected major.minor.patch, e.g. 1.2.0 or 1.2.0-beta.1.");

    /// <summary>Splits a pre-release tag into label and number as GitVersion does (<c>beta.4</c>, <c>beta4</c>, <c>4</c>).</summary>
    public static (string Label, long? Number) ParsePreRelease(string tag)
    {
        var match = PreReleasePattern().Match(tag);
        var label = match.Groups["label"].Value;
        long? number = match.Groups["number"].Success && long.TryParse(match.Groups["number"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
        return (label, number);
    }

    /// <summary>Bumps a field: lower fields reset and the pre-release is dropped; <see cref="IncrementStrategy.None"/> and Inherit change nothing.</summary>
    public SemanticVersion Increment(IncrementStrategy field) => field switch
    {
        IncrementStrategy.Major => new SemanticVersion(Major + 1, 0, 0),
        IncrementStrategy.Minor => new SemanticVersion(Major, Minor + 1, 0),
        IncrementStrategy.Patch => new SemanticVersion(Major, Minor, Patch + 1),
        _ => this,
    };

    /// <inheritdoc />
    public int CompareTo(SemanticVersion? other)
    {
        if (other is null)
            return 1;
        var result = Major.CompareTo(other.Major);
        if (result == 0)
            result = Minor.CompareTo(other.Minor);
        if (result == 0)
            result = Patch.CompareTo(other.Patch);
        if (result != 0)
            return result;
        if (IsPreRelease != other.IsPreRelease)
            return IsPreRelease ? -1 : 1;
        result = string.Compare(Label ?? "", other.Label ?? "", StringComparison.OrdinalIgnoreCase);
        return result != 0 ? result : (Number ?? 0).CompareTo(other.Number ?? 0);
    }

    /// <summary>Whether this version sorts after <paramref name="other"/>.</summary>
    public bool IsGreaterThan(SemanticVersion other) => CompareTo(other) > 0;

    /// <summary><c>major.minor.patch[-pre-release tag]</c>.</summary>
    public override string ToString() => IsPreRelease ? $"{MajorMinorPatch}-{PreReleaseTag}" : MajorMinorPatch;

    private static long? ParseOptional(Group group) =>
        !group.Success ? 0 : long.TryParse(group.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    [GeneratedRegex(@"^(?<major>0|[1-9]\d*)\.(?<minor>0|[1-9]\d*)\.(?<patch>0|[1-9]\d*)(?:-(?<pre>[0-9A-Za-z\-\.]+))?(?:\+(?<meta>[0-9A-Za-z\-\.]+))?$", RegexOptions.CultureInvariant)]
    private static partial Regex StrictPattern();

    [GeneratedRegex(@"^(?<major>\d+)(?:\.(?<minor>\d+))?(?:\.(?<patch>\d+))?(?:\.(?<fourth>\d+))?(?:-(?<pre>[0-9A-Za-z\-\.]+))?(?:\+(?<meta>[0-9A-Za-z\-\.]+))?$", RegexOptions.CultureInvariant)]
    private static partial Regex LoosePattern();

    [GeneratedRegex(@"^(?<label>.*?)\.?(?<number>\d+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex PreReleasePattern();
}
