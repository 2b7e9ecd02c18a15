using System.Text.Json;
using Slipway.Build.Tests.Infrastructure;

namespace Slipway.Build.Tests.Parameters;

public sealed class SchemaBuild : SlipwayBuild, IHazRegion
{
    [Parameter("Where to deploy")]
    public DeployStage Stage { get; set; }

    [Parameter("How often to retry")]
    public int Retries { get; set; }

    [Parameter("Scale factor")]
    public double Scale { get; set; }

    [Parameter]
    public bool Publish { get; set; }

    [Parameter("Ports to open")]
    public List<int> Ports { get; set; } = [];

    [Parameter("How long to wait")]
    public TimeSpan Timeout { get; set; }

    [Parameter("PIN of the signing card"), Secret]
    public int? Pin { get; set; }

    [Parameter("Zoë's token for <registry> & co"), Secret]
    public string? Token { get; set; }

    public Target Compile => _ => _.Description("Compiles").Executes(() => { });

    public Target Pack => _ => _.DependsOn(Compile).Executes(() => { });

    public Target Hidden => _ => _.Unlisted().Executes(() => { });
}

public sealed class SchemaWriterTest : IDisposable
{
    private const string SchemaFile = ".nuke/build.schema.json";
    private readonly InMemoryBuild _run = new();

    public void Dispose() => _run.Dispose();

    private BuildRun Run<T>(params string[] args)
        where T : SlipwayBuild, new()
    {
        var run = _run.Run<T>(args);
        Assert.True(run.ExitCode == 0, run.Output);
        return run;
    }

    private JsonElement Properties()
    {
        using var document = JsonDocument.Parse(_run.ReadFile(SchemaFile));
        return document.RootElement.GetProperty("properties").Clone();
    }

    private static string[] Strings(JsonElement array) => array.EnumerateArray().Select(x => x.GetString()!).ToArray();

    [Fact]
    public void TestRun_WritesSchema_WithTargetsEnumAndSortedParameters()
    {
        Run<SchemaBuild>("--help");

        var properties = Properties();
        Assert.Equal(
            ["$schema", "Target", "Skip", "AwsProfile", "Pin", "Ports", "Publish", "Region", "ReplicaRegions", "Retries", "Scale", "Stage", "Timeout", "Token"],
            properties.EnumerateObject().Select(x => x.Name));
        Assert.Equal(["Compile", "Pack"], Strings(properties.GetProperty("Target").GetProperty("items").GetProperty("enum")));
        Assert.Equal(["Compile", "Pack"], Strings(properties.GetProperty("Skip").GetProperty("items").GetProperty("enum")));
        Assert.Equal("array", properties.GetProperty("Target").GetProperty("type").GetString());
    }

    [Theory]
    [InlineData("Retries", "integer", "How often to retry")]
    [InlineData("Scale", "number", "Scale factor")]
    [InlineData("Publish", "boolean", null)]
    [InlineData("Timeout", "string", "How long to wait")]
    [InlineData("Region", "string", "AWS region to deploy to")]
    [InlineData("AwsProfile", "string", "Named AWS credentials profile")]
    [InlineData("Pin", "string", "PIN of the signing card (secret: store with ./build.sh :secrets set Pin)")]
    public void TestRun_Schema_ParameterTypeAndDescription(string name, string type, string? description)
    {
        Run<SchemaBuild>("--help");

        var parameter = Properties().GetProperty(name);
        Assert.Equal(type, parameter.GetProperty("type").GetString());
        Assert.Equal(description, parameter.TryGetProperty("description", out var text) ? text.GetString() : null);
    }

    [Fact]
    public void TestRun_Schema_EnumsAndLists()
    {
        Run<SchemaBuild>("--help");

        var properties = Properties();
        Assert.Equal("string", properties.GetProperty("Stage").GetProperty("type").GetString());
        Assert.Equal(["Dev", "Staging", "Production"], Strings(properties.GetProperty("Stage").GetProperty("enum")));
        Assert.Equal("array", properties.GetProperty("Ports").GetProperty("type").GetString());
        Assert.Equal("integer", properties.GetProperty("Ports").GetProperty("items").GetProperty("type").GetString());
        Assert.Equal("string", properties.GetProperty("ReplicaRegions").GetProperty("items").GetProperty("type").GetString());
    }

    [Fact]
    public void TestRun_Schema_TextIsReadable() =>
        Assert.Contains("\"description\": \"Zoë's token for <registry> & co (secret: store with ./build.sh :secrets set Token)\"", ReadAfterRun());

    private string ReadAfterRun()
    {
        Run<SchemaBuild>("--help");
        return _run.ReadFile(SchemaFile);
    }

    [Fact]
    public void TestRun_UnchangedSchema_IsNotRewritten()
    {
        Run<SchemaBuild>("--help");
        var path = Path.Combine(_run.Root, SchemaFile);
        var stamp = new DateTime(2001, 2, 3, 4, 5, 6, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(path, stamp);

        Run<SchemaBuild>("--help");

        Assert.Equal(stamp, File.GetLastWriteTimeUtc(path));
        Assert.False(File.Exists(path + ".tmp"));
    }

    [Fact]
    public void TestRun_ChangedBuild_RegeneratesSchema()
    {
        Run<FileBuild>("--help");
        Assert.Equal(["Show"], Strings(Properties().GetProperty("Target").GetProperty("items").GetProperty("enum")));
        Assert.False(Properties().TryGetProperty("Stage", out _));

        Run<SchemaBuild>("--help");

        Assert.Equal(["Compile", "Pack"], Strings(Properties().GetProperty("Target").GetProperty("items").GetProperty("enum")));
        Assert.False(Properties().TryGetProperty("Greeting", out _));
        Assert.True(Properties().TryGetProperty("Stage", out _));
    }

    [Fact]
    public void TestRun_EditedSchema_IsRestored()
    {
        Run<SchemaBuild>("--help");
        var original = _run.ReadFile(SchemaFile);
        _run.WriteFile(SchemaFile, "{}");

        Run<SchemaBuild>("--help");

        Assert.Equal(original, _run.ReadFile(SchemaFile));
    }

    [Fact]
    public void TestRun_TargetRun_AlsoWritesSchema()
    {
        Run<FileBuild>("--target", "Show");

        Assert.True(Properties().TryGetProperty("Greeting", out _));
    }
}
