namespace Slipway.Versioning.Oracle.Tests.History;

/// <summary>A <c>GitVersion.yml</c> the generator commits first (or none), and how version tags are named under it.</summary>
public sealed record ConfigurationVariant(string Name, string? Yaml, string TagPrefix)
{
    /// <summary>The variants, picked by seed in turn so every fixed seed set covers them all.</summary>
    public static readonly IReadOnlyList<ConfigurationVariant> All =
    [
        new("default", null, ""),
        new("tag-prefix", "tag-prefix: 'version-'\n", "version-"),
        new("next-version", "next-version: 2.0.0\n", ""),
        new("v-tags", null, "v"),
        new("overrides",
            "branches:\n  develop:\n    increment: Major\n  feature:\n    label: feat\n    increment: Patch\n  release:\n    label: rc\n  hotfix:\n    label: fix\n",
            ""),
    ];

    /// <summary>The variant of <paramref name="seed"/>.</summary>
    public static ConfigurationVariant ForSeed(int seed) => All[((seed % All.Count) + All.Count) % All.Count];
}
