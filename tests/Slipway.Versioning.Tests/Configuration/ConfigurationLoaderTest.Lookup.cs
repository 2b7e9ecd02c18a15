using Slipway.Versioning.Configuration;

namespace Slipway.Versioning.Tests.Configuration;

public partial class ConfigurationLoaderTest : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("slipway-gitversion-").FullName;

    private string WorkingDirectory => Directory.CreateDirectory(Path.Combine(_root, "src", "app")).FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void TestLoad_NoFileIsGitFlow()
    {
        var configuration = ConfigurationLoader.Load(WorkingDirectory, _root);

        Assert.Equal("GitFlow/v1", configuration.Workflow);
        Assert.Null(configuration.SourceFile);
        Assert.Equal("alpha", configuration.Named("develop")!.Label);
        Assert.Empty(configuration.Warnings);
    }

    [Fact]
    public void TestLoad_WorkingDirectoryBeforeRepositoryRoot()
    {
        var working = WorkingDirectory;
        File.WriteAllText(Path.Combine(_root, "GitVersion.yml"), "next-version: 1.0.0");
        File.WriteAllText(Path.Combine(working, "GitVersion.yml"), "next-version: 2.0.0");

        var configuration = ConfigurationLoader.Load(working, _root);

        Assert.Equal("2.0.0", configuration.NextVersion);
        Assert.Equal(Path.Combine(working, "GitVersion.yml"), configuration.SourceFile);
        var warning = Assert.Single(configuration.Warnings);
        Assert.Contains("GitVersion refuses such an ambiguous selection", warning);
        Assert.Contains(Path.Combine(_root, "GitVersion.yml"), warning);
    }

    [Fact]
    public void TestLoad_RepositoryRootWhenWorkingDirectoryHasNone()
    {
        File.WriteAllText(Path.Combine(_root, ".GitVersion.yaml"), "next-version: 3.1.0");

        var configuration = ConfigurationLoader.Load(WorkingDirectory, _root);

        Assert.Equal("3.1.0", configuration.NextVersion);
        Assert.Equal(Path.Combine(_root, ".GitVersion.yaml"), configuration.SourceFile);
        Assert.Empty(configuration.Warnings);
    }

    [Fact]
    public void TestLoad_SameFolderIsNotAmbiguous()
    {
        File.WriteAllText(Path.Combine(_root, "GitVersion.yml"), "next-version: 1.0.0");

        var configuration = ConfigurationLoader.Load(_root, _root);

        Assert.Equal("1.0.0", configuration.NextVersion);
        Assert.Empty(configuration.Warnings);
    }

    [Theory]
    [InlineData("GitVersion.yml", "GitVersion.yaml")]
    [InlineData("GitVersion.yaml", ".GitVersion.yml")]
    [InlineData(".GitVersion.yml", ".GitVersion.yaml")]
    public void TestFindFile_NameOrder(string first, string second)
    {
        File.WriteAllText(Path.Combine(_root, second), "");
        File.WriteAllText(Path.Combine(_root, first), "");

        Assert.Equal(Path.Combine(_root, first), ConfigurationLoader.FindFile(_root));
    }

    [Fact]
    public void TestFindFile_LetterCaseIgnored()
    {
        File.WriteAllText(Path.Combine(_root, "gitversion.YML"), "");

        Assert.Equal(Path.Combine(_root, "gitversion.YML"), ConfigurationLoader.FindFile(_root));
        Assert.Null(ConfigurationLoader.FindFile(Path.Combine(_root, "missing")));
    }

    [Fact]
    public void TestLoad_OverrideYamlMergedOverTheFile()
    {
        File.WriteAllText(Path.Combine(_root, "GitVersion.yml"), "tag-prefix: 'release-'\nbranches:\n  develop:\n    label: dev\n");

        var configuration = ConfigurationLoader.Load(_root, _root, "branches:\n  develop:\n    increment: Major\n");

        Assert.Equal("release-", configuration.TagPrefix);
        Assert.Equal("dev", configuration.Named("develop")!.Label);
        Assert.Equal(IncrementStrategy.Major, configuration.Named("develop")!.Increment);
    }

    [Fact]
    public void TestLoad_WorkflowFromTheFile()
    {
        File.WriteAllText(Path.Combine(_root, "GitVersion.yml"), "workflow: GitHubFlow/v1\n");

        var configuration = ConfigurationLoader.Load(_root, _root);

        Assert.Equal("GitHubFlow/v1", configuration.Workflow);
        Assert.Null(configuration.Named("develop"));
        Assert.Equal("unknown", configuration.ForBranch("develop").Name);
    }
}
