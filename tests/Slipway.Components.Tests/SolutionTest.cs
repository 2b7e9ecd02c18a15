using Slipway.IO;

namespace Slipway.Components.Tests;

public class SolutionTest : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("slipway-sln-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void TestFindSolution_TheOnlyOne()
    {
        File.WriteAllText(Path.Combine(_root, "App.slnx"), "<Solution />");
        Assert.Equal(Path.Combine(_root, "App.slnx"), IHazSolution.FindSolution(AbsolutePath.Create(_root)).Value);
    }

    [Fact]
    public void TestFindSolution_NoneOrSeveralSayWhatToPass()
    {
        var none = Assert.Throws<BuildDefinitionException>(() => IHazSolution.FindSolution(AbsolutePath.Create(_root)));
        Assert.Contains("No .sln or .slnx file", none.Message);
        Assert.Contains("--solution PATH", none.Message);

        File.WriteAllText(Path.Combine(_root, "A.sln"), "");
        File.WriteAllText(Path.Combine(_root, "B.sln"), "");
        var several = Assert.Throws<BuildDefinitionException>(() => IHazSolution.FindSolution(AbsolutePath.Create(_root)));
        Assert.Contains("Several solutions", several.Message);
        Assert.Contains("A.sln, B.sln", several.Message);
    }
}
