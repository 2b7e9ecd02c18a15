namespace Slipway.Components.Tests.Buildspecs;

/// <summary>
/// The committed /buildspec.yml equals what this repository's build (build/, compiled into this test project) generates. The generation
/// runs in-process with --verify on a temporary copy of the root files it reads, so the repository's own .nuke/temp is never touched.
/// </summary>
public class RepositoryBuildspecTest : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("slipway-repository-buildspec-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void TestCommittedBuildspec_EqualsWhatTheBuildGenerates()
    {
        var repository = RepositoryRoot();
        Directory.CreateDirectory(Path.Combine(_root, ".nuke"));
        foreach (var file in new[] { "buildspec.yml", "global.json" })
            File.Copy(Path.Combine(repository, file), Path.Combine(_root, file));

        var output = new StringWriter();
        var code = BuildRunner.Run(() => new Build(), [], new BuildRunOptions
        {
            Arguments = ["GenerateBuildspec", "--verify", "--root", _root, "--no-logo"],
            Environment = new Dictionary<string, string?>(),
            Output = output,
            WorkingDirectory = _root,
        });

        Assert.True(code == 0, $"/buildspec.yml is stale: run ./build.sh GenerateBuildspec and commit it.{Environment.NewLine}{output}");
        Assert.Contains("// buildspec.yml: unchanged", output.ToString());
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
