using Amazon.Runtime;
using Slipway.Aws.Credentials;

namespace Slipway.Aws;

/// <summary>How an AWS client finds its region, endpoint and credentials, and how it retries.</summary>
public sealed record AwsClientOptions
{
    /// <summary>Region name such as "eu-west-1"; null resolves it from the environment (AWS_REGION, AWS_DEFAULT_REGION, profile, instance metadata).</summary>
    public string? Region { get; init; }

    /// <summary>Endpoint override such as "http://127.0.0.1:4566"; requests are still signed for <see cref="Region"/> and the service's signing name.</summary>
    public string? ServiceUrl { get; init; }

    /// <summary>Credentials to sign with (explicit keys, <see cref="RoleCredentials"/>, any AWSSDK.Core credentials); null walks <see cref="CredentialChain"/>.</summary>
    public AWSCredentials? Credentials { get; init; }

    /// <summary>Where the credential and region chains look: the process environment unless a test or tool injects another.</summary>
    public AwsEnvironment Environment { get; init; } = AwsEnvironment.Process;

    /// <summary>Retry attempts and backoff.</summary>
    public AwsRetryPolicy Retry { get; init; } = AwsRetryPolicy.Default;

    /// <summary>How long one attempt (send and read the response) may take before it counts as a retryable timeout.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Clock for signing times, backoff waits and credential expiry; injectable so tests need not wait.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Source of backoff jitter.</summary>
    public Random Random { get; init; } = Random.Shared;

    /// <summary>HTTP handler to send through (proxies, tests); null uses a pooled SocketsHttpHandler owned by the client.</summary>
    public HttpMessageHandler? HttpHandler { get; init; }
}
