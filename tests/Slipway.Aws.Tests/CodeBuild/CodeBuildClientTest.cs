using System.Text.Json.Nodes;
using Slipway.Aws.CodeBuild;
using Slipway.Aws.Tests.Infrastructure;

namespace Slipway.Aws.Tests.CodeBuild;

/// <summary>CodeBuild StartBuild and BatchGetBuilds on the wire.</summary>
public class CodeBuildClientTest : IDisposable
{
    private readonly TestEnvironment _environment = new();

    public void Dispose() => _environment.Dispose();

    [Fact]
    public async Task TestStartBuild_RequestJson()
    {
        await using var server = new LoopbackServer((_, _) => StubResponse.Json(
            """{"build":{"id":"release:0b5c","buildNumber":17,"buildStatus":"IN_PROGRESS","buildComplete":false,"currentPhase":"QUEUED"}}"""));
        using var client = new CodeBuildClient(_environment.LoopbackOptions(server));

        var result = await client.StartBuildAsync(new StartBuildRequest
        {
            ProjectName = "release",
            SourceVersion = "refs/heads/release/1.4",
            EnvironmentVariablesOverride = [new EnvironmentVariable("TARGET", "Deploy"),
                new EnvironmentVariable("TOKEN", "/ci/token", "PARAMETER_STORE")],
            GitCloneDepthOverride = 0,
            IdempotencyToken = "deploy-1.4.0",
        });

        Assert.Equal(("release:0b5c", 17L, BuildStatus.InProgress), (result.Build?.Id, result.Build?.BuildNumber, result.Build?.BuildStatus));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""
            {"projectName":"release","sourceVersion":"refs/heads/release/1.4",
             "environmentVariablesOverride":[{"name":"TARGET","value":"Deploy","type":"PLAINTEXT"},{"name":"TOKEN","value":"/ci/token","type":"PARAMETER_STORE"}],
             "gitCloneDepthOverride":0,"idempotencyToken":"deploy-1.4.0"}
            """), JsonNode.Parse(server.Requests[0].BodyText)));
        Assert.Equal("CodeBuild_20161006.StartBuild", server.Requests[0].Header("X-Amz-Target"));
        Assert.Equal("codebuild", SigV4Check.Parse(server.Requests[0]).Service);
    }

    [Fact]
    public async Task TestBatchGetBuilds_PhasesLogsAndNotFound()
    {
        await using var server = new LoopbackServer((_, _) => StubResponse.Json("""
            {"builds":[{"id":"release:0b5c","arn":"arn:aws:codebuild:eu-west-1:1:build/release:0b5c","buildStatus":"FAILED","buildComplete":true,
               "currentPhase":"COMPLETED","sourceVersion":"refs/heads/release/1.4","resolvedSourceVersion":"4f2a9c1","initiator":"slipway",
               "startTime":1763800000,"endTime":1763800300.25,
               "phases":[{"phaseType":"BUILD","phaseStatus":"FAILED","durationInSeconds":280,"contexts":[{"statusCode":"COMMAND_EXECUTION_ERROR","message":"exit status 1"}]}],
               "logs":{"groupName":"/aws/codebuild/release","streamName":"0b5c","deepLink":"https://console.aws.amazon.com/logs"},
               "exportedEnvironmentVariables":[{"name":"IMAGE_TAG","value":"1.4.0"}],"reportArns":["ignored"]}],
             "buildsNotFound":["release:gone"]}
            """));
        using var client = new CodeBuildClient(_environment.LoopbackOptions(server));

        var result = await client.BatchGetBuildsAsync(new BatchGetBuildsRequest { Ids = ["release:0b5c", "release:gone"] });

        var build = Assert.Single(result.Builds);
        Assert.Equal((BuildStatus.Failed, true, "4f2a9c1"), (build.BuildStatus, build.BuildComplete, build.ResolvedSourceVersion));
        Assert.Equal("COMMAND_EXECUTION_ERROR", build.Phases[0].Contexts[0].StatusCode);
        Assert.Equal(280, build.Phases[0].DurationInSeconds);
        Assert.Equal("/aws/codebuild/release", build.Logs?.GroupName);
        Assert.Equal(new ExportedEnvironmentVariable("IMAGE_TAG", "1.4.0"), Assert.Single(build.ExportedEnvironmentVariables));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1763800300250), build.EndTime);
        Assert.Equal(["release:gone"], result.BuildsNotFound);
        Assert.Equal("""{"ids":["release:0b5c","release:gone"]}""", server.Requests[0].BodyText);
    }

    [Fact]
    public async Task TestBatchGetBuilds_ListsLeftOutReadAsEmpty()
    {
        // As CodeBuild answers for a queued build: no buildsNotFound, no exported variables, a phase without contexts.
        await using var server = new LoopbackServer((_, _) => StubResponse.Json("""
            {"builds":[{"id":"release:0b5c","buildStatus":"IN_PROGRESS","buildComplete":false,"currentPhase":"QUEUED",
               "phases":[{"phaseType":"SUBMITTED","phaseStatus":"SUCCEEDED","startTime":1763800000,"endTime":1763800001}]}]}
            """));
        using var client = new CodeBuildClient(_environment.LoopbackOptions(server));

        var result = await client.BatchGetBuildsAsync(new BatchGetBuildsRequest { Ids = ["release:0b5c"] });

        var build = Assert.Single(result.Builds);
        Assert.Empty(result.BuildsNotFound);
        Assert.Empty(build.ExportedEnvironmentVariables);
        Assert.Empty(Assert.Single(build.Phases).Contexts);
    }
}
