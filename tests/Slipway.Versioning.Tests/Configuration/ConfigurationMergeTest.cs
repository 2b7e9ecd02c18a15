using Slipway.Versioning.Configuration;

namespace Slipway.Versioning.Tests.Configuration;

public class ConfigurationMergeTest
{
    [Fact]
    public void TestMerge_OneFieldOfABranch()
    {
        var configuration = ConfigurationLoader.Parse("branches:\n  feature:\n    increment: Minor\n", "GitVersion.yml");
        var feature = configuration.Named("feature")!;

        Assert.Equal(IncrementStrategy.Minor, feature.Increment);
        Assert.Equal("{BranchName}", feature.Label);
        Assert.Equal(DeploymentMode.ManualDeployment, feature.Mode);
        Assert.Equal(@"^features?[\/-](?<BranchName>.+)", feature.RegularExpression);
        Assert.Equal(["develop", "main", "release", "support", "hotfix"], feature.SourceBranches);
        Assert.False(feature.PreventIncrementWhenCurrentCommitTagged);
        Assert.Equal(30000, feature.PreReleaseWeight);
    }

    [Fact]
    public void TestMerge_NestedMapMergesKeyByKey()
    {
        var configuration = ConfigurationLoader.Parse("branches:\n  release:\n    prevent-increment:\n      when-branch-merged: true\n", "GitVersion.yml");
        var release = configuration.Named("release")!;

        Assert.True(release.PreventIncrementWhenBranchMerged);
        Assert.True(release.PreventIncrementOfMergedBranch);
        Assert.False(release.PreventIncrementWhenCurrentCommitTagged);
    }

    [Fact]
    public void TestMerge_NewBranchBeforeUnknown()
    {
        const string yaml = """
            branches:
              unstable:
                regex: ^unstable[\/-](?<BranchName>.+)
                label: unstable
                increment: Minor
                source-branches: [develop]
            """;

        var configuration = ConfigurationLoader.Parse(yaml, "GitVersion.yml");

        Assert.Equal(
            ["develop", "main", "release", "feature", "pull-request", "hotfix", "support", "unstable", "unknown"],
            configuration.Branches.Select(x => x.Name));
        var unstable = configuration.Named("unstable")!;
        Assert.Equal("unstable", unstable.Label);
        Assert.Equal(IncrementStrategy.Minor, unstable.Increment);
        Assert.Equal(["develop"], unstable.SourceBranches);
        Assert.Null(unstable.Mode);
        Assert.Empty(unstable.IsSourceBranchFor!);
    }

    [Fact]
    public void TestMerge_ListIsReplaced()
    {
        var configuration = ConfigurationLoader.Parse("branches:\n  feature:\n    source-branches:\n    - develop\n", "GitVersion.yml");

        Assert.Equal(["develop"], configuration.Named("feature")!.SourceBranches);
        Assert.Empty(ConfigurationLoader.Parse("branches:\n  feature:\n    source-branches: []\n", "GitVersion.yml").Named("feature")!.SourceBranches!);
    }

    [Fact]
    public void TestMerge_NullUnsetsAValueAndKeepsAMap()
    {
        var defaults = Tree("a: 1\nlist: [x]\nmap:\n  b: 2\n  c: 3\n", "defaults");

        var merged = ConfigurationMerge.Merge(defaults, Tree("a: ~\nlist:\nmap:\nnew: ~\n"));

        Assert.Equal(["map"], merged.Entries.Select(x => x.Key));
        Assert.Equal(["b", "c"], ((ConfigMap)merged["map"]!).Entries.Select(x => x.Key));
    }

    [Fact]
    public void TestMerge_KeepsDefaultOrderAndAppendsNewKeys()
    {
        var merged = ConfigurationMerge.Merge(Tree("a: 1\nb: 2\n", "defaults"), Tree("c: 3\nb: 4\n"));

        Assert.Equal(["a", "b", "c"], merged.Entries.Select(x => x.Key));
        Assert.Equal("4", ((ConfigScalar)merged["b"]!).Value);
        Assert.Equal("override", merged.Entry("b")!.KeyLocation.Source);
        Assert.Equal("defaults", merged.Entry("a")!.KeyLocation.Source);
    }

    [Fact]
    public void TestMerge_ScalarReplacesMap()
    {
        var merged = ConfigurationMerge.Merge(Tree("map:\n  b: 2\n"), Tree("map: flat\n"));

        Assert.Equal("flat", ((ConfigScalar)merged["map"]!).Value);
    }

    private static ConfigMap Tree(string yaml, string source = "override") => YamlTreeReader.Read(yaml, source);
}
