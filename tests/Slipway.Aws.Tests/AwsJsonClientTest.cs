using System.Text.Json.Nodes;
using Amazon.Runtime;
using Slipway.Aws.Tests.Infrastructure;

namespace Slipway.Aws.Tests;

/// <summary>The wire protocol of one call: headers, signing with an endpoint override, body, responses, request ids.</summary>
public class AwsJsonClientTest : IDisposable
{
    private readonly TestEnvironment _environment = new();

    public void Dispose() => _environment.Dispose();

    [Fact]
    public async Task TestRequest_HeadersAndBody()
    {
        await using var server = new LoopbackServer((_, _) => StubResponse.Json("{}"));
        using var client = new AwsJsonClient(AwsService.Ecr, _environment.LoopbackOptions(server));

        await client.InvokeAsync("DescribeRepositories", new JsonObject());

        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/", request.Path);
        Assert.Equal("application/x-amz-json-1.1", request.Header("Content-Type"));
        Assert.Equal("AmazonEC2ContainerRegistry_V20150921.DescribeRepositories", request.Header("X-Amz-Target"));
        Assert.Equal("20261122T100000Z", request.Header("X-Amz-Date"));
        Assert.Equal("{}", request.BodyText);
        Assert.Equal("", request.Header("X-Amz-Security-Token"));
    }

    [Fact]
    public async Task TestEndpointOverride_SignedForRegionAndSigningName()
    {
        await using var server = new LoopbackServer((_, _) => StubResponse.Json("{}"));
        using var client = new AwsJsonClient(AwsService.Ecr, _environment.LoopbackOptions(server));

        await client.InvokeAsync("GetAuthorizationToken", new JsonObject());

        var request = Assert.Single(server.Requests);
        var authorization = SigV4Check.Parse(request);
        Assert.Equal("eu-west-1", authorization.Region);
        Assert.Equal("ecr", authorization.Service); // not "api.ecr", and not derived from the 127.0.0.1 host
        Assert.Equal(server.Url.Authority, request.Header("Host"));
        Assert.Contains("host", authorization.SignedHeaders);
        Assert.Contains("x-amz-target", authorization.SignedHeaders);
        SigV4Check.AssertValid(request, TestEnvironment.SecretKey);
    }

    [Fact]
    public async Task TestSessionCredentials_TokenHeaderSigned()
    {
        await using var server = new LoopbackServer((_, _) => StubResponse.Json("{}"));
        var options = _environment.LoopbackOptions(server,
            credentials: new SessionAWSCredentials(TestEnvironment.AccessKey, TestEnvironment.SecretKey, "the-session-token"));
        using var client = new AwsJsonClient(AwsService.Ecs, options);

        await client.InvokeAsync("ListTaskDefinitions", new JsonObject());

        var request = Assert.Single(server.Requests);
        Assert.Equal("the-session-token", request.Header("X-Amz-Security-Token"));
        Assert.Contains("x-amz-security-token", SigV4Check.Parse(request).SignedHeaders);
        Assert.Equal("ecs", SigV4Check.Parse(request).Service);
        SigV4Check.AssertValid(request, TestEnvironment.SecretKey);
    }

    [Fact]
    public async Task TestResponse_UnknownMembersIgnored()
    {
        await using var server = new LoopbackServer((_, _) => StubResponse.Json(
            """{"repositories":[{"repositoryName":"app","createdAt":1700000000.5,"brandNewMember":{"x":[1,2]}}],"anotherNewMember":true}"""));
        using var client = new Slipway.Aws.Ecr.EcrClient(_environment.LoopbackOptions(server));

        var result = await client.DescribeRepositoriesAsync(new Slipway.Aws.Ecr.DescribeRepositoriesRequest());

        var repository = Assert.Single(result.Repositories);
        Assert.Equal("app", repository.RepositoryName);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_500), repository.CreatedAt);
    }

    [Fact]
    public async Task TestResponse_NotJsonIsProtocolErrorWithRequestId()
    {
        await using var server = new LoopbackServer((_, _) => StubResponse.Json("<html>proxy</html>", requestId: "rid-html"));
        using var client = new Slipway.Aws.Ecr.EcrClient(_environment.LoopbackOptions(server));

        var error = await Assert.ThrowsAsync<AwsProtocolException>(() => client.GetAuthorizationTokenAsync());

        Assert.Equal("rid-html", error.RequestId);
        Assert.Contains("ECR GetAuthorizationToken", error.Message);
    }

    [Fact]
    public async Task TestDefaultEndpoint_RegionalHostAndChinaPartition()
    {
        using var ecr = new AwsJsonClient(AwsService.Ecr, new AwsClientOptions
        {
            Region = "eu-west-1", Credentials = TestEnvironment.ExampleCredentials, Environment = _environment.Environment,
        });
        using var codeBuild = new AwsJsonClient(AwsService.CodeBuild, new AwsClientOptions
        {
            Region = "cn-north-1", Credentials = TestEnvironment.ExampleCredentials, Environment = _environment.Environment,
        });

        Assert.Equal(new Uri("https://api.ecr.eu-west-1.amazonaws.com/"), ecr.Endpoint);
        Assert.Equal(new Uri("https://codebuild.cn-north-1.amazonaws.com.cn/"), codeBuild.Endpoint);
    }

    [Fact]
    public async Task TestCancellation_StopsCall()
    {
        using var cancellation = new CancellationTokenSource();
        await using var server = new LoopbackServer((_, _) =>
        {
            cancellation.Cancel();
            Thread.Sleep(200);
            return StubResponse.Json("{}");
        });
        using var client = new AwsJsonClient(AwsService.Ecr, _environment.LoopbackOptions(server));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.InvokeAsync("DescribeRepositories", new JsonObject(), cancellation.Token));

        Assert.Single(server.Requests);
    }
}
