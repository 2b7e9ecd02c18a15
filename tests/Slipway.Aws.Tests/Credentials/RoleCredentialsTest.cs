using System.Net;
using Slipway.Aws.Credentials;
using Slipway.Aws.Ecr;
using Slipway.Aws.Tests.Infrastructure;

namespace Slipway.Aws.Tests.Credentials;

/// <summary>Assume-role credentials through AWSSDK.SecurityToken against a loopback STS speaking the Query/XML protocol.</summary>
public class RoleCredentialsTest : IDisposable
{
    private const string RoleArn = "arn:aws:iam::222222222222:role/slipway-deploy";
    private readonly TestEnvironment _environment = new();
    private readonly ManualClock _clock = new();

    public void Dispose() => _environment.Dispose();

    /// <summary>An STS that issues numbered sessions valid one hour from the test clock's now.</summary>
    private LoopbackServer Sts() => new((_, index) =>
    {
        var expiration = _clock.GetUtcNow().AddHours(1).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ");
        return new StubResponse(200, $"""
            <AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
              <AssumeRoleResult>
                <Credentials>
                  <AccessKeyId>ASIAROLE{index}</AccessKeyId>
                  <SecretAccessKey>role-secret-{index}</SecretAccessKey>
                  <SessionToken>role-token-{index}</SessionToken>
                  <Expiration>{expiration}</Expiration>
                </Credentials>
                <AssumedRoleUser><AssumedRoleId>AROA:prod</AssumedRoleId><Arn>arn:aws:sts::222222222222:assumed-role/slipway-deploy/prod</Arn></AssumedRoleUser>
              </AssumeRoleResult>
              <ResponseMetadata><RequestId>sts-{index}</RequestId></ResponseMetadata>
            </AssumeRoleResponse>
            """, new Dictionary<string, string> { ["Content-Type"] = "text/xml", ["x-amzn-RequestId"] = $"sts-{index}" });
    });

    private RoleCredentials Role(LoopbackServer sts, AssumeRoleSettings? settings = null) =>
        new(settings ?? new AssumeRoleSettings(RoleArn, "slipway-prod") { ExternalId = "ext-42", Duration = TimeSpan.FromMinutes(15) },
            _environment.LoopbackOptions(sts, _clock));

    [Fact]
    public async Task TestTwoUses_OneStsCall()
    {
        await using var sts = Sts();
        await using var ecr = new LoopbackServer((_, _) => StubResponse.Json("{}"));
        using var role = Role(sts);
        using var client = new EcrClient(_environment.LoopbackOptions(ecr, _clock, credentials: role));

        await client.GetAuthorizationTokenAsync();
        await client.GetAuthorizationTokenAsync();

        Assert.Single(sts.Requests);
        Assert.Equal(2, ecr.Requests.Count);
        Assert.All(ecr.Requests, r =>
        {
            Assert.Equal("ASIAROLE0", SigV4Check.Parse(r).AccessKey);
            Assert.Equal("role-token-0", r.Header("X-Amz-Security-Token"));
            SigV4Check.AssertValid(r, "role-secret-0");
        });
    }

    [Fact]
    public async Task TestAfterExpiry_NewStsCall()
    {
        await using var sts = Sts();
        using var role = Role(sts);

        var first = await role.GetCredentialsAsync(CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(54)); // 6 minutes left: still outside the 5-minute refresh window
        var cached = await role.GetCredentialsAsync(CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(2)); // 4 minutes left: renew
        var renewed = await role.GetCredentialsAsync(CancellationToken.None);

        Assert.Equal(2, sts.Requests.Count);
        Assert.Same(first, cached);
        Assert.Equal(("ASIAROLE1", "role-secret-1", "role-token-1"), (renewed.AccessKey, renewed.SecretKey, renewed.Token));
        Assert.Equal(_clock.GetUtcNow().AddHours(1).UtcDateTime, role.Expiration);
    }

    [Fact]
    public async Task TestConcurrentUses_OneStsCall()
    {
        await using var sts = Sts();
        using var role = Role(sts);

        var all = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => role.GetCredentialsAsync(CancellationToken.None))));

        Assert.Single(sts.Requests);
        Assert.All(all, c => Assert.Equal("ASIAROLE0", c.AccessKey));
    }

    [Fact]
    public async Task TestAssumeRoleRequest_QueryFormSignedForSts()
    {
        await using var sts = Sts();
        using var role = Role(sts);

        await role.GetCredentialsAsync(CancellationToken.None);

        var request = Assert.Single(sts.Requests);
        var form = request.BodyText.Split('&').Select(p => p.Split('=')).ToDictionary(p => p[0], p => WebUtility.UrlDecode(p[1]));
        Assert.Equal("POST", request.Method);
        Assert.StartsWith("application/x-www-form-urlencoded", request.Header("Content-Type"));
        Assert.Equal("AssumeRole", form["Action"]);
        Assert.Equal("2011-06-15", form["Version"]);
        Assert.Equal(RoleArn, form["RoleArn"]);
        Assert.Equal("slipway-prod", form["RoleSessionName"]);
        Assert.Equal("ext-42", form["ExternalId"]);
        Assert.Equal("900", form["DurationSeconds"]);
        var authorization = SigV4Check.Parse(request);
        Assert.Equal(("eu-west-1", "sts", TestEnvironment.AccessKey), (authorization.Region, authorization.Service, authorization.AccessKey));
        SigV4Check.AssertValid(request, TestEnvironment.SecretKey);
    }

    [Fact]
    public async Task TestStsError_TypedWithRequestId()
    {
        await using var sts = new LoopbackServer((_, _) => new StubResponse(403, """
            <ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
              <Error><Type>Sender</Type><Code>AccessDenied</Code><Message>User is not authorized to perform: sts:AssumeRole</Message></Error>
              <RequestId>sts-denied</RequestId>
            </ErrorResponse>
            """, new Dictionary<string, string> { ["Content-Type"] = "text/xml", ["x-amzn-RequestId"] = "sts-denied" }));
        using var role = Role(sts);

        var error = await Assert.ThrowsAnyAsync<AwsServiceException>(() => role.GetCredentialsAsync(CancellationToken.None));

        Assert.Equal(("AccessDenied", 403, "sts-denied"), (error.Code, error.StatusCode, error.RequestId));
        Assert.Equal(("STS", "AssumeRole"), (error.Service, error.Operation));
        Assert.Contains($"Assuming role '{RoleArn}' failed", error.Message);
        Assert.Single(sts.Requests);
    }

    [Theory]
    [InlineData("arn:aws:iam::2222:role/short-account", "x", "Role ARN 'arn:aws:iam::2222:role/short-account' is not an IAM role ARN")]
    [InlineData(RoleArn, "a", "Role session name 'a' is not valid")]
    [InlineData(RoleArn, "has space", "Role session name 'has space' is not valid")]
    public void TestInvalidSettings_ConfigurationError(string roleArn, string sessionName, string expected)
    {
        var error = Assert.Throws<AwsConfigurationException>(() =>
            new RoleCredentials(new AssumeRoleSettings(roleArn, sessionName), new AwsClientOptions { Region = "eu-west-1" }));

        Assert.StartsWith(expected, error.Message);
    }
}
