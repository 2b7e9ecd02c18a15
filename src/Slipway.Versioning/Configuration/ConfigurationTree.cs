namespace Slipway.Versioning.Configuration;

/// <summary>Where a configuration value was written: a file (or a built-in workflow) and, when known, its line and column.</summary>
internal readonly record struct SourceLocation(string Source, int Line = 0, int Column = 0)
{
    public override string ToString() => Line > 0 ? $"'{Source}' line {Line}, column {Column}" : $"'{Source}'";
}

/// <summary>A node of a parsed YAML configuration: a map, a list or a single value; untyped until bound.</summary>
internal abstract class ConfigNode(SourceLocation location)
{
    public SourceLocation Location { get; } = location;

    /// <summary>How the node reads in a message: a value as written, a map or a list by its kind.</summary>
    public abstract string Describe();
}

/// <summary>A single value; <see cref="Value"/> is null for <c>~</c>, <c>null</c> or nothing.</summary>
internal sealed class ConfigScalar(string? value, SourceLocation location) : ConfigNode(location)
{
    public string? Value { get; } = value;

    public override string Describe() => Value is null ? "null" : $"'{Value}'";
}

/// <summary>A YAML sequence.</summary>
internal sealed class ConfigList(IReadOnlyList<ConfigNode> items, SourceLocation location) : ConfigNode(location)
{
    public IReadOnlyList<ConfigNode> Items { get; } = items;

    public override string Describe() => "a list";
}

/// <summary>One <c>key: value</c> of a map, with where the key was written.</summary>
internal sealed record ConfigEntry(string Key, SourceLocation KeyLocation, ConfigNode Value);

/// <summary>A YAML mapping, keys in the order they were written.</summary>
internal sealed class ConfigMap(IReadOnlyList<ConfigEntry> entries, SourceLocation location) : ConfigNode(location)
{
    public static ConfigMap Empty(string source) => new([], new SourceLocation(source));

    public IReadOnlyList<ConfigEntry> Entries { get; } = entries;

    public ConfigEntry? Entry(string key) => Entries.FirstOrDefault(x => x.Key == key);

    public ConfigNode? this[string key] => Entry(key)?.Value;

    public override string Describe() => "a map";
}
