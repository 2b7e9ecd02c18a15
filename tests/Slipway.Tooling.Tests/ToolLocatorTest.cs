using System.Runtime.Versioning;

namespace Slipway.Tooling.Tests;

[UnsupportedOSPlatform("windows")]
public sealed class ToolLocatorTest : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("slipway-locator-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void TestResolve_FindsTheFirstExecutableOnPath()
    {
        var empty = Path.Combine(_directory, "empty");
        var tools = Path.Combine(_directory, "tools");
        Directory.CreateDirectory(empty);
        var tool = CreateFile(tools, "mytool", executable: true);

        Assert.Equal(tool, ToolLocator.Resolve("mytool", "/", $"{empty}:relative/dir:{tools}"));
    }

    [Fact]
    public void TestResolve_SkipsFilesThatAreNotExecutable()
    {
        var first = Path.Combine(_directory, "first");
        var second = Path.Combine(_directory, "second");
        CreateFile(first, "mytool", executable: false);
        var tool = CreateFile(second, "mytool", executable: true);

        Assert.Equal(tool, ToolLocator.Resolve("mytool", "/", $"{first}:{second}"));
    }

    [Fact]
    public void TestResolve_PathIsResolvedAgainstTheWorkingDirectory()
    {
        var tool = CreateFile(Path.Combine(_directory, "scripts"), "build.sh", executable: true);

        Assert.Equal(tool, ToolLocator.Resolve("./scripts/build.sh", _directory, path: null));
    }

    [Fact]
    public void TestResolve_MissingToolNamesItThePathAndWhatToInstall()
    {
        var exception = Assert.Throws<ToolNotFoundException>(() => ToolLocator.Resolve("docker", "/", $"{_directory}:/nonexistent"));

        Assert.Equal("docker", exception.ToolName);
        Assert.Equal([_directory, "/nonexistent"], exception.SearchedLocations);
        Assert.StartsWith("Tool 'docker' was not found. Install Docker (https://docs.docker.com/get-docker/)", exception.Message);
        Assert.Contains($"Searched:\n  {_directory}\n  /nonexistent", exception.Message);
    }

    [Fact]
    public void TestResolve_MissingPathSaysWhereItLooked()
    {
        var exception = Assert.Throws<ToolNotFoundException>(() => ToolLocator.Resolve("./missing.sh", _directory, "/usr/bin"));

        Assert.Equal([Path.Combine(_directory, "missing.sh")], exception.SearchedLocations);
        Assert.Contains("Tool './missing.sh' was not found. Check that the file exists and is executable.", exception.Message);
    }

    [Fact]
    public void TestResolve_EmptyPath()
    {
        var exception = Assert.Throws<ToolNotFoundException>(() => ToolLocator.Resolve("sh", "/", path: null));

        Assert.Contains("Install 'sh' and make sure its directory is on PATH", exception.Message);
        Assert.Contains("(nothing: PATH holds no absolute directory)", exception.Message);
    }

    private static string CreateFile(string directory, string name, bool executable)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, "#!/bin/sh\n");
        File.SetUnixFileMode(path, executable ? UnixFileMode.UserRead | UnixFileMode.UserExecute : UnixFileMode.UserRead);
        return path;
    }
}
