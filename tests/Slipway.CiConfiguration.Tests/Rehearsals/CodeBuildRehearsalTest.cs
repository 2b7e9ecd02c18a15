using Slipway.CiConfiguration.Rehearsals;

namespace Slipway.CiConfiguration.Tests.Rehearsals;

/// <summary>The rehearsal runs hand-written buildspecs as CodeBuild does: one shell, phases and failures, checkouts, variables, outputs.</summary>
public sealed class CodeBuildRehearsalTest
{
    private static async Task<(RehearsalResult Result, RehearsalRepository Repository)> RehearseAsync(
        string buildspec, Func<RehearsalRequest, RehearsalRequest>? change = null, IReadOnlyDictionary<string, string>? files = null)
    {
        var repository = new RehearsalRepository(buildspec, files);
        var request = repository.Request();
        return (await CodeBuildRehearsal.RunAsync(change?.Invoke(request) ?? request, CancellationToken.None), repository);
    }

    [Fact]
    public async Task TestRun_CommandsOfAllPhases_ShareOneShellSoVariablesAndDirectoryPersist()
    {
        var (result, repository) = await RehearseAsync("""
            version: 0.2
            env:
              exported-variables: [GREETING, WHERE, FUNCTION_RESULT]
            phases:
              pre_build:
                commands:
                  - GREETING=hello
                  - mkdir -p sub && cd sub
                  - greet() { echo "from a function"; }
              build:
                commands:
                  - WHERE=$(basename "$PWD")
                  - FUNCTION_RESULT=$(greet)
            """);
        using var _ = repository;

        Assert.True(result.Succeeded, result.Log);
        Assert.Equal("hello", result.ExportedVariables["GREETING"]);
        Assert.Equal("sub", result.ExportedVariables["WHERE"]);
        Assert.Equal("from a function", result.ExportedVariables["FUNCTION_RESULT"]);
    }

    [Fact]
    public async Task TestRun_FailingCommand_EndsItsBlockAndFinallyStillRuns()
    {
        var (result, repository) = await RehearseAsync("""
            version: 0.2
            phases:
              build:
                commands:
                  - echo first
                  - exit_code() { return 3; }; exit_code
                  - echo never
                finally:
                  - echo cleaned up
            """);
        using var _ = repository;

        var build = result.Phase("build");
        Assert.Equal(PhaseStatus.Failed, build.Status);
        Assert.Equal([0, 3, 0], build.Commands.Select(x => x.ExitCode));
        Assert.Equal([false, false, true], build.Commands.Select(x => x.Finally));
        Assert.Contains("cleaned up", result.Log);
        Assert.DoesNotContain("\nnever\n", result.Log);
        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task TestRun_AbortInPreBuild_SkipsLaterPhases_ContinueGoesOn()
    {
        const string template = """
            version: 0.2
            phases:
              pre_build:
                on-failure: {0}
                commands:
                  - "false"
              build:
                commands:
                  - echo building
              post_build:
                commands:
                  - echo after
            """;
        var (aborted, first) = await RehearseAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, "ABORT"));
        using var _ = first;
        var (continued, second) = await RehearseAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, "CONTINUE"));
        using var __ = second;

        Assert.Equal([PhaseStatus.Succeeded, PhaseStatus.Failed, PhaseStatus.Skipped, PhaseStatus.Skipped], aborted.Phases.Select(x => x.Status));
        Assert.Equal([PhaseStatus.Succeeded, PhaseStatus.Failed, PhaseStatus.Succeeded, PhaseStatus.Succeeded], continued.Phases.Select(x => x.Status));
        Assert.False(continued.Succeeded); // a failed phase fails the build even when the next phases run
    }

    [Fact]
    public async Task TestRun_FailedBuildPhase_StillRunsPostBuildWithBuildSucceedingZero()
    {
        var (result, repository) = await RehearseAsync("""
            version: 0.2
            env:
              exported-variables: [BEFORE, AFTER]
            phases:
              pre_build:
                commands:
                  - BEFORE=$CODEBUILD_BUILD_SUCCEEDING
              build:
                commands:
                  - "false"
              post_build:
                commands:
                  - AFTER=$CODEBUILD_BUILD_SUCCEEDING
            """);
        using var _ = repository;

        Assert.Equal(PhaseStatus.Failed, result.Phase("build").Status);
        Assert.Equal(PhaseStatus.Succeeded, result.Phase("post_build").Status);
        Assert.Equal("1", result.ExportedVariables["BEFORE"]);
        Assert.Equal("0", result.ExportedVariables["AFTER"]);
    }

    [Fact]
    public async Task TestRun_Webhook_ClonesDepthOneDetachedWithWebhookVariables()
    {
        var (result, repository) = await RehearseAsync("""
            version: 0.2
            phases:
              build:
                commands:
                  - echo ok
            """);
        using var _ = repository;

        var source = result.SourceDirectory;
        Assert.Equal("true", repository.GitIn(source, "rev-parse", "--is-shallow-repository"));
        Assert.Equal("1", repository.GitIn(source, "rev-list", "--count", "HEAD"));
        Assert.Equal("HEAD", repository.GitIn(source, "rev-parse", "--abbrev-ref", "HEAD"));
        Assert.Equal(repository.Head, repository.GitIn(source, "rev-parse", "HEAD"));
        var environment = result.Environment;
        Assert.Equal("refs/heads/feature/x", environment["CODEBUILD_WEBHOOK_HEAD_REF"]);
        Assert.Equal("PUSH", environment["CODEBUILD_WEBHOOK_EVENT"]);
        Assert.Equal("branch/feature/x", environment["CODEBUILD_WEBHOOK_TRIGGER"]);
        Assert.Equal(repository.Git("rev-parse", "HEAD~1"), environment["CODEBUILD_WEBHOOK_PREV_COMMIT"]);
        Assert.Equal(repository.Head, environment["CODEBUILD_SOURCE_VERSION"]);
        Assert.Equal(repository.Head, environment["CODEBUILD_RESOLVED_SOURCE_VERSION"]);
        Assert.Matches("^slipway-rehearsal:[0-9a-f-]{36}$", environment["CODEBUILD_BUILD_ID"]);
        Assert.Equal(source, environment["CODEBUILD_SRC_DIR"]);
        Assert.Equal("us-east-1", environment["AWS_REGION"]);
        Assert.Equal("us-east-1", environment["AWS_DEFAULT_REGION"]);
    }

    [Fact]
    public async Task TestRun_PipelineFullClone_HasHistoryDetachedWithoutWebhookVariablesAndWithActionVariables()
    {
        var (result, repository) = await RehearseAsync("""
            version: 0.2
            env:
              exported-variables: [SEEN_BRANCH]
            phases:
              build:
                commands:
                  - SEEN_BRANCH=$SLIPWAY_BRANCH
            """, request => request with
        {
            Kind = CodeBuildSourceKind.PipelineFullClone,
            BranchVariable = "SLIPWAY_BRANCH",
        });
        using var _ = repository;

        var source = result.SourceDirectory;
        Assert.Equal("false", repository.GitIn(source, "rev-parse", "--is-shallow-repository"));
        Assert.Equal("3", repository.GitIn(source, "rev-list", "--count", "HEAD"));
        Assert.Equal("HEAD", repository.GitIn(source, "rev-parse", "--abbrev-ref", "HEAD"));
        Assert.Equal(new Uri(repository.Root).AbsoluteUri, repository.GitIn(source, "remote", "get-url", "origin"));
        Assert.DoesNotContain(result.Environment.Keys, x => x.StartsWith("CODEBUILD_WEBHOOK_", StringComparison.Ordinal));
        Assert.Equal("codepipeline/slipway-rehearsal-pipeline", result.Environment["CODEBUILD_INITIATOR"]);
        Assert.StartsWith("arn:aws:s3:::", result.Environment["CODEBUILD_SOURCE_VERSION"]);
        Assert.Equal("feature/x", result.ExportedVariables["SEEN_BRANCH"]);
    }

    [Fact]
    public async Task TestRun_Variables_OverrideBeatsProjectBeatsBuildspec()
    {
        var (result, repository) = await RehearseAsync("""
            version: 0.2
            env:
              variables:
                A: buildspec
                B: buildspec
                C: buildspec
              exported-variables: [A, B, C]
            phases:
              build:
                commands:
                  - echo "$A $B $C"
            """, request => request with
        {
            ProjectVariables = new Dictionary<string, string> { ["B"] = "project", ["C"] = "project" },
            OverrideVariables = new Dictionary<string, string> { ["C"] = "override" },
        });
        using var _ = repository;

        Assert.Equal(["buildspec", "project", "override"], new[] { "A", "B", "C" }.Select(x => result.ExportedVariables[x]));
    }

    [Fact]
    public async Task TestRun_ExportedVariables_AreTheShellsValuesAtTheEndAndAnUnsetOneIsAbsent()
    {
        var (result, repository) = await RehearseAsync("""
            version: 0.2
            env:
              exported-variables: [SLIPWAY_VERSION, NEVER_SET, QUOTED]
            phases:
              build:
                commands:
                  - echo "export SLIPWAY_VERSION='1.2.0-x.1'" > exported.sh
                  - echo "export QUOTED='it'\''s'" >> exported.sh
                  - . ./exported.sh
            """);
        using var _ = repository;

        Assert.Equal("1.2.0-x.1", result.ExportedVariables["SLIPWAY_VERSION"]);
        Assert.Equal("it's", result.ExportedVariables["QUOTED"]);
        Assert.False(result.ExportedVariables.ContainsKey("NEVER_SET"));
    }

    [Fact]
    public async Task TestRun_ExportingAnAwsName_IsRefusedBeforeAnythingRuns()
    {
        var exception = await Assert.ThrowsAsync<BuildspecException>(() => RehearseAsync("""
            version: 0.2
            env:
              exported-variables: [AWS_SECRET_ACCESS_KEY]
            phases:
              build:
                commands:
                  - echo hi
            """));

        Assert.Contains("'AWS_SECRET_ACCESS_KEY'", exception.Message);
    }

    [Fact]
    public async Task TestRun_ReportsAndArtifacts_FollowGlobsBaseDirectoryAndDiscardPaths_EvenAfterAFailure()
    {
        var (result, repository) = await RehearseAsync("""
            version: 0.2
            phases:
              build:
                commands:
                  - mkdir -p out/test-results/unit out/deep/a/b
                  - echo '<TestRun/>' > out/test-results/unit/one.trx
                  - echo '<TestRun/>' > out/test-results/two.trx
                  - echo x > out/test-results/notes.txt
                  - echo '[]' > out/deep/a/b/imagedefinitions.json
                  - echo '{}' > out/summary.json
                  - "false"
            reports:
              tests:
                files:
                  - '**/*.trx'
                base-directory: out/test-results
                file-format: VISUALSTUDIOTRX
            artifacts:
              files:
                - '**/imagedefinitions.json'
                - summary.json
                - missing.json
              base-directory: out
              discard-paths: yes
            """);
        using var _ = repository;

        Assert.False(result.Succeeded);
        Assert.Equal(["two.trx", "unit/one.trx"], result.Reports["tests"].Order(StringComparer.Ordinal));
        Assert.Equal(["imagedefinitions.json", "summary.json"], result.Artifacts.Order(StringComparer.Ordinal));
        var output = Path.GetDirectoryName(result.SourceDirectory)!;
        Assert.True(File.Exists(Path.Combine(output, "artifacts", "imagedefinitions.json")));
        Assert.True(File.Exists(Path.Combine(output, "reports", "tests", "unit", "one.trx")));
        Assert.Null(result.ArtifactsError);
        Assert.Contains("Skipping invalid file path missing.json", result.Log);
    }

    [Fact]
    public async Task TestRun_NoArtifactMatches_FailsTheUpload()
    {
        var (result, repository) = await RehearseAsync("""
            version: 0.2
            phases:
              build:
                commands:
                  - echo ok
            artifacts:
              files:
                - nothing/**/*
            """);
        using var _ = repository;

        Assert.Equal(PhaseStatus.Succeeded, result.Phase("build").Status);
        Assert.False(result.Succeeded);
        Assert.Contains("no matching artifact paths", result.ArtifactsError);
    }

    [Fact]
    public async Task TestRun_ParameterStoreAndSecretsManagerValues_AreResolvedAndMaskedInTheLog()
    {
        var (result, repository) = await RehearseAsync("""
            version: 0.2
            env:
              parameter-store:
                TOKEN: /slipway/token
              secrets-manager:
                PASSWORD: prod/db:password
            phases:
              build:
                commands:
                  - echo "token is $TOKEN"
                  - echo "password is $PASSWORD"
                  - test "$TOKEN" = s3cr3t-token-value
            """, request => request with
        {
            SecretValues = new Dictionary<string, string> { ["/slipway/token"] = "s3cr3t-token-value", ["PASSWORD"] = "hunter2-password" },
        });
        using var _ = repository;

        Assert.True(result.Succeeded, result.Log);
        Assert.Contains("token is ***", result.Log);
        Assert.Contains("password is ***", result.Log);
        Assert.DoesNotContain("s3cr3t-token-value", result.Log);
        Assert.DoesNotContain("hunter2-password", result.Log);
        Assert.Equal("***", result.Environment["TOKEN"]);
    }

    [Fact]
    public async Task TestRun_MissingParameterStoreValue_FailsNamingTheEntry()
    {
        var exception = await Assert.ThrowsAsync<BuildspecException>(() => RehearseAsync("""
            version: 0.2
            env:
              parameter-store:
                TOKEN: /slipway/token
            phases:
              build:
                commands:
                  - echo "$TOKEN"
            """));

        Assert.Contains("'TOKEN'", exception.Message);
        Assert.Contains("'/slipway/token'", exception.Message);
    }

    [Fact]
    public void TestGlob_StarsAndDoubleStars_MatchAsCodeBuildDoes()
    {
        Assert.Matches(BuildOutputFiles.Glob("**/*"), "a/b/c.txt");
        Assert.Matches(BuildOutputFiles.Glob("**/*.trx"), "one.trx");
        Assert.Matches(BuildOutputFiles.Glob("a/**/c.txt"), "a/c.txt");
        Assert.Matches(BuildOutputFiles.Glob("a/**/c.txt"), "a/x/y/c.txt");
        Assert.Matches(BuildOutputFiles.Glob(".nuke/temp/build-summary.json"), ".nuke/temp/build-summary.json");
        Assert.DoesNotMatch(BuildOutputFiles.Glob("*.txt"), "a/b.txt");
        Assert.DoesNotMatch(BuildOutputFiles.Glob("a/?.txt"), "a/bc.txt");
    }
}
