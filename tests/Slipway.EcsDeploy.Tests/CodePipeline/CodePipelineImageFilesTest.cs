using System.Text;
using System.Text.Json.Nodes;
using Slipway.EcsDeploy.CodePipeline;

namespace Slipway.EcsDeploy.Tests.CodePipeline;

public sealed class CodePipelineImageFilesTest
{
    private const string Image = "111111111111.dkr.ecr.eu-west-1.amazonaws.com/orders:1.4.0@sha256:" + "ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12";

    [Fact]
    public void TestImageDefinitions_OneEntryPerContainerInCodePipelinesShape()
    {
        var text = CodePipelineImageFiles.ImageDefinitions([new("app", Image), new("proxy", "nginx:1")]);

        var entries = JsonNode.Parse(text)!.AsArray();
        Assert.Equal(2, entries.Count);
        Assert.Equal("""{"name":"app","imageUri":"%"}""".Replace("%", Image), entries[0]!.ToJsonString());
        Assert.Equal("""{"name":"proxy","imageUri":"nginx:1"}""", entries[1]!.ToJsonString());
    }

    [Fact]
    public void TestImageDetail_ImageUriKey()
    {
        Assert.Equal($$"""{"ImageURI":"{{Image}}"}""", JsonNode.Parse(CodePipelineImageFiles.ImageDetail(Image))!.ToJsonString());
    }

    [Fact]
    public void TestImageDefinitions_RepeatedOrMissingContainer_Refused()
    {
        Assert.Contains("names container 'app' twice", Assert.Throws<ArgumentException>(() => CodePipelineImageFiles.ImageDefinitions([new("app", Image), new("app", Image)])).Message);
        Assert.Contains("at least one container", Assert.Throws<ArgumentException>(() => CodePipelineImageFiles.ImageDefinitions([])).Message);
    }

    [Fact]
    public void TestImageDefinitions_OverCodePipelinesLimit_Refused()
    {
        var many = Enumerable.Range(0, 1000).Select(i => new KeyValuePair<string, string>($"container-{i}", Image)).ToList();

        Assert.Contains("at most 102,400", Assert.Throws<ArgumentException>(() => CodePipelineImageFiles.ImageDefinitions(many)).Message);
    }

    [Fact]
    public async Task TestWrite_BothFilesUtf8WithoutBom()
    {
        var folder = Directory.CreateTempSubdirectory("slipway-pipeline-").FullName;
        try
        {
            var paths = await CodePipelineImageFiles.WriteAsync(folder, [new("app", Image)]);

            Assert.Equal([Path.Combine(folder, "imagedefinitions.json"), Path.Combine(folder, "imageDetail.json")], paths);
            var bytes = await File.ReadAllBytesAsync(paths[0]);
            Assert.NotEqual(Encoding.UTF8.Preamble.ToArray(), bytes.Take(3).ToArray());
            Assert.Equal(Image, (string)JsonNode.Parse(await File.ReadAllTextAsync(paths[1]))!["ImageURI"]!);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
