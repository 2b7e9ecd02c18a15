using Slipway.CiConfiguration.Buildspecs;

namespace Slipway.CiConfiguration.Tests.Buildspecs;

public class GlobalJsonTest : IDisposable
{
    private readonly string _path = Path.Combine(Directory.CreateTempSubdirectory("slipway-global-json-").FullName, "global.json");

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(_path)!, recursive: true);

    [Theory]
    [InlineData("""{ "sdk": { "version": "10.0.100", "rollForward": "latestFeature" } }""", "10.0")]
    [InlineData("""{ /* pinned */ "sdk": { "version": "9.0.305", }, }""", "9.0")]
    [InlineData("""{ "msbuild-sdks": { } }""", null)]
    public void TestSdkMajorMinor(string json, string? expected)
    {
        File.WriteAllText(_path, json);
        Assert.Equal(expected, GlobalJson.SdkMajorMinor(_path));
    }

    [Fact]
    public void TestSdkMajorMinor_NoFile() => Assert.Null(GlobalJson.SdkMajorMinor(_path));

    [Fact]
    public void TestSdkMajorMinor_MalformedVersionSaysWhatToDo()
    {
        File.WriteAllText(_path, """{ "sdk": { "version": "latest" } }""");
        var error = Assert.Throws<InvalidOperationException>(() => GlobalJson.SdkMajorMinor(_path));
        Assert.Contains("has sdk.version 'latest', expected a version such as 10.0.100", error.Message);
    }
}
