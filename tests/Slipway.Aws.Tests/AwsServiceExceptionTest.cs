using System.Text.Json.Nodes;
using Slipway.Aws.Tests.Infrastructure;

namespace Slipway.Aws.Tests;

/// <summary>Error responses become typed exceptions carrying code, message, status, request id, service and operation.</summary>
public class AwsServiceExceptionTest : IDisposable
{
    private readonly TestEnvironment _environment = new();

    public void Dispose() => _environment.Dispose();

    private async Task<AwsServiceException> FailWith(StubResponse response, AwsService? service = null, string operation = "DescribeRepositories")
    {
        await using var server = new LoopbackServer((_, _) => response);
        using var client = new AwsJsonClient(service ?? AwsService.Ecr, _environment.LoopbackOptions(server));
        return await Assert.ThrowsAnyAsync<AwsServiceException>(() => client.InvokeAsync(operation, new JsonObject()));
    }

    private static Dictionary<string, string> RequestId(string id) => new() { ["x-amzn-RequestId"] = id };

    [Fact]
    public async Task TestTypeWithNamespace_CodeAfterHash()
    {
        var error = await FailWith(StubResponse.Error(400, "com.amazonaws.ecr#RepositoryNotFoundException", "no repo 'app'", "rid-1"));

        var typed = Assert.IsType<RepositoryNotFoundException>(error);
        Assert.Equal("RepositoryNotFoundException", typed.Code);
        Assert.Equal("no repo 'app'", typed.ServiceMessage);
        Assert.Equal(400, typed.StatusCode);
        Assert.Equal("rid-1", typed.RequestId);
        Assert.Equal("ECR", typed.Service);
        Assert.Equal("DescribeRepositories", typed.Operation);
        Assert.Equal("ECR DescribeRepositories failed: RepositoryNotFoundException: no repo 'app' (HTTP 400, request id 'rid-1')", typed.Message);
    }

    [Fact]
    public async Task TestTypeWithUri_SuffixAfterColonRemoved()
    {
        var error = await FailWith(new StubResponse(400,
            """{"__type":"aws.ecs#ServiceNotFoundException:http://internal.amazon.com/coral/com.amazon.coral.validate/","Message":"Service not found."}""",
            RequestId("rid-2")), AwsService.Ecs, "UpdateService");

        var typed = Assert.IsType<ServiceNotFoundException>(error);
        Assert.Equal("Service not found.", typed.ServiceMessage); // "Message" with a capital M
        Assert.Equal("ECS", typed.Service);
    }

    [Fact]
    public async Task TestNoBody_CodeFromStatus()
    {
        var error = await FailWith(new StubResponse(403, "", RequestId("rid-3")));

        Assert.Equal(typeof(AwsServiceException), error.GetType());
        Assert.Equal("Forbidden", error.Code);
        Assert.Equal("HTTP 403 with no error body", error.ServiceMessage);
        Assert.Equal("rid-3", error.RequestId);
    }

    [Fact]
    public async Task TestErrorTypeHeader_CodeWhenBodyHasNone()
    {
        var error = await FailWith(new StubResponse(400, "", new Dictionary<string, string>
        {
            ["x-amzn-ErrorType"] = "AccessDeniedException:http://internal.amazon.com/", ["x-amzn-RequestId"] = "rid-4",
        }));

        Assert.IsType<AccessDeniedException>(error);
    }

    [Fact]
    public async Task TestUnknownCode_BaseExceptionKeepsCode()
    {
        var error = await FailWith(StubResponse.Error(400, "BrandNewException", "something new"));

        Assert.Equal(typeof(AwsServiceException), error.GetType());
        Assert.Equal("BrandNewException", error.Code);
        Assert.False(error.IsRetryable);
    }

    [Fact]
    public async Task TestNonJsonBody_TextInMessage()
    {
        var error = await FailWith(new StubResponse(400, "<html>Bad gateway page</html>", RequestId("rid-5")));

        Assert.Equal("BadRequest", error.Code);
        Assert.Equal("HTTP 400: <html>Bad gateway page</html>", error.ServiceMessage);
    }

    [Theory]
    [InlineData("RepositoryNotFoundException", typeof(RepositoryNotFoundException))]
    [InlineData("RepositoryAlreadyExistsException", typeof(RepositoryAlreadyExistsException))]
    [InlineData("ImageAlreadyExistsException", typeof(ImageAlreadyExistsException))]
    [InlineData("ImageTagAlreadyExistsException", typeof(ImageTagAlreadyExistsException))]
    [InlineData("LayersNotFoundException", typeof(LayersNotFoundException))]
    [InlineData("ReferencedImagesNotFoundException", typeof(ReferencedImagesNotFoundException))]
    [InlineData("ImageDigestDoesNotMatchException", typeof(ImageDigestDoesNotMatchException))]
    [InlineData("ImageNotFoundException", typeof(ImageNotFoundException))]
    [InlineData("InvalidParameterException", typeof(InvalidParameterException))]
    [InlineData("LimitExceededException", typeof(LimitExceededException))]
    [InlineData("ServerException", typeof(ServerException))]
    [InlineData("ClientException", typeof(ClientException))]
    [InlineData("ServiceNotFoundException", typeof(ServiceNotFoundException))]
    [InlineData("ServiceNotActiveException", typeof(ServiceNotActiveException))]
    [InlineData("ClusterNotFoundException", typeof(ClusterNotFoundException))]
    [InlineData("AccessDeniedException", typeof(AccessDeniedException))]
    [InlineData("PlatformTaskDefinitionIncompatibilityException", typeof(PlatformTaskDefinitionIncompatibilityException))]
    [InlineData("InvalidInputException", typeof(InvalidInputException))]
    [InlineData("ResourceNotFoundException", typeof(ResourceNotFoundException))]
    [InlineData("AccountLimitExceededException", typeof(AccountLimitExceededException))]
    public void TestModeledCode_TypedException(string code, Type expected)
    {
        var error = AwsServiceExceptions.Create(new AwsErrorResponse(code, "m", 400, "rid", "ECR", "PutImage"));

        Assert.IsType(expected, error);
        Assert.Equal(code, error.Code);
        Assert.Contains(code, AwsServiceExceptions.ModeledCodes);
    }
}
