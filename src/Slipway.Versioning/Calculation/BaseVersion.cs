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
    public SemanticVersion Incremented => Increment is { } increment ? Apply(Version, increment.Field, increment.Label) : Version;

    /// <summary>
    /// GitVersion's increment: a pre-release base bumps only its number; a stable base bumps the field and starts number 1;
    /// a different label restarts at label.1.
    /// </summary>
    public static SemanticVersion Apply(SemanticVersion version, IncrementStrategy field, string? label)
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

/// <summary>How a candidate is incremented: the field and the label of the branch.</summary>
internal sealed record VersionIncrement(IncrementStrategy Field, string? Label);
