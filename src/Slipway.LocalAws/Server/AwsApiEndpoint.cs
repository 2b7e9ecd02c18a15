using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Slipway.LocalAws.Signing;

namespace Slipway.LocalAws.Server;

/// <summary>The AWS API endpoint: reads each request once, then hands it to the JSON 1.1 or the Query protocol.</summary>
internal sealed class AwsApiEndpoint(JsonProtocol json, QueryProtocol query, TimeProvider clock)
{
    // UploadLayerPart parts are at most 20 MiB; nothing else comes close.
    private const int MaxBodyBytes = 32 * 1024 * 1024;

    /// <summary>Answers one HTTP request to the API port.</summary>
    public async Task HandleAsync(HttpContext http)
    {
        var requestId = Guid.NewGuid().ToString();
        http.Response.Headers["x-amzn-RequestId"] = requestId;
        var cancellationToken = http.RequestAborted;
        try
        {
            var request = await ReadAsync(http, cancellationToken);
            var now = clock.GetUtcNow();
            if (request.Header("x-amz-target") is not null)
                await json.HandleAsync(http, request, requestId, now, cancellationToken);
            else
                await query.HandleAsync(http, request, requestId, now, cancellationToken);
        }
        catch (BadHttpRequestException exception) when (!http.Response.HasStarted)
        {
            await FailAsync(http, requestId, exception.StatusCode, "RequestEntityTooLarge", $"The request body exceeds {MaxBodyBytes} bytes.", cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException && !http.Response.HasStarted)
        {
            // A bug in a handler: report it as AWS reports its own faults, so SDKs retry and show the message.
            await FailAsync(http, requestId, 500, "InternalFailure", exception.Message, cancellationToken);
        }
    }

    private static async Task FailAsync(HttpContext http, string requestId, int status, string code, string message, CancellationToken cancellationToken)
    {
        http.Response.Clear();
        http.Response.Headers["x-amzn-RequestId"] = requestId;
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/x-amz-json-1.1";
        await http.Response.WriteAsync(new JsonObject { ["__type"] = code, ["message"] = message }.ToJsonString(AwsJson.Options), cancellationToken);
    }

    private static async Task<SignedRequest> ReadAsync(HttpContext http, CancellationToken cancellationToken)
    {
        // Kestrel stops reading past the limit and throws BadHttpRequestException (413).
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = MaxBodyBytes;
        using var body = new MemoryStream();
        await http.Request.Body.CopyToAsync(body, cancellationToken);

        var headers = http.Request.Headers.ToDictionary(
            header => header.Key, IReadOnlyList<string> (header) => header.Value.Select(value => value ?? "").ToList(),
            StringComparer.OrdinalIgnoreCase);
        // The raw target keeps the path exactly as the client signed it, before any decoding.
        var rawTarget = http.Features.Get<IHttpRequestFeature>()?.RawTarget ?? http.Request.Path.Value ?? "/";
        var queryStart = rawTarget.IndexOf('?');
        var rawPath = queryStart < 0 ? rawTarget : rawTarget[..queryStart];
        var rawQuery = queryStart < 0 ? "" : rawTarget[(queryStart + 1)..];
        return new SignedRequest(http.Request.Method, rawPath, rawQuery, headers, body.ToArray());
    }
}
