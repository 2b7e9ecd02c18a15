using System.Security.Cryptography;
using System.Text;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Auth;
using Slipway.Aws.Signing;
using Slipway.Aws.Tests.Infrastructure;

namespace Slipway.Aws.Tests.Signing;

/// <summary>
/// SigV4 against AWS's published example (General Reference, "Create a signed AWS API request": IAM ListUsers,
/// AKIDEXAMPLE, us-east-1, iam, 20150830T123600Z) and through the signer the client uses.
/// </summary>
public class RequestSignerTest
{
    private const string PublishedCanonicalRequest =
        "GET\n" +
        "/\n" +
        "Action=ListUsers&Version=2010-05-08\n" +
        "content-type:application/x-www-form-urlencoded; charset=utf-8\n" +
        "host:iam.amazonaws.com\n" +
        "x-amz-date:20150830T123600Z\n" +
        "\n" +
        "content-type;host;x-amz-date\n" +
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private const string PublishedCanonicalRequestHash = "f536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59";

    private const string PublishedStringToSign =
        "AWS4-HMAC-SHA256\n" +
        "20150830T123600Z\n" +
        "20150830/us-east-1/iam/aws4_request\n" +
        PublishedCanonicalRequestHash;

    private const string PublishedSigningKey = "c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9";
    private const string PublishedSignature = "5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7";
    private static readonly DateTime SignedAt = new(2015, 8, 30, 12, 36, 0, DateTimeKind.Utc);

    [Fact]
    public void TestPublishedExample_CanonicalRequestHash()
    {
        Assert.Equal(PublishedCanonicalRequestHash, Convert.ToHexStringLower(AWS4Signer.ComputeHash(PublishedCanonicalRequest)));
    }

    [Fact]
    public void TestPublishedExample_SigningKeyAndStringToSign()
    {
        var key = AWS4Signer.ComposeSigningKey(TestEnvironment.SecretKey, "us-east-1", "20150830", "iam");

        Assert.Equal(PublishedSigningKey, Convert.ToHexStringLower(key));
        Assert.Equal(PublishedSignature, Convert.ToHexStringLower(AWS4Signer.SignBlob(key, PublishedStringToSign)));
    }

    [Fact]
    public void TestPublishedExample_SdkSignatureAndAuthorizationHeader()
    {
        var result = AWS4Signer.ComputeSignature(TestEnvironment.AccessKey, TestEnvironment.SecretKey, "us-east-1", SignedAt, "iam",
            "content-type;host;x-amz-date", PublishedCanonicalRequest);

        Assert.Equal(PublishedSignature, result.Signature);
        Assert.Equal("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, " +
            $"SignedHeaders=content-type;host;x-amz-date, Signature={PublishedSignature}", result.ForAuthorizationHeader);
    }

    [Fact]
    public async Task TestPublishedExample_ThroughClientSigner()
    {
        var headers = await RequestSigner.SignAsync(HttpMethod.Get, new Uri("https://iam.amazonaws.com/?Action=ListUsers&Version=2010-05-08"),
            new Dictionary<string, string> { ["Content-Type"] = "application/x-www-form-urlencoded; charset=utf-8" }, [],
            new ImmutableCredentials(TestEnvironment.AccessKey, TestEnvironment.SecretKey, null), RegionEndpoint.USEast1, "iam",
            SignedAt, CancellationToken.None);

        // AWSSDK.Core always signs x-amz-content-sha256 too: the published canonical request plus that one header line.
        var emptyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
        var canonical = PublishedCanonicalRequest
            .Replace("host:iam.amazonaws.com\n", $"host:iam.amazonaws.com\nx-amz-content-sha256:{emptyHash}\n")
            .Replace("content-type;host;x-amz-date", "content-type;host;x-amz-content-sha256;x-amz-date");
        var expected = Sign(canonical, "20150830T123600Z", "20150830/us-east-1/iam/aws4_request");
        Assert.Equal("20150830T123600Z", headers["X-Amz-Date"]);
        Assert.Equal(emptyHash, headers["X-Amz-Content-SHA256"]);
        Assert.Equal("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, " +
            $"SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date, Signature={expected}", headers["Authorization"]);
        Assert.DoesNotContain(headers.Keys, k => k.Equals("X-Amz-Security-Token", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task TestJsonRequest_SessionTokenTargetAndPortSigned()
    {
        var body = "{}"u8.ToArray();
        var headers = await RequestSigner.SignAsync(HttpMethod.Post, new Uri("http://127.0.0.1:4566/"),
            new Dictionary<string, string>
            {
                ["Content-Type"] = "application/x-amz-json-1.1",
                ["X-Amz-Target"] = "AmazonEC2ContainerRegistry_V20150921.DescribeRepositories",
            }, body, new ImmutableCredentials(TestEnvironment.AccessKey, TestEnvironment.SecretKey, "SESSION"),
            RegionEndpoint.EUWest1, "ecr", SignedAt, CancellationToken.None);

        var canonical = "POST\n/\n\n" +
            "content-type:application/x-amz-json-1.1\n" +
            "host:127.0.0.1:4566\n" +
            $"x-amz-content-sha256:{SigV4Check.Hex(SHA256.HashData(body))}\n" +
            "x-amz-date:20150830T123600Z\n" +
            "x-amz-security-token:SESSION\n" +
            "x-amz-target:AmazonEC2ContainerRegistry_V20150921.DescribeRepositories\n\n" +
            "content-type;host;x-amz-content-sha256;x-amz-date;x-amz-security-token;x-amz-target\n" +
            SigV4Check.Hex(SHA256.HashData(body));
        var expected = Sign(canonical, "20150830T123600Z", "20150830/eu-west-1/ecr/aws4_request");
        Assert.Equal("SESSION", headers["X-Amz-Security-Token"]);
        Assert.EndsWith($"Signature={expected}", headers["Authorization"]);
        Assert.Contains("Credential=AKIDEXAMPLE/20150830/eu-west-1/ecr/aws4_request", headers["Authorization"]);
    }

    /// <summary>Independent reference computation of the signature for a canonical request.</summary>
    private static string Sign(string canonicalRequest, string amzDate, string scope)
    {
        var stringToSign = $"AWS4-HMAC-SHA256\n{amzDate}\n{scope}\n{SigV4Check.Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)))}";
        var key = Encoding.UTF8.GetBytes("AWS4" + TestEnvironment.SecretKey);
        foreach (var part in scope.Split('/'))
            key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(part));
        return SigV4Check.Hex(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));
    }
}
