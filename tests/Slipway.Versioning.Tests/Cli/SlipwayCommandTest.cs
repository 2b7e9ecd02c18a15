using System.Text.Json;
using Slipway.Cli;
using Slipway.Versioning.Tests.Git;

namespace Slipway.Versioning.Tests.Cli;

public class SlipwayCommandTest
{
    private static async Task<(int Code, string Output, string Error)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await SlipwayCommand.RunAsync(args, output, error, new Dictionary<string, string?>());
        return (code, output.ToString(), error.ToString());
    }

    private static TestRepository Develop()
    {
        var repo = new TestRepository();
        repo.MakeCommit();
        repo.Tag("1.0.0");
        repo.Branch("develop");
        repo.MakeCommit();
        return repo;
    }

    [Fact]
    public async Task TestVersion_JsonHasGitVersionsNamesTypesAndOrder()
    {
        using var repo = Develop();
        var (code, output, error) = await Run("version", repo.Path);
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal("1.1.0-alpha.1", root.GetProperty("FullSemVer").GetString());
        Assert.Equal(1, root.GetProperty("Minor").GetInt32());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("BuildMetaData").ValueKind);
        Assert.Equal("alpha", root.GetProperty("PreReleaseLabel").GetString());
        Assert.Equal(1, root.GetProperty("PreReleaseNumber").GetInt32());
        Assert.Equal(1, root.GetProperty("WeightedPreReleaseNumber").GetInt32());
        Assert.Equal("1.1.0.0", root.GetProperty("AssemblySemVer").GetString());
        Assert.Equal("1.1.0-alpha.1+Branch.develop.Sha." + repo.Sha(), root.GetProperty("InformationalVersion").GetString());
        Assert.Equal(repo.Sha("1.0.0"), root.GetProperty("VersionSourceSha").GetString());
        var names = root.EnumerateObject().Select(x => x.Name).ToList();
        Assert.Equal(names.OrderBy(x => x, StringComparer.Ordinal), names);
        Assert.Contains("version 1.1.0-alpha.1", error);
    }

    [Fact]
    public async Task TestVersion_DotEnvShowVariableAndTable()
    {
        using var repo = Develop();
        var dotenv = await Run("version", repo.Path, "--output", "dotenv");
        Assert.Contains("GitVersion_FullSemVer='1.1.0-alpha.1'\n", dotenv.Output);
        Assert.Contains("GitVersion_BuildMetaData=''\n", dotenv.Output);
        Assert.Equal("1.1.0-alpha.1\n", (await Run("version", repo.Path, "--show-variable", "fullsemver")).Output.Replace("\r", ""));
        Assert.Contains("MajorMinorPatch", (await Run("version", repo.Path, "-o", "table")).Output);
    }

    [Fact]
    public async Task TestTags_TextAndJson()
    {
        using var repo = Develop();
        repo.Branch("feature/Login_Form");
        repo.MakeCommit();
        var (code, output, _) = await Run("tags", repo.Path);
        Assert.Equal(0, code);
        Assert.Matches(@"image tag:\s+feature-login-form-[0-9a-f]{8}-2", output);
        Assert.Contains("environment:  development", output);
        var json = JsonDocument.Parse((await Run("tags", repo.Path, "--output", "json")).Output).RootElement;
        Assert.Equal("Development", json.GetProperty("Environment").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("PromotedImageTag").ValueKind);
    }

    [Fact]
    public async Task TestBranchOption_ForADetachedHead()
    {
        using var repo = Develop();
        repo.Branch("release/1.1.0");
        repo.Detach();
        repo.Run("branch", "hotfix/x");
        var (code, output, error) = await Run("version", repo.Path, "--branch", "release/1.1.0", "--show-variable", "SemVer");
        Assert.Equal(0, code);
        Assert.Equal("1.1.0-beta.1", output.Trim());
        Assert.Contains("(from parameter)", error);
    }

    [Fact]
    public async Task TestErrors_ExitCodesAndNothingOnStandardOutput()
    {
        var folder = Directory.CreateTempSubdirectory("slipway-cli-").FullName;
        try
        {
            var noGit = await Run("version", folder);
            Assert.Equal(1, noGit.Code);
            Assert.Equal("", noGit.Output);
            Assert.Contains("not inside a git repository", noGit.Error);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        Assert.Equal(2, (await Run("versoin")).Code);
        Assert.Equal(2, (await Run("version", "--output", "xml")).Code);
        Assert.Equal(2, (await Run("version", "--frobnicate")).Code);
        using var repo = Develop();
        var unknown = await Run("version", repo.Path, "--show-variable", "Nope");
        Assert.Equal(2, unknown.Code);
        Assert.Contains("Variable 'Nope' does not exist", unknown.Error);
    }
}
