using System.Text.Json.Nodes;
using Slipway.Aws.Tests.Infrastructure;

namespace Slipway.Aws.Tests;

/// <summary>Retries: which failures are retried, how often, how long between attempts, and re-signing.</summary>
public class AwsJsonClientRetryTest : IDisposable
{
    private readonly TestEnvironment _environment = new();

    public void Dispose() => _environment.Dispose();

    private static Func<RecordedRequest, int, StubResponse> FailThenSucceed(int failures, StubResponse failure) =>
        (_, index) => index < failures ? failure : StubResponse.Json("{}", requestId: "req-final");

    [Fact]
    public async Task TestThrottling_RetriedUntilSuccess()
    {
        await using var server = new LoopbackServer(FailThenSucceed(3, StubResponse.Error(400, "ThrottlingException", "Rate exceeded")));
        using var client = new AwsJsonClient(AwsService.Ecr, _environment.LoopbackOptions(server));

        var result = await client.InvokeAsync("DescribeRepositories", new JsonObject());

        Assert.Equal(4, server.Requests.Count);
        Assert.Empty(result);
    }

    [Fact]
    public async Task TestServiceUnavailable_RetriedUntilSuccess()
    {
        await using var server = new LoopbackServer(FailThenSucceed(2, new StubResponse(503)));
        using var client = new AwsJsonClient(AwsService.Ecs, _environment.LoopbackOptions(server));

        await client.InvokeAsync("DescribeServices", new JsonObject());

        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task TestDroppedConnection_RetriedUntilSuccess()
    {
        await using var server = new LoopbackServer(FailThenSucceed(2, StubResponse.Dropped));
        using var client = new AwsJsonClient(AwsService.CodeBuild, _environment.LoopbackOptions(server));

        await client.InvokeAsync("BatchGetBuilds", new JsonObject());

        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task TestConnectionRefused_ConnectionErrorAfterMaxAttempts()
    {
        var server = new LoopbackServer((_, _) => StubResponse.Json("{}"));
        var options = _environment.LoopbackOptions(server, retry: AwsRetryPolicy.Default with { MaxAttempts = 3 });
        await server.DisposeAsync(); // nothing listens on the port any more
        using var client = new AwsJsonClient(AwsService.Ecr, options);

        var error = await Assert.ThrowsAsync<AwsConnectionException>(() => client.InvokeAsync("DescribeRepositories", new JsonObject()));

        Assert.Equal(3, error.Attempts);
        Assert.Contains($"could not reach '{server.Url}' after 3 attempts", error.Message);
    }

    [Fact]
    public async Task TestNonRetryableError_TriedExactlyOnce()
    {
        await using var server = new LoopbackServer((_, _) => StubResponse.Error(400,
            "com.amazonaws.ecr#RepositoryNotFoundException", "The repository with name 'app' does not exist", "req-404"));
        var clock = new ManualClock();
        using var client = new AwsJsonClient(AwsService.Ecr, _environment.LoopbackOptions(server, clock));

        var error = await Assert.ThrowsAsync<RepositoryNotFoundException>(() => client.InvokeAsync("DescribeRepositories", new JsonObject()));

        Assert.Single(server.Requests);
        Assert.Empty(clock.Waits);
        Assert.Equal(1, error.Attempts);
        Assert.Equal("req-404", error.RequestId);
    }

    [Fact]
    public async Task TestRetriesExhausted_LastErrorWithAttempts()
    {
        await using var server = new LoopbackServer((_, index) => StubResponse.Error(400, "ThrottlingException", "Rate exceeded", $"req-{index}"));
        using var client = new AwsJsonClient(AwsService.Ecr, _environment.LoopbackOptions(server));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => client.InvokeAsync("DescribeRepositories", new JsonObject()));

        Assert.Equal(5, server.Requests.Count);
        Assert.Equal(5, error.Attempts);
        Assert.Equal("req-4", error.RequestId);
        Assert.Equal("ThrottlingException", error.Code);
        Assert.Contains("after 5 attempts", error.Message);
    }

    [Fact]
    public async Task TestMaxAttempts_Configurable()
    {
        await using var server = new LoopbackServer((_, _) => new StubResponse(500));
        var options = _environment.LoopbackOptions(server, retry: AwsRetryPolicy.Default with { MaxAttempts = 2 });
        using var client = new AwsJsonClient(AwsService.Ecr, options);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => client.InvokeAsync("PutImage", new JsonObject()));

        Assert.Equal(2, server.Requests.Count);
        Assert.Equal("InternalServerError", error.Code);
        Assert.Equal(500, error.StatusCode);
    }

    [Fact]
    public async Task TestEachAttempt_SignedAnew()
    {
        await using var server = new LoopbackServer(FailThenSucceed(2, new StubResponse(503)));
        var retry = AwsRetryPolicy.Default with { BaseDelay = TimeSpan.FromSeconds(5) };
        var options = _environment.LoopbackOptions(server, retry: retry) with { Random = new FixedRandom(0.999999) }; // ~5 s, ~10 s
        using var client = new AwsJsonClient(AwsService.Ecr, options);

        await client.InvokeAsync("DescribeRepositories", new JsonObject());

        var requests = server.Requests;
        Assert.Equal(3, requests.Count);
        // the clock moved by each backoff, so each attempt carries its own date and signature, and each verifies
        Assert.Equal(3, requests.Select(r => r.Header("X-Amz-Date")).Distinct().Count());
        Assert.Equal(3, requests.Select(r => SigV4Check.Parse(r).Signature).Distinct().Count());
        Assert.All(requests, r => SigV4Check.AssertValid(r, TestEnvironment.SecretKey));
    }

    [Fact]
    public async Task TestBackoff_ExponentialCeilingsWithFullJitter()
    {
        await using var server = new LoopbackServer((_, _) => new StubResponse(503));
        var clock = new ManualClock();
        var retry = new AwsRetryPolicy { MaxAttempts = 6, BaseDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(10) };
        var options = _environment.LoopbackOptions(server, clock, retry) with { Random = new FixedRandom(0.999999) };
        using var client = new AwsJsonClient(AwsService.Ecr, options);

        await Assert.ThrowsAsync<AwsServiceException>(() => client.InvokeAsync("DescribeRepositories", new JsonObject()));

        // jitter at its maximum reaches each ceiling: 1, 2, 4, 8, then capped at 10 seconds (Task.Delay truncates to ms)
        var waits = clock.Waits.Select(w => Math.Round(w.TotalSeconds, 2)).ToList();
        Assert.Equal([1.0, 2.0, 4.0, 8.0, 10.0], waits);
    }

    [Fact]
    public void TestBackoff_WithinBoundsForAnyJitter()
    {
        var retry = AwsRetryPolicy.Default;
        var random = new Random(1234);

        for (var attempt = 1; attempt <= 8; attempt++)
            for (var sample = 0; sample < 200; sample++)
            {
                var wait = retry.Backoff(attempt, random);
                Assert.InRange(wait, TimeSpan.Zero, retry.Ceiling(attempt));
            }
        Assert.Equal(TimeSpan.FromSeconds(1), retry.Ceiling(1));
        Assert.Equal(TimeSpan.FromSeconds(16), retry.Ceiling(5));
        Assert.Equal(TimeSpan.FromSeconds(20), retry.Ceiling(6));
        Assert.Equal(TimeSpan.Zero, retry.Backoff(3, new FixedRandom(0)));
    }

    [Theory]
    [InlineData("ThrottlingException", 400, true)]
    [InlineData("Throttling", 400, true)]
    [InlineData("ThrottledException", 400, true)]
    [InlineData("RequestThrottledException", 400, true)]
    [InlineData("TooManyRequestsException", 400, true)]
    [InlineData("RequestLimitExceeded", 400, true)]
    [InlineData("RequestTimeout", 400, true)]
    [InlineData("PriorRequestNotComplete", 400, true)]
    [InlineData("SomethingElse", 429, true)]
    [InlineData("SomethingElse", 502, true)]
    [InlineData("SomethingElse", 504, true)]
    [InlineData("SomethingElse", 509, true)]
    [InlineData("ImageTagAlreadyExistsException", 400, false)]
    [InlineData("AccessDeniedException", 403, false)]
    [InlineData("NotFound", 404, false)]
    public void TestRetryable_CodesAndStatuses(string code, int status, bool retryable)
    {
        Assert.Equal(retryable, AwsRetryPolicy.IsRetryable(code, status));
    }

    [Fact]
    public async Task TestCancellationDuringBackoff_NoFurtherAttempts()
    {
        using var cancellation = new CancellationTokenSource();
        await using var server = new LoopbackServer((_, _) => new StubResponse(503));
        var options = _environment.LoopbackOptions(server) with { Clock = new CancellingClock(cancellation) };
        using var client = new AwsJsonClient(AwsService.Ecr, options);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => client.InvokeAsync("DescribeRepositories", new JsonObject(), cancellation.Token));

        Assert.Single(server.Requests);
    }

    /// <summary>A clock whose timers never fire but cancel the call instead, as a user pressing Ctrl-C mid-backoff.</summary>
    private sealed class CancellingClock(CancellationTokenSource cancellation) : TimeProvider
    {
        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            ThreadPool.QueueUserWorkItem(_ => cancellation.Cancel());
            return TimeProvider.System.CreateTimer(_ => { }, null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
    }
}
