using System.Net;
using System.Text;
using Amazon.Runtime;
using Slipway.Aws;
using Slipway.Aws.Ecr;
using Slipway.Containers.Ecr;

namespace Slipway.Containers.Tests.Ecr;

/// <summary>Connecting to an account's registry when ECR's answer lacks what a login needs.</summary>
public class EcrRegistryTest
{
    [Fact]
    public async Task TestConnect_AnswerWithoutAuthorizationDataNamesTheAccount()
    {
        // AWS leaves an empty list out: GetAuthorizationToken answers {} rather than {"authorizationData":[]}.
        using var handler = new JsonAnswer("{}");
        var ecr = new EcrClient(new AwsClientOptions
        {
            Region = "eu-west-1",
            ServiceUrl = "http://127.0.0.1:9/",
            Credentials = new BasicAWSCredentials("AKIDEXAMPLE", "secret"),
            HttpHandler = handler,
        });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => EcrRegistry.ConnectAsync("production", ecr, CancellationToken.None));

        Assert.Equal("ECR returned no authorization data for account 'production'; check that the credentials may call ecr:GetAuthorizationToken.", error.Message);
        ecr.Dispose();
    }

    /// <summary>Answers every request with one JSON 1.1 body.</summary>
    private sealed class JsonAnswer(string body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent(body, Encoding.UTF8, "application/x-amz-json-1.1"),
            });
    }
}
