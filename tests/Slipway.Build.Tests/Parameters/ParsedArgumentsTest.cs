using Slipway.CommandLine;
using Slipway.Logging;

namespace Slipway.Build.Tests.Parameters;

public class ParsedArgumentsTest
{
    [Fact]
    public void TestParse_TargetsBeforeFirstOption()
    {
        var arguments = ParsedArguments.Parse(["Compile", "Test", "--configuration", "Release"]);

        Assert.Equal(["Compile", "Test"], arguments.Targets);
        var option = Assert.Single(arguments.Options);
        Assert.Equal("configuration", option.Name);
        Assert.Equal(["Release"], option.Values);
    }

    [Fact]
    public void TestParse_OptionWithSeveralValues()
    {
        var option = Assert.Single(ParsedArguments.Parse(["--items", "a", "b", "c"]).Options);

        Assert.Equal(["a", "b", "c"], option.Values);
    }

    [Fact]
    public void TestParse_EqualsSyntax()
    {
        var arguments = ParsedArguments.Parse(["--my-param=a=b", "--other=", "--flag"]);

        Assert.Equal(["my-param", "other", "flag"], arguments.Options.Select(x => x.Name));
        Assert.Equal(["a=b"], arguments.Options[0].Values);
        Assert.Equal([""], arguments.Options[1].Values);
        Assert.Empty(arguments.Options[2].Values);
    }

    [Fact]
    public void TestParse_EqualsSyntax_FollowingValuesBelongToTheOption()
    {
        var arguments = ParsedArguments.Parse(["--items=a", "b", "--flag"]);

        Assert.Equal(["items", "flag"], arguments.Options.Select(x => x.Name));
        Assert.Equal(["a", "b"], arguments.Options[0].Values);
    }

    [Fact]
    public void TestParse_NegativeNumberIsAValue() =>
        Assert.Equal(["-5"], Assert.Single(ParsedArguments.Parse(["--offset", "-5"]).Options).Values);

    [Fact]
    public void TestParse_BuiltIns_MatchIgnoringCaseAndDashes()
    {
        var arguments = ParsedArguments.Parse(["--NoLogo", "--Verbosity", "verbose", "--profile", "ci", "local", "--PROFILE", "extra", "--skip", "--plan", "--target", "Pack", "-h"]);

        Assert.True(arguments.NoLogo);
        Assert.Equal(Verbosity.Verbose, arguments.Verbosity);
        Assert.Equal(["ci", "local", "extra"], arguments.Profiles);
        Assert.Equal([], arguments.Skip);
        Assert.True(arguments.Plan);
        Assert.True(arguments.Help);
        Assert.Equal(["Pack"], arguments.Targets);
        Assert.Empty(arguments.Options);
    }

    [Fact]
    public void TestParse_Verbosity_Typo_ListsLevels()
    {
        var exception = Assert.Throws<BuildDefinitionException>(() => ParsedArguments.Parse(["--verbosity", "verbos"]));

        Assert.Equal("Option '--verbosity': 'verbos' is not valid. Did you mean 'Verbose'? Expected one of: Quiet, Minimal, Normal, Verbose.", exception.Message);
    }

    [Fact]
    public void TestParse_Switch_WithValues_Fails()
    {
        var exception = Assert.Throws<BuildDefinitionException>(() => ParsedArguments.Parse(["--no-logo", "Compile"]));

        Assert.Equal("Option '--no-logo' takes no value but got 'Compile'. Name targets before the first option (./build.sh Compile --no-logo) or pass them with --target.", exception.Message);
    }

    [Fact]
    public void TestParse_Root_TakesOneValue()
    {
        var exception = Assert.Throws<BuildDefinitionException>(() => ParsedArguments.Parse(["--root", "a", "b"]));

        Assert.Equal("Option '--root' takes one value but got 2. Example: --root VALUE.", exception.Message);
    }

    [Fact]
    public void TestParse_Command_First()
    {
        var arguments = ParsedArguments.Parse([":secrets", "set", "ApiKey", "--profile", "ci"]);

        Assert.Equal(":secrets", arguments.Command);
        Assert.Equal(["set", "ApiKey"], arguments.CommandArguments);
        Assert.Equal(["ci"], arguments.Profiles);
    }

    [Fact]
    public void TestParse_Command_AfterBuiltInOptions()
    {
        var arguments = ParsedArguments.Parse(["--root", "/repo", "--no-logo", ":secrets", "set", "ApiKey"]);

        Assert.Equal("/repo", arguments.Root);
        Assert.True(arguments.NoLogo);
        Assert.Equal(":secrets", arguments.Command);
        Assert.Equal(["set", "ApiKey"], arguments.CommandArguments);
    }

    [Fact]
    public void TestParse_UnknownCommandFirst_IsStillACommand() =>
        Assert.Equal(":secret", ParsedArguments.Parse([":secret", "set"]).Command);

    [Fact]
    public void TestParse_ValueStartingWithColon_IsNotACommand()
    {
        var arguments = ParsedArguments.Parse(["--port", ":8080", "--label", ":release"]);

        Assert.Null(arguments.Command);
        Assert.Equal([":8080"], arguments.Options[0].Values);
        Assert.Equal([":release"], arguments.Options[1].Values);
    }
}
