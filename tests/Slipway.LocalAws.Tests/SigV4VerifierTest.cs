using System.Text;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using Slipway.LocalAws.Signing;
using Slipway.LocalAws.Tests.Infrastructure;

namespace Slipway.LocalAws.Tests;

/// <summary>SigV4 verification: requests signed by AWSSDK.Core's signer pass, and each way of getting it wrong fails with AWS's error for it.</summary>
public sealed class SigV4VerifierTest(TestPlatform fixture) : IClassFixture<TestPlatform>
{
    [Fact]
    public void TestVerify_AwsDocumentedExampleSignatureIsAccepted()
    {
        // The worked example of AWS's "Signature Version 4" documentation: IAM ListUsers signed on 2015-08-30.
        var credentials = new FixedCredential("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
        var verifier = new SigV4Verifier(credentials, new FixedClock(new DateTimeOffset(2015, 8, 30, 12, 40, 0, TimeSpan.Zero)));
        var request = new SignedRequest("GET", "/", "Action=ListUsers&Version=2010-05-08",
            new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase)
            {
                ["Host"] = ["iam.amazonaws.com"],
                ["Content-Type"] = ["application/x-www-form-urlencoded; charset=utf-8"],
                ["X-Amz-Date"] = ["20150830T123600Z"],
                ["Authorization"] = ["AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, " +
                    "SignedHeaders=content-type;host;x-amz-date, Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7"],
            },
            Array.Empty<byte>());

        var principal = verifier.Verify(request, "iam", ["us-east-1"]);

        Assert.Equal("AKIDEXAMPLE", principal.AccessKeyId);
    }

    [Fact]
    public async Task TestVerify_WrongSecretIsInvalidSignatureForJsonServices()
    {
        var ecr = fixture.Ecr(new ImmutableCredentials(fixture.Development.AccessKeyId, "wrong" + fixture.Development.SecretAccessKey[5..], null));

        var response = await ecr.FailAsync("DescribeRepositories", null, 403, "InvalidSignatureException");

        Assert.StartsWith("The request signature we calculated does not match the signature you provided.", response.ErrorMessage);
    }

    [Fact]
    public async Task TestVerify_WrongSecretIsSignatureDoesNotMatchForSts()
    {
        using var sts = fixture.Sts(new BasicAWSCredentials(fixture.Development.AccessKeyId, "not-the-secret"));

        var error = await Assert.ThrowsAnyAsync<AmazonSecurityTokenServiceException>(() => sts.GetCallerIdentityAsync(new GetCallerIdentityRequest()));

        Assert.Equal(("SignatureDoesNotMatch", 403), (error.ErrorCode, (int)error.StatusCode));
        Assert.Equal(ErrorType.Sender, error.ErrorType);
    }

    [Fact]
    public async Task TestVerify_UnknownAccessKeyIsUnrecognizedClientOrInvalidClientTokenId()
    {
        var unknown = new ImmutableCredentials("AKIAUNKNOWNUNKNOWN00", fixture.Development.SecretAccessKey, null);
        using var sts = fixture.Sts(new BasicAWSCredentials(unknown.AccessKey, unknown.SecretKey));

        var json = await fixture.Ecr(unknown).FailAsync("DescribeRepositories", null, 403, "UnrecognizedClientException");
        var query = await Assert.ThrowsAnyAsync<AmazonSecurityTokenServiceException>(() => sts.GetCallerIdentityAsync(new GetCallerIdentityRequest()));

        Assert.Equal("The security token included in the request is invalid.", json.ErrorMessage);
        Assert.Equal(("InvalidClientTokenId", 403), (query.ErrorCode, (int)query.StatusCode));
    }

    [Fact]
    public async Task TestVerify_SessionKeyWithWrongTokenIsRejected()
    {
        using var sts = fixture.Sts(Clients.Root(fixture.Development));
        var assumed = await sts.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = $"arn:aws:iam::{fixture.Development.Id}:role/r", RoleSessionName = "tok" });
        var credentials = assumed.Credentials;

        var wrongToken = await fixture.Ecr(new ImmutableCredentials(credentials.AccessKeyId, credentials.SecretAccessKey, "forged")).CallAsync("DescribeRepositories");
        var noToken = await fixture.Ecr(new ImmutableCredentials(credentials.AccessKeyId, credentials.SecretAccessKey, null)).CallAsync("DescribeRepositories");
        var rightToken = await fixture.Ecr(new ImmutableCredentials(credentials.AccessKeyId, credentials.SecretAccessKey, credentials.SessionToken)).CallAsync("DescribeRepositories");

        Assert.Equal(("UnrecognizedClientException", "UnrecognizedClientException", 200), (wrongToken.ErrorType, noToken.ErrorType, rightToken.Status));
    }

    [Fact]
    public async Task TestVerify_PermanentKeyWithASessionTokenIsRejectedAsAwsDoes()
    {
        using var root = fixture.Sts(Clients.Root(fixture.Development));
        var session = (await root.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = $"arn:aws:iam::{fixture.Development.Id}:role/r", RoleSessionName = "mixed" })).Credentials;
        // A real, current session token, sent with the account's permanent key: AWS refuses the pair, whatever the token.
        var permanentWithToken = new ImmutableCredentials(fixture.Development.AccessKeyId, fixture.Development.SecretAccessKey, session.SessionToken);
        using var sts = fixture.Sts(new SessionAWSCredentials(permanentWithToken.AccessKey, permanentWithToken.SecretKey, permanentWithToken.Token));

        var json = await fixture.Ecr(permanentWithToken).FailAsync("DescribeRepositories", null, 403, "UnrecognizedClientException");
        var query = await Assert.ThrowsAnyAsync<AmazonSecurityTokenServiceException>(() => sts.GetCallerIdentityAsync(new GetCallerIdentityRequest()));

        Assert.Equal("The security token included in the request is invalid.", json.ErrorMessage);
        Assert.Equal(("InvalidClientTokenId", 403, "The security token included in the request is invalid."), (query.ErrorCode, (int)query.StatusCode, query.Message));
    }

    [Fact]
    public async Task TestVerify_TemporaryKeyWithoutItsTokenIsInvalidClientTokenIdForSts()
    {
        using var root = fixture.Sts(Clients.Root(fixture.Development));
        var session = (await root.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = $"arn:aws:iam::{fixture.Development.Id}:role/r", RoleSessionName = "tokenless" })).Credentials;
        using var sts = fixture.Sts(new BasicAWSCredentials(session.AccessKeyId, session.SecretAccessKey));

        var query = await Assert.ThrowsAnyAsync<AmazonSecurityTokenServiceException>(() => sts.GetCallerIdentityAsync(new GetCallerIdentityRequest()));

        Assert.Equal(("InvalidClientTokenId", 403, "The security token included in the request is invalid."), (query.ErrorCode, (int)query.StatusCode, query.Message));
    }

    [Theory]
    [InlineData(-20, "Signature expired: ")]
    [InlineData(20, "Signature not yet current: ")]
    public async Task TestVerify_RequestTimeTooFarFromNowIsRejected(int minutes, string messageStart)
    {
        var ecr = fixture.Ecr(fixture.Development);

        var response = await ecr.CallAsync("DescribeRepositories", signedAt: DateTime.UtcNow.AddMinutes(minutes));
        var withinSkew = await ecr.CallAsync("DescribeRepositories", signedAt: DateTime.UtcNow.AddMinutes(minutes / 2));

        Assert.Equal((403, "InvalidSignatureException"), (response.Status, response.ErrorType));
        Assert.StartsWith(messageStart, response.ErrorMessage);
        Assert.Equal(200, withinSkew.Status);
    }

    [Fact]
    public async Task TestVerify_CredentialScopedToAnotherServiceOrRegionIsRejected()
    {
        var credentials = new ImmutableCredentials(fixture.Development.AccessKeyId, fixture.Development.SecretAccessKey, null);
        var otherService = new AwsJsonClient(fixture.Platform.Endpoint, fixture.Platform.Region, credentials) { Service = "ecs" };
        var otherRegion = new AwsJsonClient(fixture.Platform.Endpoint, fixture.Platform.Region, credentials) { SigningRegion = "eu-west-1" };

        var service = await otherService.CallAsync("DescribeRepositories");
        var region = await otherRegion.CallAsync("DescribeRepositories");

        Assert.Equal(("InvalidSignatureException", "Credential should be scoped to correct service: 'ecr'."), (service.ErrorType, service.ErrorMessage));
        Assert.Equal(("InvalidSignatureException", "Credential should be scoped to a valid region, not 'eu-west-1'."), (region.ErrorType, region.ErrorMessage));
    }

    [Fact]
    public async Task TestVerify_BodyChangedAfterSigningIsRejected()
    {
        var credentials = new ImmutableCredentials(fixture.Development.AccessKeyId, fixture.Development.SecretAccessKey, null);
        var signed = Encoding.UTF8.GetBytes(new JsonObject { ["repositoryName"] = "signed" }.ToJsonString());
        var sent = Encoding.UTF8.GetBytes(new JsonObject { ["repositoryName"] = "tampered" }.ToJsonString());

        using var response = await SignedHttp.PostAsync(fixture.Platform.Endpoint, fixture.Platform.Region, "ecr", credentials, signed, "application/x-amz-json-1.1",
            new Dictionary<string, string> { ["X-Amz-Target"] = "AmazonEC2ContainerRegistry_V20150921.CreateRepository" }, sendInstead: sent);

        Assert.Equal(403, (int)response.StatusCode);
        Assert.Contains("InvalidSignatureException", await response.Content.ReadAsStringAsync());
        await fixture.Ecr(fixture.Development).FailAsync("DescribeRepositories",
            new JsonObject { ["repositoryNames"] = new JsonArray("tampered") }, 400, "RepositoryNotFoundException");
    }

    [Fact]
    public async Task TestVerify_UnsignedRequestIsMissingAuthenticationToken()
    {
        using var http = new HttpClient();
        using var content = new StringContent("{}", Encoding.UTF8, "application/x-amz-json-1.1");
        content.Headers.Add("X-Amz-Target", "AmazonEC2ContainerRegistry_V20150921.DescribeRepositories");

        using var json = await http.PostAsync(fixture.Platform.Endpoint, content);
        using var query = await http.PostAsync(fixture.Platform.Endpoint, new FormUrlEncodedContent(new Dictionary<string, string> { ["Action"] = "GetCallerIdentity" }));

        Assert.Equal(403, (int)json.StatusCode);
        Assert.Contains("\"__type\":\"MissingAuthenticationTokenException\"", await json.Content.ReadAsStringAsync());
        Assert.Equal(403, (int)query.StatusCode);
        Assert.Contains("<Code>MissingAuthenticationToken</Code>", await query.Content.ReadAsStringAsync());
    }

    private sealed class FixedCredential(string accessKeyId, string secret) : ICredentialResolver
    {
        public SigningCredential? Find(string id) =>
            id == accessKeyId ? new SigningCredential(secret, new AwsPrincipal("123456789012", "arn:aws:iam::123456789012:user/example", "AIDAEXAMPLE", id)) : null;
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
