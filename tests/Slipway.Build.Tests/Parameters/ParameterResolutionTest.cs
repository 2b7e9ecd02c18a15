using Slipway.Build.Tests.Infrastructure;
using Slipway.IO;

namespace Slipway.Build.Tests.Parameters;

public enum DeployStage
{
    Dev,
    Staging,
    Production,
}

/// <summary>A component whose parameters are read lazily, as NUKE components do.</summary>
public interface IHazRegion : ISlipwayBuild
{
    [Parameter("AWS region to deploy to")]
    string Region => this.TryGetValue<string>() ?? "eu-west-1";

    [Parameter("Regions to replicate to")]
    string[] ReplicaRegions => this.TryGetValue<string[]>() ?? [];

    [Parameter("Named AWS credentials profile", Name = "AwsProfile")]
    string CredentialsProfile => this.TryGetValue<string>() ?? "default";
}

public sealed class ResolutionBuild : SlipwayBuild, IHazRegion
{
    [Parameter("Who to greet")]
    public string Greeting { get; set; } = "initializer";

    [Parameter("Where to deploy")]
    public DeployStage Stage { get; set; } = DeployStage.Dev;

    [Parameter("Publish the result")]
    public bool Publish { get; set; }

    [Parameter("Items to process")]
    public string[] Items { get; set; } = [];

    [Parameter("Ports to open")]
    public List<int> Ports { get; set; } = [];

    [Parameter("How often to retry")]
    public int? Retries { get; set; }

    [Parameter("Where outputs go")]
    public AbsolutePath? Output { get; set; }

    [Parameter("Where sources are")]
    public RelativePath? Sources { get; set; }

    [Parameter("How long to wait")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(1);

    [Parameter("Service endpoint")]
    public Uri? Endpoint { get; set; }

    [Parameter("A home folder")]
    public string? Home { get; set; }

    [Parameter("A readonly field")]
    private readonly string _field = "field-default";

    [Parameter("A get-only property", Name = "GetOnly")]
    public string GetOnlyProperty { get; } = "get-only-default";

    public Dictionary<string, object?>? Seen { get; private set; }

    public Target Show => _ => _.Executes(() =>
    {
        var region = (IHazRegion)this;
        Seen = new Dictionary<string, object?>
        {
            [nameof(Greeting)] = Greeting,
            [nameof(Stage)] = Stage,
            [nameof(Publish)] = Publish,
            [nameof(Items)] = Items,
            [nameof(Ports)] = Ports,
            [nameof(Retries)] = Retries,
            [nameof(Output)] = Output,
            [nameof(Sources)] = Sources,
            [nameof(Timeout)] = Timeout,
            [nameof(Endpoint)] = Endpoint,
            [nameof(Home)] = Home,
            ["Field"] = _field,
            ["GetOnly"] = GetOnlyProperty,
            [nameof(IHazRegion.Region)] = region.Region,
            [nameof(IHazRegion.ReplicaRegions)] = region.ReplicaRegions,
            [nameof(IHazRegion.CredentialsProfile)] = region.CredentialsProfile,
        };
    });
}

public sealed class ParameterResolutionTest : IDisposable
{
    private readonly InMemoryBuild _run = new();
    private readonly ResolutionBuild _build = new();

    public void Dispose() => _run.Dispose();

    private BuildRun Run(params string[] args) => _run.Run(() => _build, args, CancellationToken.None, x => x.Show);

    private object? Seen(string name, params string[] args)
    {
        var run = Run(args);
        Assert.True(run.ExitCode == 0, run.Output);
        return _build.Seen![name];
    }

    [Fact]
    public void TestResolve_NoSource_KeepsInitializers()
    {
        var run = Run();

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("initializer", _build.Seen!["Greeting"]);
        Assert.Equal(DeployStage.Dev, _build.Seen["Stage"]);
        Assert.Equal(false, _build.Seen["Publish"]);
        Assert.Null(_build.Seen["Retries"]);
        Assert.Equal(TimeSpan.FromMinutes(1), _build.Seen["Timeout"]);
        Assert.Equal("eu-west-1", _build.Seen["Region"]);
        Assert.Equal("default", _build.Seen["CredentialsProfile"]);
    }

    [Fact]
    public void TestResolve_ParametersJson_OverridesInitializer()
    {
        _run.WriteFile(".nuke/parameters.json", """{ "$schema": "./build.schema.json", "Greeting": "from-file", "Region": "us-east-2" }""");

        Assert.Equal("from-file", Seen("Greeting"));
        Assert.Equal("us-east-2", _build.Seen!["Region"]);
    }

    [Fact]
    public void TestResolve_Profile_OverridesParametersJson_LaterProfileWins()
    {
        _run.WriteFile(".nuke/parameters.json", """{ "Greeting": "main", "Stage": "Dev", "Retries": 1 }""");
        _run.WriteFile(".nuke/parameters.ci.json", """{ "Greeting": "ci", "Stage": "Staging" }""");
        _run.WriteFile(".nuke/parameters.prod.json", """{ "Stage": "production" }""");

        Assert.Equal("ci", Seen("Greeting", "--profile", "ci", "prod"));
        Assert.Equal(DeployStage.Production, _build.Seen!["Stage"]);
        Assert.Equal(1, _build.Seen["Retries"]);
    }

    [Fact]
    public void TestResolve_RepeatedProfileOption_LaterWins()
    {
        _run.WriteFile(".nuke/parameters.a.json", """{ "Greeting": "a" }""");
        _run.WriteFile(".nuke/parameters.b.json", """{ "Greeting": "b" }""");

        Assert.Equal("a", Seen("Greeting", "--profile", "b", "--profile", "a"));
    }

    [Fact]
    public void TestResolve_MissingProfile_ListsAvailableProfiles()
    {
        _run.WriteFile(".nuke/parameters.ci.json", "{}");

        var run = Run("--profile", "staging");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Profile 'staging' has no file '", run.Output);
        Assert.Contains("Available profiles: ci.", run.Output);
        Assert.Null(_build.Seen);
    }

    [Fact]
    public void TestResolve_Environment_OverridesProfileAndFile()
    {
        _run.WriteFile(".nuke/parameters.json", """{ "Greeting": "main" }""");
        _run.WriteFile(".nuke/parameters.ci.json", """{ "Greeting": "ci" }""");
        _run.Environment["GREETING"] = "from-env";

        Assert.Equal("from-env", Seen("Greeting", "--profile", "ci"));
    }

    [Fact]
    public void TestResolve_CommandLine_OverridesEnvironment()
    {
        _run.Environment["GREETING"] = "from-env";
        _run.Environment["REGION"] = "eu-central-1";

        Assert.Equal("from-cli", Seen("Greeting", "--greeting", "from-cli", "--region", "ap-south-1"));
        Assert.Equal("ap-south-1", _build.Seen!["Region"]);
    }

    [Fact]
    public void TestResolve_CommandLine_LastRepeatWins_NamesIgnoreCaseAndDashes() =>
        Assert.Equal("third", Seen("Greeting", "--greeting", "first", "--GREETING", "second", "--gree-ting", "third"));

    [Fact]
    public void TestResolve_CommandLine_EqualsSyntax() =>
        Assert.Equal("a=b c", Seen("Greeting", "--greeting=a=b c"));

    [Fact]
    public void TestResolve_BoolFlag_BareIsTrue_ExplicitFalseWins()
    {
        Assert.Equal(true, Seen("Publish", "--publish"));
        Assert.Equal(false, Seen("Publish", "--publish", "--publish", "false"));
    }

    [Fact]
    public void TestResolve_Arrays_FromCommandLine_TakeSeveralValues()
    {
        Assert.Equal(new[] { "a", "b", "c" }, Seen("Items", "--items", "a", "b", "c", "--ports", "80", "443", "--replica-regions", "us-west-1", "us-west-2"));
        Assert.Equal([80, 443], Assert.IsType<List<int>>(_build.Seen!["Ports"]));
        Assert.Equal(new[] { "us-west-1", "us-west-2" }, _build.Seen["ReplicaRegions"]);
    }

    [Fact]
    public void TestResolve_Arrays_FromEnvironment_SplitOnCommaAndWhitespace()
    {
        _run.Environment["ITEMS"] = "a, b\tc  d";
        _run.Environment["REPLICA_REGIONS"] = "us-west-1,us-west-2";

        Assert.Equal(new[] { "a", "b", "c", "d" }, Seen("Items"));
        Assert.Equal(new[] { "us-west-1", "us-west-2" }, _build.Seen!["ReplicaRegions"]);
    }

    [Fact]
    public void TestResolve_Arrays_FromFile_StringIsSplit_ArrayIsKept()
    {
        _run.WriteFile(".nuke/parameters.json", """{ "Items": "x y,z", "Ports": [8080, 8443], "ReplicaRegions": ["us-west-1 (backup)"] }""");

        Assert.Equal(new[] { "x", "y", "z" }, Seen("Items"));
        Assert.Equal([8080, 8443], Assert.IsType<List<int>>(_build.Seen!["Ports"]));
        Assert.Equal(new[] { "us-west-1 (backup)" }, _build.Seen["ReplicaRegions"]);
    }

    [Theory]
    [InlineData("GREETING")]
    [InlineData("Greeting")]
    [InlineData("greeting")]
    [InlineData("SLIPWAY_GREETING")]
    [InlineData("Slipway_Greeting")]
    public void TestResolve_Environment_NukeStyleNames(string variable)
    {
        _run.Environment[variable] = "from-env";

        Assert.Equal("from-env", Seen("Greeting"));
    }

    [Fact]
    public void TestResolve_Environment_SeveralMatchesWithDifferentValues_WarnsAndUsesNone()
    {
        _run.Environment["GREETING"] = "one";
        _run.Environment["SLIPWAY_GREETING"] = "two";

        var run = Run();

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("initializer", _build.Seen!["Greeting"]);
        Assert.Contains("[WRN] Environment variables GREETING, SLIPWAY_GREETING all match parameter 'Greeting' with different values; none is used. Unset all but one.", run.Output);
    }

    [Fact]
    public void TestResolve_Environment_SeveralMatchesWithSameValue_UsesIt()
    {
        _run.Environment["GREETING"] = "same";
        _run.Environment["SLIPWAY_GREETING"] = "same";

        var run = Run();

        Assert.Equal("same", _build.Seen!["Greeting"]);
        Assert.DoesNotContain("[WRN]", run.Output);
    }

    [Fact]
    public void TestResolve_Environment_MachineWideName_OnlyWithPrefix()
    {
        _run.Environment["HOME"] = "/home/someone";

        Assert.Null(Seen("Home"));

        _run.Environment["SLIPWAY_HOME"] = "/srv/build";
        Assert.Equal("/srv/build", Seen("Home"));
    }

    [Fact]
    public void TestResolve_CommandLineTypo_WarnsWithSuggestion()
    {
        var run = Run("--greting", "hi");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("initializer", _build.Seen!["Greeting"]);
        Assert.Contains("12:00:00 [WRN] Unknown parameter '--greting' is ignored. Did you mean '--greeting'?", run.Output);
    }

    [Fact]
    public void TestResolve_CommandLineTypoOfBuiltIn_SuggestsBuiltIn() =>
        Assert.Contains("Unknown parameter '--verbosty' is ignored. Did you mean '--verbosity'?", Run("--verbosty", "quiet").Output);

    [Fact]
    public void TestResolve_UnknownKeyInFile_WarnsWithFileAndSuggestion()
    {
        _run.WriteFile(".nuke/parameters.json", """{ "Greetings": "hi", "Regoin": "x" }""");

        var run = Run();

        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"[WRN] Unknown parameter 'Greetings' in '{Path.Combine(_run.Root, ".nuke", "parameters.json")}' is ignored. Did you mean 'Greeting'?", run.Output);
        Assert.Contains("Unknown parameter 'Regoin' in '", run.Output);
        Assert.Contains("Did you mean 'Region'?", run.Output);
    }

    [Fact]
    public void TestResolve_ComponentParameter_WithRenamedName_ReadsLazily()
    {
        Assert.Equal("dev-account", Seen("CredentialsProfile", "--aws-profile", "dev-account"));

        _run.Environment["AWS_PROFILE"] = "env-account";
        Assert.Equal("env-account", Seen("CredentialsProfile"));
    }

    [Fact]
    public void TestResolve_ReadonlyFieldAndGetOnlyProperty_AreInjected()
    {
        Assert.Equal("from-cli", Seen("Field", "--field", "from-cli", "--get-only", "also"));
        Assert.Equal("also", _build.Seen!["GetOnly"]);
    }

    [Fact]
    public void TestResolve_TypedValues_FromEachSource()
    {
        _run.WriteFile(".nuke/parameters.json", """{ "Output": "artifacts/out", "Sources": "src\\app", "Retries": 3 }""");
        _run.Environment["TIMEOUT"] = "30s";

        Assert.Equal(Path.Combine(_run.Root, "artifacts", "out"), ((AbsolutePath)Seen("Output", "--endpoint", "http://127.0.0.1:5000", "--stage", "STAGING")!).Value);
        Assert.Equal(new RelativePath("src/app"), _build.Seen!["Sources"]);
        Assert.Equal(3, _build.Seen["Retries"]);
        Assert.Equal(TimeSpan.FromSeconds(30), _build.Seen["Timeout"]);
        Assert.Equal(new Uri("http://127.0.0.1:5000"), _build.Seen["Endpoint"]);
        Assert.Equal(DeployStage.Staging, _build.Seen["Stage"]);
    }

    [Fact]
    public void TestResolve_BadEnumValue_ExitCode2_ListsValuesAndSuggests()
    {
        var run = Run("--stage", "Stagin");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("[ERR] Parameter 'Stage' (--stage) from the command line: 'Stagin' is not valid. Did you mean 'Staging'? Expected one of: Dev, Staging, Production.", run.Output);
        Assert.Null(_build.Seen);
    }

    [Fact]
    public void TestResolve_SeveralBadValues_AreReportedTogether()
    {
        _run.Environment["RETRIES"] = "many";
        _run.WriteFile(".nuke/parameters.json", """{ "Timeout": "soon" }""");

        var run = Run();

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Parameter 'Retries' (--retries) from the environment variable RETRIES: 'many' is not a valid int.", run.Output);
        Assert.Contains("Parameter 'Timeout' (--timeout) from the .nuke/parameters.json: 'soon' is not a duration. Expected e.g. 30s, 5m, 1h or 00:05:00.", run.Output);
    }

    [Fact]
    public void TestResolve_ScalarWithoutValue_Fails()
    {
        var run = Run("--greeting", "--publish");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Parameter 'Greeting' (--greeting) from the command line: needs a value (only bool parameters are flags).", run.Output);
    }
}
