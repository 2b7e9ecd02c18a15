using Slipway.Versioning.Configuration;

namespace Slipway.Versioning.Tests.Configuration;

public partial class ConfigurationLoaderTest
{
    [Fact]
    public void TestParse_UnknownKeysWarnWithTheirPathAndASuggestion()
    {
        const string yaml = """
            tag-prefx: v
            prevent-increment:
              of-merged-branches: true
            ignore:
              shas: []
            branches:
              feature:
                lable: f
                prevent-increment:
                  when-tagged: true
              develop:
                colour: blue
            """;

        var configuration = ConfigurationLoader.Parse(yaml, "GitVersion.yml");

        Assert.Equal(
            [
                "'GitVersion.yml' line 1, column 1: unknown key 'tag-prefx' is ignored. Did you mean 'tag-prefix'?",
                "'GitVersion.yml' line 3, column 3: unknown key 'prevent-increment.of-merged-branches' is ignored. Did you mean 'prevent-increment.of-merged-branch'?",
                "'GitVersion.yml' line 5, column 3: unknown key 'ignore.shas' is ignored. Did you mean 'ignore.sha'?",
                "'GitVersion.yml' line 8, column 5: unknown key 'branches.feature.lable' is ignored. Did you mean 'branches.feature.label'?",
                "'GitVersion.yml' line 10, column 7: unknown key 'branches.feature.prevent-increment.when-tagged' is ignored.",
                "'GitVersion.yml' line 12, column 5: unknown key 'branches.develop.colour' is ignored.",
            ],
            configuration.Warnings);
        Assert.Equal("[vV]?", configuration.TagPrefix);
        Assert.Equal("{BranchName}", configuration.Named("feature")!.Label);
    }

    [Fact]
    public void TestParse_GitVersion5KeysSayTheirNewName()
    {
        const string yaml = """
            continuous-delivery-fallback-tag: ci
            branches:
              main:
                tag: ''
                is-mainline: true
                prevent-increment-of-merged-branch-version: true
            """;

        var configuration = ConfigurationLoader.Parse(yaml, "GitVersion.yml");

        Assert.Equal(
            [
                "'GitVersion.yml' line 1, column 1: 'continuous-delivery-fallback-tag' was removed in GitVersion 6 and is ignored; delete it.",
                "'GitVersion.yml' line 4, column 5: 'branches.main.tag' is a GitVersion 5 key and is ignored; GitVersion 6 calls it 'label'.",
                "'GitVersion.yml' line 5, column 5: 'branches.main.is-mainline' is a GitVersion 5 key and is ignored; GitVersion 6 calls it 'is-main-branch'.",
                "'GitVersion.yml' line 6, column 5: 'branches.main.prevent-increment-of-merged-branch-version' is a GitVersion 5 key and is ignored; GitVersion 6 calls it 'prevent-increment: of-merged-branch'.",
            ],
            configuration.Warnings);
    }

    [Fact]
    public void TestParse_AcceptedKeysDoNotWarn()
    {
        const string yaml = """
            assembly-versioning-scheme: MajorMinor
            assembly-file-versioning-scheme: MajorMinorPatchTag
            assembly-informational-format: '{InformationalVersion}'
            assembly-versioning-format: '{Major}.{Minor}'
            assembly-file-versioning-format: '{Major}.{Minor}.{Patch}.{WeightedPreReleaseNumber ?? 0}'
            update-build-number: false
            strategies: [Fallback, TaggedCommit]
            ignore:
              tags: ['^old-']
            branches:
              main:
                custom-version-format: '{SemVer}'
            """;

        var configuration = ConfigurationLoader.Parse(yaml, "GitVersion.yml");

        Assert.Empty(configuration.Warnings);
        Assert.Equal(9, configuration.Notes.Count);
        Assert.Equal("'GitVersion.yml' line 1, column 1: 'assembly-versioning-scheme' is accepted, not used by Slipway.", configuration.Notes[0]);
        Assert.Equal("'GitVersion.yml' line 12, column 5: 'branches.main.custom-version-format' is accepted, not used by Slipway.", configuration.Notes[^1]);
    }

    [Fact]
    public void TestParse_WorkflowDefaultsKeysAreAllKnown()
    {
        foreach (var workflow in ConfigurationLoader.Workflows)
        {
            var resource = typeof(ConfigurationLoader).Assembly.GetManifestResourceStream($"Slipway.Versioning.Configuration.Workflows.{workflow.Replace('/', '.')}.yml")!;
            var configuration = ConfigurationLoader.Parse(new StreamReader(resource).ReadToEnd(), workflow);

            Assert.Empty(configuration.Warnings);
            Assert.Contains(configuration.Notes, x => x.Contains("'strategies' is accepted, not used"));
        }
    }
}
