using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Slipway.LocalAws.Signing;

namespace Slipway.LocalAws.Server;

/// <summary>The AWS JSON 1.1 protocol: routes by <c>X-Amz-Target</c>, authenticates, parses the input and writes the output or an AWS-shaped error.</summary>
internal sealed class JsonProtocol(IReadOnlyList<IAwsJsonService> services, SigV4Verifier verifier, string region)
{
    private const string ContentType = "application/x-amz-json-1.1";

    /// <summary>Answers one JSON request; every failure becomes a <c>{"__type", "message"}</c> body.</summary>
    public async Task HandleAsync(HttpContext http, SignedRequest request, string requestId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            var (service, operation) = Route(request.Header("x-amz-target") ?? "");
            AwsPrincipal caller;
            try
            {
                caller = verifier.Verify(request, service.SigningName, [region]);
            }
            catch (AuthFailure failure)
            {
                throw AuthErrorCodes.ForJson(failure);
            }

            var output = await service.HandleAsync(operation, ParseInput(request.Body), new CallContext(requestId, caller, region, now), cancellationToken);
            await WriteAsync(http, 200, output ?? new JsonObject(), cancellationToken);
        }
        catch (AwsErrorException error)
        {
            http.Response.Headers["x-amzn-ErrorType"] = error.Code;
            await WriteAsync(http, error.StatusCode, new JsonObject { ["__type"] = error.Code, ["message"] = error.Message }, cancellationToken);
        }
    }

    private (IAwsJsonService Service, string Operation) Route(string target)
    {
        var dot = target.LastIndexOf('.');
        var prefix = dot < 0 ? target : target[..dot];
        var service = services.FirstOrDefault(candidate => candidate.TargetPrefix == prefix);
        if (service is null || dot < 0 || dot == target.Length - 1)
            throw new AwsErrorException("UnknownOperationException", $"Operation '{target}' is not known to this endpoint.");
        return (service, target[(dot + 1)..]);
    }

    private static JsonObject ParseInput(ReadOnlyMemory<byte> body)
    {
        if (body.IsEmpty)
            return [];
        try
        {
            return JsonNode.Parse(body.Span) as JsonObject
                ?? throw new AwsErrorException("SerializationException", "Start of structure or map found where not expected: the request body must be a JSON object.");
        }
        catch (JsonException exception)
        {
            throw new AwsErrorException("SerializationException", $"The request body is not valid JSON: {exception.Message}");
        }
    }

    private static async Task WriteAsync(HttpContext http, int status, JsonNode body, CancellationToken cancellationToken)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = ContentType;
        await http.Response.Body.WriteAsync(AwsJson.ResponseBody(body), cancellationToken);
    }
}
