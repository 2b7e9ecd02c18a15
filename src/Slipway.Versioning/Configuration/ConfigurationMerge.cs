namespace Slipway.Versioning.Configuration;

/// <summary>Deep-merges a user's configuration tree onto the workflow defaults, as GitVersion does with <c>GitVersion.yml</c>.</summary>
internal static class ConfigurationMerge
{
    /// <summary>
    /// Maps merge key by key (recursively); lists and single values replace the default; keys the defaults lack are
    /// appended in the user's order (so a new <c>branches.&lt;key&gt;</c> follows the built-in ones). A null value unsets
    /// a single value or a list (the field then inherits) and leaves a default map as it is (<c>feature:</c> with nothing under it).
    /// </summary>
    public static ConfigMap Merge(ConfigMap defaults, ConfigMap overrides)
    {
        var entries = new List<ConfigEntry>(defaults.Entries);
        foreach (var entry in overrides.Entries)
        {
            var index = entries.FindIndex(x => x.Key == entry.Key);
            var existing = index >= 0 ? entries[index].Value : null;
            var merged = (existing, entry.Value) switch
            {
                (ConfigMap map, ConfigScalar { Value: null }) => map,
                (ConfigMap map, ConfigMap other) => Merge(map, other),
                (_, ConfigScalar { Value: null }) => null,
                _ => entry.Value,
            };

            if (merged is null)
            {
                if (index >= 0)
                    entries.RemoveAt(index);
            }
            else if (index >= 0)
                entries[index] = entry with { Value = merged };
            else
                entries.Add(entry with { Value = merged });
        }

        return new ConfigMap(entries, overrides.Location);
    }
}
