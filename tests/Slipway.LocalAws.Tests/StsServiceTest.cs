using System.Text.Json.Nodes;
using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using Slipway.LocalAws.Tests.Infrastructure;

namespace Slipway.LocalAws.Tests;

/// <summary>STS through AWSSDK.SecurityToken's real client: the Query protocol, XML responses and errors as the SDK parses them.</summary>
public sealed class StsServiceTest(TestPlatform fixture) : IClassFixture<TestPlatform>
{
    [Fact]
    public async Task TestGetCallerIdentity_EachAccountSeesItsOwnRoot()
    {
        foreach (var account in fixture.Platform.Accounts)
        {
            using var sts = fixture.Sts(Clients.Root(account));

            var identity = await sts.GetCallerIdentityAsync(new GetCallerIdentityRequest());

            Assert.Equal((account.Id, $"arn:aws:iam::{account.Id}:root", account.Id), (identity.Account, identity.Arn, identity.UserId));
        }

        Assert.Equal(["111111111111", "222222222222"], fixture.Platform.Accounts.Select(account => account.Id));
    }

    [Fact]
    public async Task TestAssumeRole_CrossAccountCredentialsActInTheRoleAccount()
    {
        using var sts = fixture.Sts(Clients.Root(fixture.Development));
        var before = fixture.Clock.GetUtcNow();

        var assumed = await sts.AssumeRoleAsync(new AssumeRoleRequest
        {
            RoleArn = $"arn:aws:iam::{fixture.Production.Id}:role/deployer",
            RoleSessionName = "release-42",
            DurationSeconds = 1800,
        });

        Assert.StartsWith("ASIA", assumed.Credentials.AccessKeyId);
        Assert.Equal($"arn:aws:sts::{fixture.Production.Id}:assumed-role/deployer/release-42", assumed.AssumedRoleUser.Arn);
        Assert.InRange(assumed.Credentials.Expiration!.Value.ToUniversalTime(), before.UtcDateTime.AddSeconds(1799), before.UtcDateTime.AddSeconds(1802));

        using var asRole = fixture.Sts(assumed.Credentials);
        var identity = await asRole.GetCallerIdentityAsync(new GetCallerIdentityRequest());
        Assert.Equal((fixture.Production.Id, assumed.AssumedRoleUser.Arn), (identity.Account, identity.Arn));
        Assert.EndsWith(":release-42", identity.UserId);

        // The role's credentials reach the production registry, not the development one.
        var ecr = fixture.Ecr(new ImmutableCredentials(assumed.Credentials.AccessKeyId, assumed.Credentials.SecretAccessKey, assumed.Credentials.SessionToken));
        var created = await ecr.InvokeAsync("CreateRepository", new JsonObject { ["repositoryName"] = "sts/role-made" });
        Assert.Equal(fixture.Production.Id, (string?)created["repository"]!["registryId"]);
    }

    [Fact]
    public async Task TestAssumeRole_ExpiredSessionTokenIsRejected()
    {
        using var sts = fixture.Sts(Clients.Root(fixture.Development));
        // Issue a 15-minute session on a platform clock 10 minutes behind, then move the clock 6 minutes ahead:
        // the session expired 1 minute ago by the platform's clock while requests are still signed within the allowed skew.
        fixture.Clock.Offset = TimeSpan.FromMinutes(-10);
        try
        {
            var assumed = await sts.AssumeRoleAsync(new AssumeRoleRequest
            {
                RoleArn = $"arn:aws:iam::{fixture.Production.Id}:role/short",
                RoleSessionName = "expiring",
                DurationSeconds = 900,
            });
            fixture.Clock.Offset = TimeSpan.FromMinutes(6);
            using var asRole = fixture.Sts(assumed.Credentials);

            var error = await Assert.ThrowsAnyAsync<AmazonSecurityTokenServiceException>(() => asRole.GetCallerIdentityAsync(new GetCallerIdentityRequest()));

            // STS names it ExpiredToken (HTTP 403), as AWS's STS does; JSON services say ExpiredTokenException.
            Assert.Equal(("ExpiredToken", 403), (error.ErrorCode, (int)error.StatusCode));
            Assert.Equal("The security token included in the request is expired", error.Message);
            var ecr = await fixture.Ecr(new ImmutableCredentials(assumed.Credentials.AccessKeyId, assumed.Credentials.SecretAccessKey, assumed.Credentials.SessionToken))
                .CallAsync("DescribeRepositories");
            Assert.Equal("ExpiredTokenException", ecr.ErrorType);
        }
        finally
        {
            fixture.Clock.Offset = TimeSpan.Zero;
        }
    }

    [Fact]
    public async Task TestAssumeRole_AccountNotOnThePlatformIsAccessDenied()
    {
        using var sts = fixture.Sts(Clients.Root(fixture.Development));

        var error = await Assert.ThrowsAnyAsync<AmazonSecurityTokenServiceException>(() => sts.AssumeRoleAsync(
            new AssumeRoleRequest { RoleArn = "arn:aws:iam::999999999999:role/deployer", RoleSessionName = "nobody" }));

        Assert.Equal(("AccessDenied", 403), (error.ErrorCode, (int)error.StatusCode));
        Assert.Contains("999999999999", error.Message);
    }

    [Fact]
    public async Task TestAssumeRole_MalformedRoleArnIsAValidationError()
    {
        using var sts = fixture.Sts(Clients.Root(fixture.Development));

        var error = await Assert.ThrowsAnyAsync<AmazonSecurityTokenServiceException>(() => sts.AssumeRoleAsync(
            new AssumeRoleRequest { RoleArn = "arn:aws:iam::12:user/x", RoleSessionName = "bad" }));

        Assert.Equal(("ValidationError", 400), (error.ErrorCode, (int)error.StatusCode));
        Assert.Contains("'roleArn'", error.Message);
    }

    [Fact]
    public async Task TestAssumeRole_RoleChainingIsLimitedToOneHour()
    {
        using var sts = fixture.Sts(Clients.Root(fixture.Development));
        var first = await sts.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = $"arn:aws:iam::{fixture.Development.Id}:role/hop", RoleSessionName = "one" });
        using var chained = fixture.Sts(first.Credentials);

        var error = await Assert.ThrowsAnyAsync<AmazonSecurityTokenServiceException>(() => chained.AssumeRoleAsync(new AssumeRoleRequest
        {
            RoleArn = $"arn:aws:iam::{fixture.Production.Id}:role/deployer",
            RoleSessionName = "two",
            DurationSeconds = 7200,
        }));
        var second = await chained.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = $"arn:aws:iam::{fixture.Production.Id}:role/deployer", RoleSessionName = "two" });

        Assert.Equal("ValidationError", error.ErrorCode);
        Assert.Contains("role chaining", error.Message);
        Assert.Equal($"arn:aws:sts::{fixture.Production.Id}:assumed-role/deployer/two", second.AssumedRoleUser.Arn);
    }

    [Fact]
    public async Task TestAssumeRole_SameRoleKeepsItsRoleId()
    {
        using var sts = fixture.Sts(Clients.Root(fixture.Development));
        var request = new AssumeRoleRequest { RoleArn = $"arn:aws:iam::{fixture.Production.Id}:role/stable", RoleSessionName = "s1" };

        var first = await sts.AssumeRoleAsync(request);
        var second = await sts.AssumeRoleAsync(request);

        Assert.StartsWith("AROA", first.AssumedRoleUser.AssumedRoleId);
        Assert.Equal(first.AssumedRoleUser.AssumedRoleId, second.AssumedRoleUser.AssumedRoleId);
        Assert.NotEqual(first.Credentials.AccessKeyId, second.Credentials.AccessKeyId);
    }
}
