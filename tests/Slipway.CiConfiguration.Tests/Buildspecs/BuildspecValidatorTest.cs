using Slipway.CiConfiguration.Buildspecs;

namespace Slipway.CiConfiguration.Tests.Buildspecs;

/// <summary>Every validation error: each names the input in quotes, says what was expected and what to do.</summary>
public class BuildspecValidatorTest
{
    private static BuildspecException Fails(BuildspecRequest request) => Assert.Throws<BuildspecException>(() => BuildspecGenerator.Generate(request));

    private static BuildspecRequest WithExported(params string[] names) => BuildspecRequests.Full() with { ExportedVariables = names };

    private static BuildspecRequest WithSecret(SecretStore store, string reference) =>
        BuildspecRequests.Full() with { Secrets = [new BuildspecSecret("REGISTRY_PASSWORD", store, reference)] };

    [Fact]
    public void TestValidate_TheFullRequestIsValid() => Assert.Empty(BuildspecValidator.Validate(BuildspecGenerator.Generate(BuildspecRequests.Full()).Buildspec));

    [Theory]
    [InlineData("AWS_REGION_NAME", "'AWS_'")]
    [InlineData("aws_thing", "'AWS_'")]
    [InlineData("CODEBUILD_X", "'CODEBUILD_'")]
    public void TestExported_ReservedPrefixes(string name, string prefix)
    {
        var error = Assert.Single(Fails(WithExported(name)).Errors);
        Assert.Contains($"Exported variable '{name}' starts with {prefix}", error);
        Assert.Contains("Rename it", error);
    }

    [Theory]
    [InlineData("1VERSION")]
    [InlineData("IMAGE-URI")]
    [InlineData("IMAGE URI")]
    [InlineData("")]
    public void TestExported_NotAShellName(string name)
    {
        var error = Assert.Single(Fails(WithExported(name)).Errors);
        Assert.Contains($"Exported variable '{name}' is not a valid shell variable name: expected letters, digits and underscores", error);
    }

    [Fact]
    public void TestExported_ASecretIsNeverExported()
    {
        var error = Assert.Single(Fails(WithExported("SLIPWAY_VERSION", "REGISTRY_PASSWORD")).Errors);
        Assert.Contains("Exported variable 'REGISTRY_PASSWORD' is a secret", error);
        Assert.Contains("Remove it from the exported variables", error);
    }

    [Fact]
    public void TestExported_Twice() =>
        Assert.Contains("Exported variable 'SLIPWAY_VERSION' is listed more than once", Assert.Single(Fails(WithExported("SLIPWAY_VERSION", "SLIPWAY_VERSION")).Errors));

    [Fact]
    public void TestVariables_ASecretsNameIsNotAPlainVariable()
    {
        var request = BuildspecRequests.Full() with { Variables = new Dictionary<string, string> { ["API_TOKEN"] = "x" } };
        var error = Assert.Single(Fails(request).Errors);
        Assert.Contains("Variable 'API_TOKEN' is both a plain variable and a secret", error);
    }

    [Theory]
    [InlineData("DB_PASSWORD", "PASSWORD")]
    [InlineData("GITHUB_TOKEN", "TOKEN")]
    [InlineData("ClientSecret", "SECRET")]
    [InlineData("MY_API_KEY", "API_KEY")]
    public void TestVariables_ASecretLookingNameIsRefused(string name, string word)
    {
        var request = BuildspecRequests.Full() with { Variables = new Dictionary<string, string> { [name] = "hunter2" } };
        var error = Assert.Single(Fails(request).Errors);
        Assert.Contains($"Variable '{name}' looks like a secret (its name contains '{word}')", error);
        Assert.Contains("Store the value in Parameter Store or Secrets Manager", error);
        Assert.DoesNotContain("hunter2", error);
    }

    [Theory]
    [InlineData("BAD-NAME", "is not a valid shell variable name")]
    [InlineData("CODEBUILD_SRC", "starts with 'CODEBUILD_'")]
    public void TestVariables_Names(string name, string problem) =>
        Assert.Contains($"Variable '{name}' {problem}",
            Assert.Single(Fails(BuildspecRequests.Full() with { Variables = new Dictionary<string, string> { [name] = "x" } }).Errors));

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("/svc/registry password", "holds characters SSM does not allow")]
    [InlineData("/svc//password", "has an empty path segment")]
    [InlineData("/svc/password/", "has an empty path segment")]
    [InlineData("/aws/reserved", "starts with 'aws' or 'ssm'")]
    [InlineData("ssm-thing", "starts with 'aws' or 'ssm'")]
    public void TestParameterStore_ShapeOfTheParameterName(string reference, string problem)
    {
        var error = Assert.Single(Fails(WithSecret(SecretStore.ParameterStore, reference)).Errors);
        Assert.Contains($"Secret 'REGISTRY_PASSWORD' reads Parameter Store parameter '{reference}', which {problem}", error);
        Assert.Contains("expected a parameter name such as /service/registry-password", error);
    }

    [Theory]
    [InlineData("/svc/registry-password")]
    [InlineData("registry-password")]
    [InlineData("/a/b.c/d_e")]
    public void TestParameterStore_ValidNames(string reference) => BuildspecGenerator.Generate(WithSecret(SecretStore.ParameterStore, reference));

    [Theory]
    [InlineData("", "is empty or holds white space")]
    [InlineData("my secret:key::", "is empty or holds white space")]
    [InlineData(":key::", "has no secret id")]
    [InlineData("id:key:stage:version:extra", "has more than the four fields")]
    [InlineData("id:key::not-a-version", "has version-id 'not-a-version'")]
    [InlineData("arn:aws:secretsmanager:eu-west-1", "starts like an ARN but is not a whole Secrets Manager secret ARN")]
    [InlineData("arn:aws:ssm:eu-west-1:123456789012:parameter:x", "is an ARN of 'ssm'")]
    public void TestSecretsManager_ShapeOfTheReference(string reference, string problem)
    {
        var error = Assert.Single(Fails(WithSecret(SecretStore.SecretsManager, reference)).Errors);
        Assert.Contains($"Secret 'REGISTRY_PASSWORD' has the Secrets Manager reference '{reference}', which {problem}", error);
        Assert.Contains("expected secret-id:json-key:version-stage:version-id", error);
    }

    [Theory]
    [InlineData("prod/registry")]
    [InlineData("prod/registry:password")]
    [InlineData("prod/registry:password::")]
    [InlineData("prod/registry:password:AWSCURRENT:")]
    [InlineData("prod/registry::AWSPREVIOUS:")]
    [InlineData("prod/registry:::EXAMPLE1-90ab-cdef-fedc-ba987EXAMPLE")]
    [InlineData("arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/registry-AbCdEf:password::")]
    public void TestSecretsManager_ValidReferences(string reference) => BuildspecGenerator.Generate(WithSecret(SecretStore.SecretsManager, reference));

    [Fact]
    public void TestSecrets_OneNameFromBothStores()
    {
        var request = BuildspecRequests.Full() with
        {
            Secrets = [new BuildspecSecret("PASSWORD", SecretStore.ParameterStore, "/p"), new BuildspecSecret("PASSWORD", SecretStore.SecretsManager, "s:k::")],
        };
        Assert.Contains("Secret 'PASSWORD' is read from both Parameter Store and Secrets Manager. Keep one.", Fails(request).Errors);
    }

    [Fact]
    public void TestSecrets_MappedTwice()
    {
        var request = BuildspecRequests.Full() with
        {
            Secrets = [new BuildspecSecret("PASSWORD", SecretStore.ParameterStore, "/p"), new BuildspecSecret("PASSWORD", SecretStore.ParameterStore, "/q")],
        };
        Assert.Contains("Secret 'PASSWORD' is mapped more than once. Map it once.", Fails(request).Errors);
    }

    [Fact]
    public void TestSecrets_NameIsAShellName() =>
        Assert.Contains("Secret 'registry-password' is not a valid shell variable name",
            Assert.Single(Fails(BuildspecRequests.Full() with { Secrets = [new BuildspecSecret("registry-password", SecretStore.ParameterStore, "/p")] }).Errors));

    [Fact]
    public void TestReports_FormatNameAndFiles()
    {
        var request = BuildspecRequests.Full() with { Reports = [new BuildspecReportGroup("t r") { FileFormat = "TRX" }] };
        var errors = Fails(request).Errors;
        Assert.Equal(3, errors.Count);
        Assert.Contains(errors, x => x.StartsWith("Report group 't r' is not a valid report group name", StringComparison.Ordinal));
        Assert.Contains(errors, x => x.StartsWith("Report group 't r' has file-format 'TRX': expected one of", StringComparison.Ordinal) && x.Contains("VISUALSTUDIOTRX"));
        Assert.Contains(errors, x => x.StartsWith("Report group 't r' lists no files", StringComparison.Ordinal));
    }

    [Fact]
    public void TestPhases_BuildCommandsRuntimePlacementAndArtifacts()
    {
        var buildspec = new Buildspec
        {
            Phases = new BuildspecPhases { PreBuild = new BuildspecPhase { RuntimeVersions = new Dictionary<string, string> { ["dotnet"] = "" } } },
            Artifacts = new BuildspecArtifacts(),
        };
        var errors = BuildspecValidator.Validate(buildspec);
        Assert.Contains("The buildspec has no build phase commands: expected at least the ./build.sh call. Declare the target the build runs.", errors);
        Assert.Contains(errors, x => x.StartsWith("Phase 'pre_build' declares runtime-versions, which CodeBuild reads only in the install phase", StringComparison.Ordinal));
        Assert.Contains(errors, x => x.StartsWith("Runtime 'dotnet' has no version", StringComparison.Ordinal));
        Assert.Contains(errors, x => x.StartsWith("The artifacts section lists no files", StringComparison.Ordinal));
    }

    [Fact]
    public void TestGenerate_TargetPatternAndRuntimeVersion()
    {
        var request = BuildspecRequests.Full() with
        {
            DefaultTarget = "Deploy; rm -rf /",
            BranchTargets = [new BranchTarget("feature/*) x ;; *", "Test")],
            DotNetVersion = "10",
        };
        var errors = Fails(request).Errors;
        Assert.Contains(errors, x => x.StartsWith("Target 'Deploy; rm -rf /' is not a target name", StringComparison.Ordinal));
        Assert.Contains(errors, x => x.StartsWith("Branch pattern 'feature/*) x ;; *' is not a shell case pattern", StringComparison.Ordinal));
        Assert.Contains(errors, x => x.StartsWith("The .NET runtime version '10' is not one CodeBuild knows: expected major.minor (e.g. 10.0)", StringComparison.Ordinal));
    }
}
