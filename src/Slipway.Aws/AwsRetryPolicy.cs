using System.Net.Sockets;

namespace Slipway.Aws;

/// <summary>When and how long to wait before retrying a failed call (botocore's standard mode: exponential backoff with full jitter).</summary>
public sealed record AwsRetryPolicy
{
    /// <summary>Error codes that mean "slow down" or "try again", whatever the HTTP status.</summary>
    public static IReadOnlySet<string> RetryableCodes { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "ThrottlingException", "Throttling", "ThrottledException", "RequestThrottledException",
        "TooManyRequestsException", "RequestLimitExceeded", "RequestTimeout", "PriorRequestNotComplete",
    };

    /// <summary>HTTP statuses retried whatever the error code.</summary>
    public static IReadOnlySet<int> RetryableStatuses { get; } = new HashSet<int> { 429, 500, 502, 503, 504, 509 };

    /// <summary>The default: 5 attempts, 1 s base delay, 20 s cap.</summary>
    public static AwsRetryPolicy Default { get; } = new();

    /// <summary>Total attempts including the first (1 = no retries).</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>The backoff ceiling before the first retry; it doubles for each later retry.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The largest ceiling any single backoff may reach.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Whether a modeled error with this code and status is worth another attempt.</summary>
    public static bool IsRetryable(string code, int statusCode) =>
        RetryableCodes.Contains(code) || RetryableStatuses.Contains(statusCode);

    /// <summary>Whether a transport failure (no HTTP response) is worth another attempt.</summary>
    public static bool IsRetryable(Exception transportFailure) => transportFailure is HttpRequestException
        or IOException or SocketException or TimeoutException;

    /// <summary>The upper bound of the wait after failed attempt <paramref name="attempt"/> (1-based).</summary>
    public TimeSpan Ceiling(int attempt)
    {
        var ceiling = BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 30));
        return TimeSpan.FromMilliseconds(Math.Min(ceiling, MaxDelay.TotalMilliseconds));
    }

    /// <summary>Full jitter: a uniformly random wait between zero and <see cref="Ceiling"/>.</summary>
    public TimeSpan Backoff(int attempt, Random random) =>
        TimeSpan.FromMilliseconds(random.NextDouble() * Ceiling(attempt).TotalMilliseconds);

    internal void Validate()
    {
        if (MaxAttempts < 1)
            throw new AwsConfigurationException($"Retry MaxAttempts '{MaxAttempts}' is invalid: use 1 (no retries) or more.");
        if (BaseDelay < TimeSpan.Zero || MaxDelay < TimeSpan.Zero)
            throw new AwsConfigurationException("Retry delays must not be negative.");
    }
}
