using System.Text.Json.Nodes;
using Slipway.Build.Tests.Infrastructure;
using Slipway.Parameters;

namespace Slipway.Build.Tests.Parameters;

public sealed class FileBuild : SlipwayBuild
{
    [Parameter("Who to greet")]
    public string Greeting { get; set; } = "initializer";

    public string? Seen { get; private set; }

    public Target Show => _ => _.Executes(() => Seen = Greeting);
}

public sealed class ParameterFileTest : IDisposable
{
    private readonly InMemoryBuild _run = new();

    public void Dispose() => _run.Dispose();

    private string PathOf(string name) => Path.Combine(_run.Root, ".nuke", name);

    private ParameterFile Load(string content)
    {
        _run.WriteFile(".nuke/parameters.json", content);
        return ParameterFile.Load(PathOf("parameters.json"));
    }

    private string LoadError(string content) =>
        Assert.Throws<BuildDefinitionException>(() => Load(content)).Message;

    [Fact]
    public void TestLoad_ValuesOfEveryJsonKind_AsStrings()
    {
        var file = Load("""
            {
              "$schema": "./build.schema.json",
              "Text": "hello",
              "Number": 42,
              "Fraction": 1.5,
              "Yes": true,
              "No": false,
              "Nothing": null,
              "List": ["a", 2, null, true]
            }
            """);

        Assert.Equal(["Text", "Number", "Fraction", "Yes", "No", "List"], file.Values.Keys);
        Assert.Equal(["hello"], file.Values["text"]);
        Assert.Equal(["42"], file.Values["Number"]);
        Assert.Equal(["1.5"], file.Values["Fraction"]);
        Assert.Equal(["true"], file.Values["Yes"]);
        Assert.Equal(["false"], file.Values["No"]);
        Assert.Equal(["a", "2", "true"], file.Values["List"]);
        Assert.True(file.IsArray("list"));
        Assert.False(file.IsArray("Text"));
    }

    [Fact]
    public void TestLoad_CommentsAndTrailingCommas_AreAccepted()
    {
        var file = Load("""
            {
              // the default configuration
              "Configuration": "Release", /* inline */
            }
            """);

        Assert.Equal(["Release"], file.Values["Configuration"]);
    }

    [Fact]
    public void TestLoad_Malformed_ReportsFileLineAndColumn()
    {
        var message = LoadError("{\n  \"A\": \"x\",\n  \"B\": }\n");

        Assert.Equal($"Parameter file '{PathOf("parameters.json")}' is not valid JSON at line 3, column 8: '}}' is an invalid start of a value. Fix the file or delete the broken entry.", message);
    }

    [Fact]
    public void TestLoad_Malformed_ColumnCountsCharactersNotBytes()
    {
        var message = LoadError("""{ "Name": "Zoë – ünïcode" "Next": 1 }""");

        Assert.Contains("at line 1, column 27:", message);
    }

    [Fact]
    public void TestLoad_Empty_ReportsLineOne() =>
        Assert.Contains("is not valid JSON at line 1, column 1:", LoadError(""));

    [Fact]
    public void TestLoad_RootNotAnObject_SaysWhatIsExpected() =>
        Assert.Equal($"Parameter file '{PathOf("parameters.json")}' must hold a JSON object such as {{ \"Configuration\": \"Release\" }}, not a Array.", LoadError("""["Release"]"""));

    [Fact]
    public void TestSetValue_NewFile_HasSchemaAndValue()
    {
        var path = PathOf("parameters.ci.json");

        ParameterFile.SetValue(path, "ApiKey", "v1:abc");

        var json = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        Assert.Equal(["$schema", "ApiKey"], json.Select(x => x.Key));
        Assert.Equal("./build.schema.json", (string?)json["$schema"]);
        Assert.Equal("v1:abc", (string?)json["ApiKey"]);
    }

    [Fact]
    public void TestSetValue_ExistingFile_KeepsOtherKeysAndReplacesIgnoringCase()
    {
        _run.WriteFile(".nuke/parameters.json", """{ "$schema": "./build.schema.json", "Configuration": "Release", "apikey": "old", "Items": ["a", "b"] }""");

        ParameterFile.SetValue(PathOf("parameters.json"), "ApiKey", "new");

        var file = ParameterFile.Load(PathOf("parameters.json"));
        Assert.Equal(["Configuration", "ApiKey", "Items"], file.Values.Keys);
        Assert.Equal(["new"], file.Values["ApiKey"]);
        Assert.Equal(["Release"], file.Values["Configuration"]);
        Assert.Equal(["a", "b"], file.Values["Items"]);
        Assert.Contains("\"$schema\": \"./build.schema.json\"", _run.ReadFile(".nuke/parameters.json"));
    }

    [Fact]
    public void TestSetValue_OtherValuesKeepTheirText()
    {
        _run.WriteFile(".nuke/parameters.json", """{ "Greeting": "Zoë's <build> & co+" }""");

        ParameterFile.SetValue(PathOf("parameters.json"), "ApiKey", "v1:abc+/=");

        var text = _run.ReadFile(".nuke/parameters.json");
        Assert.Contains("\"Greeting\": \"Zoë's <build> & co+\"", text);
        Assert.Contains("\"ApiKey\": \"v1:abc+/=\"", text);
    }

    [Fact]
    public void TestSetValue_MalformedFile_FailsAndLeavesItAlone()
    {
        const string broken = "{ \"Configuration\": ";
        _run.WriteFile(".nuke/parameters.json", broken);

        var exception = Assert.Throws<BuildDefinitionException>(() => ParameterFile.SetValue(PathOf("parameters.json"), "ApiKey", "v1:abc"));

        Assert.Contains("is not valid JSON at line 1", exception.Message);
        Assert.Equal(broken, _run.ReadFile(".nuke/parameters.json"));
    }

    [Fact]
    public void TestRun_MalformedParametersJson_ExitCode2WithPosition()
    {
        _run.WriteFile(".nuke/parameters.json", "{\n  \"Greeting\": \"hi\"\n  \"Other\": 1\n}");
        var build = new FileBuild();

        var run = _run.Run(() => build, [], CancellationToken.None, x => x.Show);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"[ERR] Parameter file '{PathOf("parameters.json")}' is not valid JSON at line 3, column 3: ", run.Output);
        Assert.Null(build.Seen);
    }

    [Fact]
    public void TestRun_MalformedProfileFile_ExitCode2WithPosition()
    {
        _run.WriteFile(".nuke/parameters.ci.json", "{ \"Greeting\": 'single quotes' }");
        var build = new FileBuild();

        var run = _run.Run(() => build, ["--profile", "ci"], CancellationToken.None, x => x.Show);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"Parameter file '{PathOf("parameters.ci.json")}' is not valid JSON at line 1, column 15: ", run.Output);
        Assert.Null(build.Seen);
    }
}
