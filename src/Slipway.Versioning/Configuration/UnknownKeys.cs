using static Slipway.Versioning.Configuration.ConfigurationKeys;

namespace Slipway.Versioning.Configuration;

/// <summary>Finds the keys of a user's configuration that GitVersion 6 does not know (warnings) and those Slipway accepts without using (notes); never an error.</summary>
internal static class UnknownKeys
{
    private static readonly string[] TopLevelUsed = [.. GlobalKeys, .. BranchKeys.Except(BranchOnlyKeys)];
    private static readonly string[] TopLevelAccepted = [.. AcceptedGlobalKeys, .. BranchOnlyKeys];

    public static void Check(ConfigMap root, ICollection<string> warnings, ICollection<string> notes)
    {
        var report = new Report(warnings, notes);
        report.Level(root, "", TopLevelUsed, TopLevelAccepted, (entry, path) =>
        {
            switch (entry.Key)
            {
                case "prevent-increment" when entry.Value is ConfigMap map:
                    report.Level(map, path, PreventIncrementKeys, []);
                    break;
                case "ignore" when entry.Value is ConfigMap map:
                    report.Level(map, path, IgnoreKeys, AcceptedIgnoreKeys);
                    break;
                case "branches" when entry.Value is ConfigMap branches:
                    foreach (var branch in branches.Entries.Where(x => x.Value is ConfigMap))
                        report.Branch((ConfigMap)branch.Value, $"branches.{branch.Key}");
                    break;
            }
        });
    }

    private sealed class Report(ICollection<string> warnings, ICollection<string> notes)
    {
        public void Branch(ConfigMap map, string path) =>
            Level(map, path, BranchKeys, AcceptedBranchKeys, (entry, entryPath) =>
            {
                if (entry is { Key: "prevent-increment", Value: ConfigMap preventIncrement })
                    Level(preventIncrement, entryPath, PreventIncrementKeys, []);
            });

        public void Level(
            ConfigMap map,
            string path,
            IReadOnlyList<string> used,
            IReadOnlyList<string> accepted,
            Action<ConfigEntry, string>? nested = null)
        {
            var prefix = path.Length == 0 ? "" : path + ".";
            foreach (var entry in map.Entries)
            {
                var entryPath = prefix + entry.Key;
                if (used.Contains(entry.Key))
                    nested?.Invoke(entry, entryPath);
                else if (accepted.Contains(entry.Key))
                    notes.Add($"{entry.KeyLocation}: '{entryPath}' is accepted, not used by Slipway.");
                else if (Renamed.TryGetValue(entry.Key, out var renamed))
                    warnings.Add($"{entry.KeyLocation}: '{entryPath}' is a GitVersion 5 key and is ignored; GitVersion 6 calls it '{renamed}'.");
                else if (Removed.Contains(entry.Key))
                    warnings.Add($"{entry.KeyLocation}: '{entryPath}' was removed in GitVersion 6 and is ignored; delete it.");
                else
                    warnings.Add($"{entry.KeyLocation}: unknown key '{entryPath}' is ignored.{KeySuggestion.DidYouMean(entry.Key, [.. used, .. accepted], prefix)}");
            }
        }
    }
}
