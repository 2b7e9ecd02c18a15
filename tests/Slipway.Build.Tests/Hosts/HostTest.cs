using Slipway.Hosts;

namespace Slipway.Build.Tests.Hosts;

public class HostTest
{
    private static Dictionary<string, string?> Env(params (string Key, string Value)[] values) =>
        values.ToDictionary(x => x.Key, x => (string?)x.Value);

    [Fact]
    public void TestDetect_TerminalWhenNothingIsSet()
    {
        var host = Host.Detect(Env(), outputIsTerminal: true);
        Assert.IsType<Terminal>(host);
        Assert.False(host.IsServerBuild);
        Assert.True(host.SupportsColors);
        Assert.False(Host.Detect(Env(("NO_COLOR", "1")), outputIsTerminal: true).SupportsColors);
        Assert.False(Host.Detect(Env(), outputIsTerminal: false).SupportsColors);
    }

    [Theory]
    [InlineData("CI", "true", "CI")]
    [InlineData("CI", "1", "CI")]
    [InlineData("GITHUB_ACTIONS", "true", "GitHub Actions")]
    [InlineData("GITLAB_CI", "true", "GitLab CI")]
    [InlineData("JENKINS_URL", "http://jenkins", "Jenkins")]
    [InlineData("TF_BUILD", "True", "Azure Pipelines")]
    public void TestDetect_GenericCi(string variable, string value, string provider)
    {
        var host = Assert.IsType<GenericCi>(Host.Detect(Env((variable, value)), outputIsTerminal: true));
        Assert.Equal(provider, host.Provider);
        Assert.True(host.IsServerBuild);
    }

    [Fact]
    public void TestDetect_CiFalseIsATerminal() =>
        Assert.IsType<Terminal>(Host.Detect(Env(("CI", "false")), outputIsTerminal: false));

    [Fact]
    public void TestCodeBuild_TypedViewOfItsVariables()
    {
        var host = Assert.IsType<CodeBuild>(Host.Detect(Env(
            ("CI", "true"),
            ("CODEBUILD_BUILD_ID", "slipway-ci:0c8a1d5e-6d2b-4c5e-9a55-6b1f3f0b1a2c"),
            ("CODEBUILD_BUILD_ARN", "arn:aws:codebuild:eu-west-1:123456789012:build/slipway-ci:0c8a1d5e-6d2b-4c5e-9a55-6b1f3f0b1a2c"),
            ("CODEBUILD_BUILD_NUMBER", "42"),
            ("CODEBUILD_INITIATOR", "codepipeline/slipway-pipeline"),
            ("CODEBUILD_SOURCE_VERSION", "arn:aws:s3:::bucket/source.zip"),
            ("CODEBUILD_RESOLVED_SOURCE_VERSION", "3f1c2a9b8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a"),
            ("CODEBUILD_WEBHOOK_HEAD_REF", "refs/heads/feature/PAY-12-checkout"),
            ("CODEBUILD_WEBHOOK_BASE_REF", "refs/heads/develop"),
            ("CODEBUILD_WEBHOOK_TRIGGER", "pr/7"),
            ("CODEBUILD_WEBHOOK_EVENT", "PULL_REQUEST_UPDATED"),
            ("CODEBUILD_BATCH_BUILD_IDENTIFIER", "build_linux"),
            ("CODEBUILD_PUBLIC_BUILD_URL", "https://public.example/build/1"),
            ("CODEBUILD_START_TIME", "1795000000000"),
            ("CODEBUILD_BUILD_SUCCEEDING", "0"),
            ("AWS_REGION", "eu-west-1")), outputIsTerminal: false));

        Assert.True(host.IsServerBuild);
        Assert.False(host.SupportsColors);
        Assert.Equal("slipway-ci", host.ProjectName);
        Assert.Equal(42, host.BuildNumber);
        Assert.Equal("slipway-pipeline", host.PipelineName);
        Assert.Equal("arn:aws:s3:::bucket/source.zip", host.SourceVersion);
        Assert.Equal("3f1c2a9b8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a", host.ResolvedSourceVersion);
        Assert.Equal("feature/PAY-12-checkout", host.WebhookBranch);
        Assert.Equal("refs/heads/develop", host.WebhookBaseRef);
        Assert.Equal("pr/7", host.WebhookTrigger);
        Assert.Equal("PULL_REQUEST_UPDATED", host.WebhookEvent);
        Assert.Equal("build_linux", host.BatchBuildIdentifier);
        Assert.Equal("https://public.example/build/1", host.PublicBuildUrl);
        Assert.Equal("eu-west-1", host.Region);
        Assert.False(host.BuildSucceeding);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1795000000000), host.StartTime);
        Assert.Equal(
            "https://eu-west-1.console.aws.amazon.com/codesuite/codebuild/123456789012/projects/slipway-ci/build/slipway-ci%3A0c8a1d5e-6d2b-4c5e-9a55-6b1f3f0b1a2c",
            host.ConsoleUrl);
    }

    [Fact]
    public void TestCodeBuild_MissingOptionalVariablesAreNull()
    {
        var host = new CodeBuild(Env(("CODEBUILD_BUILD_ID", "p:1"), ("AWS_DEFAULT_REGION", "us-east-1")));
        Assert.Null(host.BuildNumber);
        Assert.Null(host.WebhookBranch);
        Assert.Null(host.PipelineName);
        Assert.Equal("us-east-1", host.Region);
        Assert.True(host.BuildSucceeding);
    }

    [Fact]
    public void TestCreate_UnknownHostNamesTheChoices()
    {
        var error = Assert.Throws<BuildDefinitionException>(() => Host.Create("jenkins", Env(), false));
        Assert.Contains("Expected one of: terminal, ci, codebuild", error.Message);
    }
}
