using Slipway.Versioning.Configuration;
using Slipway.Versioning.Git;

namespace Slipway.Versioning.Calculation;

/// <summary>
/// A base-version candidate: where it came from, the version, the commit commits are counted from (null: none),
/// and how it is incremented (null: used as it is).
/// </summary>
internal sealed record BaseVersion(string Origin, SemanticVersion Version, Commit? Source, VersionIncrement? Increment, EffectiveConfiguration Configuration)
{
    /// <summary>The version after applying <see cref="Increment"/>.</summary>
    public SemanticVersion Incremented => Increment is { } increment ? Apply(Version, increment.Field, increment.Label, increment.Alternative) : Version;

    /// <summary>
    /// GitVersion's increment: a pre-release base bumps only its number; a stable base bumps the field and starts number 1;
    /// a different label restarts at label.1. A higher <paramref name="alternative"/> (compared without pre-release) replaces major.minor.patch.
    /// </summary>
    public static SemanticVersion Apply(SemanticVersion version, IncrementStrategy field, string? label, SemanticVersion? alternative = null)
    {
        var hasPreRelease = !string.IsNullOrEmpty(version.Label) || version.Number is not null;
        var result = version;
        var number = version.Number;
        if (field == IncrementStrategy.None || hasPreRelease)
        {
            if (number is not null)
                number++;
        }
        else
        {
            result = version.Increment(field);
        }

        if (alternative is not null && result.Stable.CompareTo(alternative.Stable) < 0)
        {
            result = result with { Major = alternative.Major, Minor = alternative.Minor, Patch = alternative.Patch };
            // As GitVersion does: the pre-release number restarts only when no field was to be bumped.
            if (field == IncrementStrategy.None)
                number = 1;
        }

        string name;
        if (hasPreRelease)
        {
            name = version.Label ?? "";
        }
        else
        {
            name = "";
            number = 1;
        }

        if (label is not null && !string.Equals(name, label, StringComparison.Ordinal))
        {
            name = label;
            number = 1;
        }

        return result with { Label = name, Number = number };
    }
}

/// <summary>
/// How a candidate is incremented: the field, the label of the branch, and (GitVersion's "alternative semantic version") the highest
/// version tagged with another label newer than the candidate's tag, which the increment may not fall below.
/// </summary>
internal sealed record VersionIncrement(IncrementStrategy Field, string? Label, SemanticVersion? Alternative = null);
