namespace Slipway.Components.Tests.Pipelines;

/// <summary>
/// The committed sample/deploy/pipeline.yml equals what this repository's build declares (build/Build.Pipeline.cs, compiled into this
/// project): GeneratePipeline --verify on a copy of sample/deploy, so the test writes nothing into the repository and runs no nested build.
/// </summary>
public class CommittedPipelineTest : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("slipway-committed-pipeline-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void TestCommittedSamplePipeline_EqualsWhatTheBuildDeclarationGenerates()
    {
        var repository = RepositoryRoot();
        Directory.CreateDirectory(Path.Combine(_root, ".nuke"));
        var deploy = Directory.CreateDirectory(Path.Combine(_root, "sample", "deploy")).FullName;
        foreach (var file in Directory.GetFiles(Path.Combine(repository, "sample", "deploy")))
            File.Copy(file, Path.Combine(deploy, Path.GetFileName(file)));
        Assert.True(File.Exists(Path.Combine(deploy, "pipeline.yml")), "sample/deploy/pipeline.yml is not committed: run ./build.sh GeneratePipeline and commit it.");

        var output = new StringWriter();
        var code = BuildRunner.Run(() => new global::Build(), [], new BuildRunOptions
        {
            Arguments = ["GeneratePipeline", "--verify", "--root", _root, "--no-logo"],
            Environment = new Dictionary<string, string?>(),
            Output = output,
            WorkingDirectory = _root,
        });
        Assert.True(code == 0, output.ToString());
        Assert.Contains("sample/deploy/pipeline.yml up to date (slipway-sample", output.ToString());
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Slipway.sln")))
                return folder.FullName;
        }

        throw new InvalidOperationException($"No Slipway.sln above '{AppContext.BaseDirectory}': the test runs from the repository's tests/ output.");
    }
}
