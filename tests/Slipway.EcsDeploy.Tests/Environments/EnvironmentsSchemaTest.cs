using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Slipway.EcsDeploy.Environments;

namespace Slipway.EcsDeploy.Tests.Environments;

public sealed class EnvironmentsSchemaTest
{
    private static readonly JsonDocumentOptions Lenient = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    [Theory]
    [InlineData("example.environments.json")]
    [InlineData("example.local.environments.json")]
    public void TestSchema_AcceptsExamples(string example)
    {
        var result = Evaluate(ServiceRepository.Example(example));

        Assert.True(result.IsValid, JsonSerializer.Serialize(result));
    }

    [Theory]
    [InlineData("""{ "environments": { "staging": { "clustr": "x" } } }""")]
    [InlineData("""{ "environments": { "staging": { "platform": "azure" } } }""")]
    [InlineData("""{ "environments": { "staging": { "containers": "app" } } }""")]
    [InlineData("""{ "environments": { "staging": { "cluster": 12 } } }""")]
    [InlineData("""{ "environments": { "stag.ing": {} } }""")]
    [InlineData("""{ "defaults": {} }""")]
    [InlineData("""{ "enviroments": {} }""")]
    public void TestSchema_RejectsWrongFiles(string file)
    {
        Assert.False(Evaluate(file).IsValid);
    }

    [Fact]
    public void TestSchema_DescribesEveryKey()
    {
        var settings = JsonNode.Parse(EnvironmentsSchema.Render())!["definitions"]!["settings"]!["properties"]!.AsObject();

        Assert.Equal(
            ["platform", "account", "roleArn", "region", "registry", "repository", "cluster", "service", "containers", "taskDefinitionTemplate", "serviceDefinition"],
            settings.Select(x => x.Key));
        Assert.All(settings, x => Assert.False(string.IsNullOrWhiteSpace((string?)x.Value!["description"])));
        Assert.Equal(["aws", "local"], settings["platform"]!["enum"]!.AsArray().Select(x => (string?)x));
    }

    [Fact]
    public void TestWriteSchema_OnlyWhenChanged()
    {
        using var repository = new ServiceRepository();
        var path = Path.Combine(repository.Root, EnvironmentsFile.DefaultSchemaPath);

        Assert.True(EnvironmentsFile.WriteSchema(path));
        var written = File.GetLastWriteTimeUtc(path);
        File.SetLastWriteTimeUtc(path, written.AddHours(-1));
        Assert.False(EnvironmentsFile.WriteSchema(path));
        Assert.Equal(written.AddHours(-1), File.GetLastWriteTimeUtc(path));
        Assert.Equal(EnvironmentsSchema.Render(), File.ReadAllText(path));

        File.WriteAllText(path, "{}");
        Assert.True(EnvironmentsFile.WriteSchema(path));
        Assert.Equal(EnvironmentsSchema.Render(), File.ReadAllText(path));
    }

    private static EvaluationResults Evaluate(string file)
    {
        var schema = JsonSchema.FromText(EnvironmentsSchema.Render());
        using var document = JsonDocument.Parse(file, Lenient);
        return schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
    }
}
