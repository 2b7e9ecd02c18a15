using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Amazon;
using Amazon.Runtime;
using Slipway.Aws.Credentials;
using Slipway.Aws.Endpoints;

namespace Slipway.Aws;

/// <summary>
/// Calls one AWS JSON 1.1 service: POST / with X-Amz-Target, signed per attempt with AWSSDK.Core's SigV4 signer,
/// retried with full-jitter backoff, errors mapped to typed <see cref="AwsServiceException"/>s.
/// </summary>
public sealed partial class AwsJsonClient : IDisposable
{
    private readonly AWSCredentials _credentials;
    private readonly HttpClient _http;
    private readonly AwsClientOptions _options;

    /// <summary>Resolves region, endpoint and credentials source; throws <see cref="AwsConfigurationException"/> for bad input.</summary>
    public AwsJsonClient(AwsService service, AwsClientOptions? options = null)
    {
        _options = options ?? new AwsClientOptions();
        _options.Retry.Validate();
        Service = service;
        Region = AwsRegions.Resolve(_options.Region, _options.Environment);
        Endpoint = ServiceEndpoints.Resolve(service, Region, _options.ServiceUrl);
        _credentials = _options.Credentials ?? CredentialChain.For(_options.Environment);
        _http = _options.HttpHandler is { } handler
            ? new HttpClient(handler, disposeHandler: false)
            : new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
        _http.Timeout = Timeout.InfiniteTimeSpan; // per-attempt timeouts come from AttemptTimeout
    }

    /// <summary>The service this client calls.</summary>
    public AwsService Service { get; }

    /// <summary>The signing region (also with an endpoint override).</summary>
    public RegionEndpoint Region { get; }

    /// <summary>The URL requests are posted to.</summary>
    public Uri Endpoint { get; }

    /// <summary>Calls an operation with a typed request and result (unknown response members are ignored).</summary>
    public async Task<TResult> InvokeAsync<TRequest, TResult>(string operation, TRequest request,
        JsonTypeInfo<TRequest> requestType, JsonTypeInfo<TResult> resultType, CancellationToken cancellationToken = default)
    {
        var response = await SendAsync(operation, JsonSerializer.SerializeToUtf8Bytes(request, requestType), cancellationToken)
            .ConfigureAwait(false);
        try
        {
            return JsonSerializer.Deserialize(response.Body.Length == 0 ? "{}"u8 : response.Body, resultType)
                ?? throw new JsonException("The response body is null.");
        }
        catch (JsonException e)
        {
            throw Unreadable(operation, response, e);
        }
    }

    /// <summary>Calls an operation with raw JSON, for shapes kept as JSON (task definitions).</summary>
    public async Task<JsonObject> InvokeAsync(string operation, JsonObject request, CancellationToken cancellationToken = default)
    {
        var response = await SendAsync(operation, JsonSerializer.SerializeToUtf8Bytes(request, AwsJsonContext.Default.JsonObject),
            cancellationToken).ConfigureAwait(false);
        try
        {
            return response.Body.Length == 0 ? [] : JsonNode.Parse(response.Body) as JsonObject
                ?? throw new JsonException("The response body is not a JSON object.");
        }
        catch (JsonException e)
        {
            throw Unreadable(operation, response, e);
        }
    }

    private AwsProtocolException Unreadable(string operation, AwsResponse response, JsonException e) =>
        new($"{Service.Name} {operation} returned a response that is not the expected JSON: {e.Message} " +
            $"(request id '{response.RequestId}').", response.RequestId, e);

    /// <summary>Disposes the HTTP client (not an injected handler).</summary>
    public void Dispose() => _http.Dispose();
}

/// <summary>A successful response: body bytes and request id.</summary>
internal sealed record AwsResponse(byte[] Body, string? RequestId);
