using System.Text;
using System.Text.Json.Nodes;
using Amazon.Runtime;

namespace Slipway.LocalAws.Tests.Infrastructure;

/// <summary>The answer to a JSON 1.1 call: status, body, and the error code when it failed.</summary>
public sealed record AwsJsonResponse(int Status, JsonObject Body, string? RequestId)
{
    public string? ErrorType => (string?)Body["__type"];

    public string? ErrorMessage => (string?)Body["message"];
}

/// <summary>A small JSON 1.1 client (ECR by default) signing with AWSSDK.Core's signer; there is no AWSSDK.ECR to use instead.</summary>
public sealed class AwsJsonClient(Uri endpoint, string region, ImmutableCredentials credentials)
{
    public string Service { get; init; } = "ecr";

    public string TargetPrefix { get; init; } = "AmazonEC2ContainerRegistry_V20150921";

    public string SigningRegion { get; init; } = region;

    /// <summary>Calls <paramref name="operation"/> and returns whatever came back.</summary>
    public async Task<AwsJsonResponse> CallAsync(string operation, JsonObject? input = null, DateTime? signedAt = null, string? rawBody = null)
    {
        var body = Encoding.UTF8.GetBytes(rawBody ?? (input ?? []).ToJsonString());
        using var response = await SignedHttp.PostAsync(endpoint, SigningRegion, Service, credentials, body, "application/x-amz-json-1.1",
            new Dictionary<string, string> { ["X-Amz-Target"] = $"{TargetPrefix}.{operation}" }, signedAt);
        var text = await response.Content.ReadAsStringAsync();
        var json = JsonNode.Parse(text) as JsonObject ?? throw new InvalidOperationException($"Not a JSON object: {text}");
        var requestId = response.Headers.TryGetValues("x-amzn-RequestId", out var ids) ? ids.First() : null;
        return new AwsJsonResponse((int)response.StatusCode, json, requestId);
    }

    /// <summary>Calls <paramref name="operation"/>, asserts it succeeded and returns the output.</summary>
    public async Task<JsonObject> InvokeAsync(string operation, JsonObject? input = null)
    {
        var response = await CallAsync(operation, input);
        Assert.True(response.Status == 200, $"{operation} failed with {response.Status}: {response.Body.ToJsonString()}");
        return response.Body;
    }

    /// <summary>Calls <paramref name="operation"/>, asserts it failed with <paramref name="status"/> and <paramref name="errorType"/>, and returns the response.</summary>
    public async Task<AwsJsonResponse> FailAsync(string operation, JsonObject? input, int status, string errorType)
    {
        var response = await CallAsync(operation, input);
        Assert.Equal((status, errorType), (response.Status, response.ErrorType));
        return response;
    }
}
