using System.Text.Json.Nodes;
using Slipway.Build.Tests.Infrastructure;
using Slipway.Logging;
using Slipway.Parameters;

namespace Slipway.Build.Tests.Parameters;

public sealed class SecretBuild : SlipwayBuild
{
    [Parameter("Registry API token"), Secret]
    public string? ApiToken { get; set; }

    [Parameter("PIN of the signing card"), Secret]
    public int? Pin { get; set; }

    [Parameter("Signing keys"), Secret]
    public string[] Keys { get; set; } = [];

    [Parameter("Not a secret")]
    public string? Plain { get; set; }

    public string? Seen { get; private set; }

    public Target Show => _ => _.Executes(() =>
    {
        Seen = ApiToken;
        Log.Information($"Uploading with token {ApiToken} and keys {string.Join("+", Keys)}");
        if (ApiToken is not null)
            Log.Warning($"Token {ApiToken} expires soon");
    });
}

public sealed class SecretDefaultBuild : SlipwayBuild
{
    public const string DefaultToken = "help-default-token-4b9d1f0e7a";

    [Parameter("Registry API token"), Secret]
    public string ApiToken { get; set; } = DefaultToken;

    public Target Show => _ => _.Executes(() => { });
}

public sealed class SecretParametersTest : IDisposable
{
    private const string Password = "correct horse battery staple";
    private readonly InMemoryBuild _run = new();
    private readonly SecretBuild _build = new();

    public void Dispose() => _run.Dispose();

    private static string Unique(string label) => $"{label}-{Guid.NewGuid():N}";

    private BuildRun Run(params string[] args) => _run.Run(() => _build, args, CancellationToken.None, x => x.Show);

    private string FilePath(string name) => Path.Combine(_run.Root, ".nuke", name);

    [Theory]
    [InlineData("--help")]
    [InlineData("--plan")]
    public void TestHelpAndPlan_NeverAskForThePasswordOfEncryptedValues(string option)
    {
        _run.WriteFile(".nuke/parameters.json", $$"""{ "ApiToken": "{{SecretCipher.Encrypt(Unique("file-token"), Password)}}" }""");
        _run.Environment["CI"] = "true";

        var run = Run(option);

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("SLIPWAY_SECRETS_PASSWORD", run.Output);
    }

    [Fact]
    public void TestSecret_FromEnvironment_ReachesTargetAndIsMaskedInItsLog()
    {
        var token = Unique("env-token");
        _run.Environment["API_TOKEN"] = token;

        var run = Run();

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(token, _build.Seen);
        Assert.Contains("[INF] Uploading with token *** and keys ", run.Output);
        Assert.Contains("[WRN] Token *** expires soon", run.Output);
        Assert.Contains("  [WRN] Token *** expires soon", run.Output);
        Assert.DoesNotContain(token, run.Output);
    }

    [Fact]
    public void TestSecret_BuildLogFile_IsMaskedToo()
    {
        var token = Unique("logfile-token");
        _run.Environment["API_TOKEN"] = token;

        Run();

        var log = _run.ReadFile(".nuke/temp/build.log");
        Assert.Contains("Uploading with token ***", log);
        Assert.DoesNotContain(token, log);
    }

    [Fact]
    public void TestSecret_List_EveryItemIsMasked()
    {
        var (first, second) = (Unique("key-one"), Unique("key-two"));
        _run.Environment["KEYS"] = $"{first},{second}";

        var run = Run();

        Assert.Contains("and keys ***+***", run.Output);
        Assert.DoesNotContain(first, run.Output);
        Assert.DoesNotContain(second, run.Output);
    }

    [Fact]
    public void TestSecret_OnCommandLine_WarnsAndMasks()
    {
        var token = Unique("cli-token");

        var run = Run("--api-token", token);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(token, _build.Seen);
        Assert.Contains(
            "[WRN] Secret parameter '--api-token' was passed on the command line, where other processes can read it. Prefer the environment variable API_TOKEN or ':secrets set ApiToken'.",
            run.Output);
        Assert.DoesNotContain(token, run.Output);
    }

    [Fact]
    public void TestSecret_InvalidValue_ErrorDoesNotPrintIt()
    {
        var pin = Unique("pin");
        _run.Environment["PIN"] = pin;

        var run = Run();

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("[ERR] Parameter 'Pin' (--pin) from the environment variable PIN: '***' is not a valid int.", run.Output);
        Assert.DoesNotContain(pin, run.Output);
    }

    [Fact]
    public void TestSecret_Help_ShowsNoDefault()
    {
        var run = _run.Run<SecretDefaultBuild>(["--help"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("  --api-token <string>  [secret]", run.Output);
        Assert.Contains("      env: API_TOKEN\n", run.Output.Replace("\r\n", "\n"));
        Assert.DoesNotContain(SecretDefaultBuild.DefaultToken, run.Output);
    }

    [Fact]
    public void TestSecret_EncryptedInFile_DecryptedWithPasswordFromEnvironment()
    {
        var token = Unique("file-token");
        _run.WriteFile(".nuke/parameters.json", $$"""{ "ApiToken": "{{SecretCipher.Encrypt(token, Password)}}" }""");
        _run.Environment[ParameterService.PasswordVariable] = Password;

        var run = Run();

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(token, _build.Seen);
        Assert.DoesNotContain(token, run.Output);
    }

    [Fact]
    public void TestSecret_EncryptedInFile_WrongPassword_ClearError()
    {
        _run.WriteFile(".nuke/parameters.json", $$"""{ "ApiToken": "{{SecretCipher.Encrypt(Unique("wrong-password-token"), Password)}}" }""");
        _run.Environment[ParameterService.PasswordVariable] = "not the password";

        var run = Run();

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(
            $"[ERR] Secret parameter 'ApiToken' in '{Path.Combine(".nuke", "parameters.json")}' could not be decrypted: the password in SLIPWAY_SECRETS_PASSWORD is wrong or the value was changed. " +
            "Set the right password, or store the value again with ':secrets set ApiToken'.",
            run.Output);
        Assert.Null(_build.Seen);
    }

    [Fact]
    public void TestSecret_EncryptedInFile_NoPasswordOnCi_NamesTheVariable()
    {
        _run.WriteFile(".nuke/parameters.json", $$"""{ "ApiToken": "{{SecretCipher.Encrypt(Unique("no-password-token"), Password)}}" }""");
        _run.Environment["CI"] = "true";
        _run.Interactive = true;
        _run.Prompt = new ScriptedPrompt(Password);

        var run = Run();

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(
            $"[ERR] Secret parameter 'ApiToken' in '{Path.Combine(".nuke", "parameters.json")}' is encrypted. Set SLIPWAY_SECRETS_PASSWORD to the password it was stored with (on a terminal you are asked for it).",
            run.Output);
        Assert.Empty(((ScriptedPrompt)_run.Prompt).Questions);
    }

    [Fact]
    public void TestSecret_EncryptedInFile_NoPasswordOnTerminal_AsksForIt()
    {
        var token = Unique("prompted-password-token");
        _run.WriteFile(".nuke/parameters.json", $$"""{ "ApiToken": "{{SecretCipher.Encrypt(token, Password)}}" }""");
        var prompt = new ScriptedPrompt(Password);
        _run.Interactive = true;
        _run.Prompt = prompt;

        var run = Run();

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(token, _build.Seen);
        Assert.Equal([($"Password for the encrypted parameters in {Path.Combine(".nuke", "parameters.json")}: ", true)], prompt.Questions);
    }

    [Fact]
    public void TestSecretsSet_ReadsStandardInput_WritesEncrypted_KeepsOtherKeys()
    {
        var token = Unique("stored-token");
        _run.WriteFile(".nuke/parameters.json", """{ "$schema": "./build.schema.json", "Plain": "kept", "ApiToken": "old" }""");
        _run.Environment[ParameterService.PasswordVariable] = Password;
        _run.Input = token + "\n";

        var run = _run.Run<SecretBuild>([":secrets", "set", "api-token"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("[INF] Stored 'ApiToken' encrypted in .nuke/parameters.json.", run.Output);
        var json = JsonNode.Parse(_run.ReadFile(".nuke/parameters.json"))!.AsObject();
        Assert.Equal(["$schema", "Plain", "ApiToken"], json.Select(x => x.Key));
        Assert.Equal("kept", (string?)json["Plain"]);
        var stored = (string)json["ApiToken"]!;
        Assert.StartsWith("v1:", stored);
        Assert.Equal(token, SecretCipher.Decrypt(stored, Password));
        Assert.DoesNotContain(token, run.Output);
    }

    [Fact]
    public void TestSecretsSet_Profile_CreatesProfileFileAndBuildReadsIt()
    {
        var token = Unique("profile-token");
        _run.Environment[ParameterService.PasswordVariable] = Password;
        _run.Input = token;

        var set = _run.Run<SecretBuild>([":secrets", "set", "ApiToken", "--profile", "ci"]);

        Assert.Equal(0, set.ExitCode);
        Assert.Contains("Stored 'ApiToken' encrypted in .nuke/parameters.ci.json.", set.Output);
        Assert.False(File.Exists(FilePath("parameters.json")));
        Assert.Equal("./build.schema.json", (string?)JsonNode.Parse(_run.ReadFile(".nuke/parameters.ci.json"))!["$schema"]);

        var run = Run("--profile", "ci");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(token, _build.Seen);
    }

    [Fact]
    public void TestSecretsSet_OnTerminal_AsksForValueAndPasswordWithoutEcho()
    {
        var token = Unique("typed-token");
        var prompt = new ScriptedPrompt(token, Password);
        _run.Interactive = true;
        _run.Prompt = prompt;

        var run = _run.Run<SecretBuild>([":secrets", "set", "ApiToken"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal([("Value of ApiToken: ", true), ("Password to encrypt with: ", true)], prompt.Questions);
        var stored = (string)JsonNode.Parse(_run.ReadFile(".nuke/parameters.json"))!["ApiToken"]!;
        Assert.Equal(token, SecretCipher.Decrypt(stored, Password));
    }

    [Fact]
    public void TestSecret_CommandLineWins_EncryptedFileValueIsNotDecrypted()
    {
        var token = Unique("cli-over-file-token");
        _run.WriteFile(".nuke/parameters.json", $$"""{ "ApiToken": "{{SecretCipher.Encrypt(Unique("file-only-token"), Password)}}" }""");
        _run.Environment["CI"] = "true";

        var run = Run("--api-token", token);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(token, _build.Seen);
    }

    [Fact]
    public void TestSecretsSet_NoPassword_NamesTheVariable()
    {
        _run.Input = Unique("unused-token");

        var run = _run.Run<SecretBuild>([":secrets", "set", "ApiToken"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("[ERR] No password to encrypt with. Set SLIPWAY_SECRETS_PASSWORD (every build that reads the secret needs the same password).", run.Output);
        Assert.False(File.Exists(FilePath("parameters.json")));
    }

    [Fact]
    public void TestSecretsSet_EmptyInput_Fails()
    {
        _run.Environment[ParameterService.PasswordVariable] = Password;

        var run = _run.Run<SecretBuild>([":secrets", "set", "ApiToken"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("No value for 'ApiToken' was given. Pipe it on standard input, e.g. ./build.sh :secrets set ApiToken < file.", run.Output);
    }

    [Fact]
    public void TestSecretsSet_NotSecret_Refuses()
    {
        var run = _run.Run<SecretBuild>([":secrets", "set", "Plain"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Parameter 'Plain' is not marked [Secret]", run.Output);
    }

    [Fact]
    public void TestSecretsSet_Typo_SuggestsName()
    {
        var run = _run.Run<SecretBuild>([":secrets", "set", "ApiTokn"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("[ERR] Parameter 'ApiTokn' does not exist. Did you mean 'ApiToken'?", run.Output);
    }

    [Fact]
    public void TestSecretsSet_BadUsage_ShowsUsage()
    {
        var run = _run.Run<SecretBuild>([":secrets", "get", "ApiToken"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Unknown command ':secrets get ApiToken'. Usage: ./build.sh :secrets set NAME [--profile PROFILE]", run.Output);
    }
}
