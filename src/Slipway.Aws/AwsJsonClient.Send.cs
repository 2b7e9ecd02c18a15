using System.Net.Http.Headers;
using Amazon.Runtime;
using Slipway.Aws.Credentials;
using Slipway.Aws.Signing;

namespace Slipway.Aws;

public sealed partial class AwsJsonClient
{
    private const string ContentType = "application/x-amz-json-1.1";

    /// <summary>Sends one operation: each attempt gets fresh credentials, a new signature and a new timeout.</summary>
    internal async Task<AwsResponse> SendAsync(string operation, byte[] body, CancellationToken cancellationToken)
    {
        var retry = _options.Retry;
        for (var attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var credentials = await GetCredentialsAsync(cancellationToken).ConfigureAwait(false);
            var outcome = await AttemptAsync(operation, body, credentials, cancellationToken).ConfigureAwait(false);
            if (outcome.Response is { } response)
                return response;
            var retryable = outcome.Error is { } error ? error.IsRetryable : AwsRetryPolicy.IsRetryable(outcome.Transport!);
            if (!retryable || attempt >= retry.MaxAttempts)
                throw Fail(operation, outcome, attempt);
            await Task.Delay(retry.Backoff(attempt, _options.Random), _options.Clock, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<Outcome> AttemptAsync(string operation, byte[] body, ImmutableCredentials credentials,
        CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.AttemptTimeout);
        try
        {
            using var request = await CreateRequestAsync(operation, body, credentials, timeout.Token).ConfigureAwait(false);
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token)
                .ConfigureAwait(false);
            var bytes = await response.Content.ReadAsByteArrayAsync(timeout.Token).ConfigureAwait(false);
            var requestId = AwsErrorParser.RequestId(response.Headers);
            if (response.IsSuccessStatusCode)
                return new Outcome(new AwsResponse(bytes, requestId), null, null);
            var error = AwsErrorParser.Parse((int)response.StatusCode, bytes, response.Headers, Service.Name, operation);
            return new Outcome(null, AwsServiceExceptions.Create(error), null);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            return new Outcome(null, null, new TimeoutException($"No response within {_options.AttemptTimeout}.", e));
        }
        catch (Exception e) when (AwsRetryPolicy.IsRetryable(e))
        {
            return new Outcome(null, null, e);
        }
    }

    private async Task<HttpRequestMessage> CreateRequestAsync(string operation, byte[] body, ImmutableCredentials credentials,
        CancellationToken cancellationToken)
    {
        var target = Service.Target(operation);
        var signed = await RequestSigner.SignAsync(HttpMethod.Post, Endpoint,
            new Dictionary<string, string> { ["Content-Type"] = ContentType, ["X-Amz-Target"] = target },
            body, credentials, Region, Service.SigningName, _options.Clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        var request = new HttpRequestMessage(HttpMethod.Post, Endpoint)
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue(ContentType) } },
        };
        request.Headers.TryAddWithoutValidation("X-Amz-Target", target);
        foreach (var (name, value) in signed)
            request.Headers.TryAddWithoutValidation(name, value);
        return request;
    }

    private async Task<ImmutableCredentials> GetCredentialsAsync(CancellationToken cancellationToken)
    {
        try
        {
            return _credentials is ICancellableCredentials cancellable
                ? await cancellable.GetCredentialsAsync(cancellationToken).ConfigureAwait(false)
                : await _credentials.GetCredentialsAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not AwsException and not OperationCanceledException)
        {
            throw new AwsCredentialsException($"Credentials for {Service.Name} could not be obtained: {e.Message}", e);
        }
    }

    private AwsException Fail(string operation, Outcome outcome, int attempts)
    {
        if (outcome.Error is { } error)
        {
            error.Attempts = attempts;
            return error;
        }
        var transport = outcome.Transport!;
        return new AwsConnectionException(
            $"{Service.Name} {operation} could not reach '{Endpoint}' after {attempts} attempt{(attempts == 1 ? "" : "s")}: " +
            $"{transport.Message}{(transport.InnerException is { } inner ? $" ({inner.Message})" : "")}", attempts, transport);
    }

    /// <summary>One attempt's result: a response, a modeled error, or a transport failure.</summary>
    private sealed record Outcome(AwsResponse? Response, AwsServiceException? Error, Exception? Transport);
}
