using System.Text;
using System.Text.Json.Nodes;
using Slipway.LocalAws.Server;
using Slipway.LocalAws.Tests.Infrastructure;

namespace Slipway.LocalAws.Tests;

/// <summary>The JSON 1.1 protocol: routing by X-Amz-Target, and AWS-shaped 4xx errors for everything a client can get wrong.</summary>
public sealed class JsonProtocolTest(TestPlatform fixture) : IClassFixture<TestPlatform>
{
    [Fact]
    public async Task TestHandle_UnknownOperationIsUnknownOperationException()
    {
        var response = await fixture.Ecr(fixture.Development).FailAsync("DeleteEverything", null, 400, "UnknownOperationException");

        Assert.Contains("DeleteEverything", response.ErrorMessage);
        Assert.False(string.IsNullOrEmpty(response.RequestId));
    }

    [Fact]
    public async Task TestHandle_UnknownTargetPrefixIsUnknownOperationException()
    {
        var client = new AwsJsonClient(fixture.Platform.Endpoint, fixture.Platform.Region,
            new(fixture.Development.AccessKeyId, fixture.Development.SecretAccessKey, null))
        {
            TargetPrefix = "AmazonDynamoDBv2_20120810",
        };

        var response = await client.CallAsync("ListTables");

        Assert.Equal((400, "UnknownOperationException"), (response.Status, response.ErrorType));
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[1, 2]")]
    public async Task TestHandle_MalformedJsonIsSerializationException(string body)
    {
        var response = await fixture.Ecr(fixture.Development).CallAsync("DescribeRepositories", rawBody: body);

        Assert.Equal((400, "SerializationException"), (response.Status, response.ErrorType));
    }

    [Fact]
    public async Task TestHandle_MissingRequiredMemberIsValidationException()
    {
        var response = await fixture.Ecr(fixture.Development).FailAsync("CreateRepository", new JsonObject(), 400, "ValidationException");

        Assert.Contains("'repositoryName'", response.ErrorMessage);
    }

    [Fact]
    public async Task TestHandle_SuccessCarriesRequestIdAndJsonContentType()
    {
        var response = await fixture.Ecr(fixture.Development).CallAsync("DescribeRepositories");

        Assert.Equal(200, response.Status);
        Assert.True(Guid.TryParse(response.RequestId, out _));
        Assert.NotNull(response.Body["repositories"]);
    }

    [Fact]
    public async Task TestHandle_ResponseLeavesOutNullMembers()
    {
        // A null the caller sent inside a container definition would otherwise come back: AWS leaves members without a value out.
        var ecs = new AwsJsonClient(fixture.Platform.Endpoint, fixture.Platform.Region,
            new(fixture.Development.AccessKeyId, fixture.Development.SecretAccessKey, null))
        {
            Service = "ecs",
            TargetPrefix = "AmazonEC2ContainerServiceV20141113",
        };

        var output = await ecs.InvokeAsync("RegisterTaskDefinition", new JsonObject
        {
            ["family"] = "nulls-left-out",
            ["containerDefinitions"] = new JsonArray(new JsonObject { ["name"] = "web", ["image"] = "example/web:1", ["command"] = null, ["links"] = null }),
        });

        var container = output["taskDefinition"]!["containerDefinitions"]![0]!.AsObject();
        Assert.Equal("example/web:1", (string?)container["image"]);
        Assert.False(container.ContainsKey("command") || container.ContainsKey("links"), container.ToJsonString());
        Assert.Empty(container["mountPoints"]!.AsArray());
    }

    [Fact]
    public void TestResponseBody_NullMembersLeftOutAtEveryDepthEmptyListsAndStringsKept()
    {
        var body = new JsonObject
        {
            ["failures"] = new JsonArray(),
            ["nextToken"] = null,
            ["services"] = new JsonArray(new JsonObject { ["rolloutStateReason"] = null, ["events"] = new JsonArray(), ["deployment"] = new JsonObject { ["x"] = null } }),
            ["imageManifest"] = "{\n \"note\": \"<ü> & 'q'\"}",
        };

        var text = Encoding.UTF8.GetString(AwsJson.ResponseBody(body));

        Assert.Equal("""{"failures":[],"services":[{"events":[],"deployment":{}}],"imageManifest":"{\n \"note\": \"<ü> & 'q'\"}"}""", text);
    }
}
