namespace Slipway.Components.Tests.Repository;

/// <summary>
/// The generated files this repository commits (/buildspec.yml, sample/deploy/pipeline.yml) equal what its build (build/, compiled into
/// this test project) generates: the generation runs in-process with --verify on a temporary copy of the files it reads, so neither the
/// repository nor its .nuke/temp is touched and no nested ./build.sh runs.
/// </summary>
public sealed class CommittedGeneratedFilesTest : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("slipway-committed-generated-").FullName;
    private readonly string _repository = RepositoryRoot();

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void TestCommittedBuildspec_EqualsWhatTheBuildGenerates()
    {
        Copy("buildspec.yml", "global.json");

        var output = Verify("GenerateBuildspec");

        Assert.Contains("// buildspec.yml: unchanged", output);
    }

    [Fact]
    public void TestCommittedSamplePipeline_EqualsWhatTheBuildGenerates()
    {
        Copy([.. Directory.GetFiles(Path.Combine(_repository, "sample", "deploy")).Select(x => Path.GetRelativePath(_repository, x))]);

        var output = Verify("GeneratePipeline");

        Assert.Contains("// sample/deploy/pipeline.yml: unchanged", output);
        Assert.Contains("// Pipelines: slipway-sample: All; developers alice, john", output);
    }

    private void Copy(params string[] files)
    {
        Directory.CreateDirectory(Path.Combine(_root, ".nuke"));
        foreach (var file in files)
        {
            Assert.True(File.Exists(Path.Combine(_repository, file)), $"'{file}' is not committed: run the build's generation target and commit it.");
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(_root, file))!);
            File.Copy(Path.Combine(_repository, file), Path.Combine(_root, file));
        }
    }

    private string Verify(string target)
    {
        var output = new StringWriter();
        var code = BuildRunner.Run(() => new global::Build(), [], new BuildRunOptions
        {
            Arguments = [target, "--verify", "--root", _root, "--no-logo"],
            Environment = new Dictionary<string, string?>(),
            Output = output,
            WorkingDirectory = _root,
        });
        Assert.True(code == 0, $"A committed generated file is stale: run './build.sh {target}' and commit the result.{Environment.NewLine}{output}");
        return output.ToString();
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Slipway.sln")))
                return directory.FullName;
        }

        throw new InvalidOperationException($"No Slipway.sln above '{AppContext.BaseDirectory}': the test runs from the repository's tests/ output.");
    }
}
