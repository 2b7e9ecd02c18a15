namespace Slipway;

/// <summary>Marks a field or property as a build parameter, set from the command line, environment or parameter files.</summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public sealed class ParameterAttribute(string? description = null) : Attribute
{
    /// <summary>The one-line description shown by --help and in the schema.</summary>
    public string? Description { get; } = description;

    /// <summary>Overrides the parameter name (default: the member name).</summary>
    public string? Name { get; init; }

    /// <summary>Characters that split a single environment variable or file string into list items (default: comma and whitespace).</summary>
    public string? Separators { get; init; }
}

/// <summary>Marks a parameter as secret: never printed, masked in every log line, stored encrypted in parameter files.</summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public sealed class SecretAttribute : Attribute;
