using Slipway.Versioning.Configuration;

namespace Slipway.Versioning.Tests.Configuration;

public partial class ConfigurationLoaderTest
{
    [Fact]
    public void TestParse_MalformedYamlNamesFileLineAndColumn()
    {
        const string yaml = "branches:\n  feature:\n    label: 'unclosed\n    increment: Minor\n";

        var exception = Assert.Throws<ConfigurationException>(() => ConfigurationLoader.Parse(yaml, "GitVersion.yml"));

        Assert.Equal(
            "'GitVersion.yml' line 3, column 12: not valid YAML: While scanning a quoted scalar, found unexpected end of stream. " +
            "Fix the syntax there (indentation, a missing ':' or an unclosed quote or bracket).",
            exception.Message);
        Assert.IsType<YamlDotNet.Core.YamlException>(exception.InnerException, exactMatch: false);
    }

    [Fact]
    public void TestParse_MalformedIndentationPosition()
    {
        const string yaml = "branches:\n  feature:\n    label: x\n   increment: Minor\n";

        var exception = Assert.Throws<ConfigurationException>(() => ConfigurationLoader.Parse(yaml, "GitVersion.yml"));

        Assert.StartsWith("'GitVersion.yml' line 4, column 4: not valid YAML: ", exception.Message);
    }

    [Fact]
    public void TestParse_DuplicateKeyIsMalformed()
    {
        var exception = Assert.Throws<ConfigurationException>(() => ConfigurationLoader.Parse("mode: ManualDeployment\nmode: ContinuousDelivery\n", "GitVersion.yml"));

        Assert.StartsWith("'GitVersion.yml' line 2, column 1: not valid YAML: ", exception.Message);
    }

    [Fact]
    public void TestParse_TopLevelMustBeAMap()
    {
        var exception = Assert.Throws<ConfigurationException>(() => ConfigurationLoader.Parse("- a\n- b\n", "GitVersion.yml"));

        Assert.Equal("'GitVersion.yml' line 1, column 1: the configuration must be a map of keys such as 'workflow:' and 'branches:', not a list.", exception.Message);
    }

    [Fact]
    public void TestParse_BadEnumValueNamesKeyValueAndAllowedValues()
    {
        const string yaml = "branches:\n  feature:\n    increment: Sideways\n";

        var exception = Assert.Throws<ConfigurationException>(() => ConfigurationLoader.Parse(yaml, "GitVersion.yml"));

        Assert.Equal(
            "The GitVersion configuration in 'GitVersion.yml' is not valid:\n" +
            "  'GitVersion.yml' line 3, column 16: 'branches.feature.increment' is 'Sideways'; use one of None, Major, Minor, Patch, Inherit.\n" +
            "Fix these values, or remove them to use the workflow's defaults.",
            exception.Message);
    }

    [Fact]
    public void TestParse_MainlineModeSaysWhatReplacedIt()
    {
        var exception = Assert.Throws<ConfigurationException>(() => ConfigurationLoader.Parse("mode: Mainline", "GitVersion.yml"));

        Assert.Contains("'mode' is 'Mainline'; use one of ManualDeployment, ContinuousDelivery, ContinuousDeployment", exception.Message);
        Assert.Contains("workflow: TrunkBased/preview1", exception.Message);
    }

    [Fact]
    public void TestParse_EveryInvalidValueIsListed()
    {
        const string yaml = """
            tag-pre-release-weight: lots
            prevent-increment:
              of-merged-branch: maybe
            branches:
              main:
                mode: Sometimes
                source-branches: develop
            """;

        var exception = Assert.Throws<ConfigurationException>(() => ConfigurationLoader.Parse(yaml, "GitVersion.yml"));

        Assert.Equal(4, exception.Problems.Count);
        Assert.Contains(exception.Problems, x => x.EndsWith("'tag-pre-release-weight' is 'lots'; use a whole number.", StringComparison.Ordinal));
        Assert.Contains(exception.Problems, x => x.EndsWith("'prevent-increment.of-merged-branch' is 'maybe'; use true or false.", StringComparison.Ordinal));
        Assert.Contains(exception.Problems, x => x.Contains("'branches.main.mode' is 'Sometimes'; use one of ManualDeployment"));
        Assert.Contains(exception.Problems, x => x.Contains("'branches.main.source-branches' is 'develop'; use a list"));
    }

    [Fact]
    public void TestParse_UnquotedBracesSayToQuote()
    {
        var exception = Assert.Throws<ConfigurationException>(() => ConfigurationLoader.Parse("branches:\n  feature:\n    label: {BranchName}\n", "GitVersion.yml"));

        Assert.Contains("'branches.feature.label' is a map; use a single value; quote values with braces, e.g. '{BranchName}'.", exception.Message);
    }

    [Theory]
    [InlineData("branches:\n  feature:\n    regex: ^feature[\n", "branches.feature.regex")]
    [InlineData("tag-prefix: '[v'\n", "tag-prefix")]
    [InlineData("version-in-branch-pattern: (?<version\n", "version-in-branch-pattern")]
    [InlineData("major-version-bump-message: '+semver: major'\n", "major-version-bump-message")]
    [InlineData("minor-version-bump-message: '(minor'\n", "minor-version-bump-message")]
    [InlineData("patch-version-bump-message: 'fix)'\n", "patch-version-bump-message")]
    [InlineData("no-bump-message: '*skip'\n", "no-bump-message")]
    [InlineData("merge-message-formats:\n  tfs: '^Merged (?<Number'\n", "merge-message-formats.tfs")]
    [InlineData("ignore:\n  paths:\n    - ^docs/\n    - '[docs'\n", "ignore.paths[1]")]
    [InlineData("branches:\n  pull-request:\n    label-number-pattern: '(?<number>'\n", "branches.pull-request.label-number-pattern")]
    public void TestParse_InvalidRegexNamesTheKey(string yaml, string keyPath)
    {
        var exception = Assert.Throws<ConfigurationException>(() => ConfigurationLoader.Parse(yaml, "GitVersion.yml"));

        var problem = Assert.Single(exception.Problems);
        Assert.Matches(@"^'GitVersion\.yml' line \d+, column \d+: '" + System.Text.RegularExpressions.Regex.Escape(keyPath) + "' is not a valid regular expression: Invalid pattern ", problem);
    }

    [Fact]
    public void TestParse_UnknownWorkflowListsTheKnownOnes()
    {
        var exception = Assert.Throws<ConfigurationException>(() => ConfigurationLoader.Parse("workflow: GitFlow/v2\n", "GitVersion.yml"));

        Assert.Equal(
            "'GitVersion.yml' line 1, column 11: Unknown workflow 'GitFlow/v2'. Use one of GitFlow/v1, GitHubFlow/v1, TrunkBased/preview1 " +
            "(or '' for no built-in defaults), or remove 'workflow:' for GitFlow/v1. Did you mean 'GitFlow/v1'?",
            exception.Message);
        Assert.Throws<ConfigurationException>(() => ConfigurationLoader.Defaults("Mainline"));
    }

    [Fact]
    public void TestParse_NewBranchNeedsARegex()
    {
        var exception = Assert.Throws<ConfigurationException>(() => ConfigurationLoader.Parse("branches:\n  feture:\n    label: f\n", "GitVersion.yml"));

        var problem = Assert.Single(exception.Problems);
        Assert.Equal(
            "'GitVersion.yml' line 2, column 3: branch configuration 'feture' has no 'regex', so no branch name can match it. " +
            "Add 'regex:' under 'branches.feture'. Did you mean 'branches.feature'?",
            problem);
    }

    [Fact]
    public void TestParse_SourceBranchesMustBeConfigured()
    {
        var exception = Assert.Throws<ConfigurationException>(() => ConfigurationLoader.Parse("branches:\n  feature:\n    source-branches: [develop, mian]\n", "GitVersion.yml"));

        var problem = Assert.Single(exception.Problems);
        Assert.StartsWith("'GitVersion.yml' line 3, column 22: 'branches.feature.source-branches' names 'mian', which is not a branch configuration; ", problem);
        Assert.EndsWith("Did you mean 'main'?", problem);
    }

    [Fact]
    public void TestParse_IsSourceBranchForMustNameABranch()
    {
        const string yaml = "branches:\n  unstable:\n    regex: ^unstable$\n    is-source-branch-for: [feature, nightly]\n";

        var exception = Assert.Throws<ConfigurationException>(() => ConfigurationLoader.Parse(yaml, "GitVersion.yml"));

        Assert.Contains("'branches.unstable.is-source-branch-for' names 'nightly', which is not a branch configuration", Assert.Single(exception.Problems));
    }

    [Fact]
    public void TestLoad_ErrorsNameTheFileFound()
    {
        File.WriteAllText(Path.Combine(_root, "GitVersion.yml"), "increment: Sideways\n");

        var exception = Assert.Throws<ConfigurationException>(() => ConfigurationLoader.Load(_root, _root));

        Assert.StartsWith($"The GitVersion configuration in '{Path.Combine(_root, "GitVersion.yml")}' is not valid:", exception.Message);
    }
}
