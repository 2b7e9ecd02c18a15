using System.Text;
using System.Xml.Linq;
using Amazon.Runtime;
using Slipway.LocalAws.Tests.Infrastructure;

namespace Slipway.LocalAws.Tests;

/// <summary>The Query protocol as STS speaks it: form-encoded actions, XML results and ErrorResponse documents.</summary>
public sealed class QueryProtocolTest(TestPlatform fixture) : IClassFixture<TestPlatform>
{
    private static readonly XNamespace Sts = "https://sts.amazonaws.com/doc/2011-06-15/";

    [Fact]
    public async Task TestHandle_UnknownActionIsInvalidActionErrorResponse()
    {
        var (status, document) = await PostAsync("Action=DeleteAccount&Version=2011-06-15");

        Assert.Equal(400, status);
        Assert.Equal(Sts + "ErrorResponse", document.Root!.Name);
        var error = document.Root.Element(Sts + "Error")!;
        Assert.Equal(("Sender", "InvalidAction"), ((string?)error.Element(Sts + "Type"), (string?)error.Element(Sts + "Code")));
        Assert.Equal("Could not find operation DeleteAccount for version 2011-06-15", (string?)error.Element(Sts + "Message"));
        Assert.False(string.IsNullOrEmpty((string?)document.Root.Element(Sts + "RequestId")));
    }

    [Fact]
    public async Task TestHandle_GetCallerIdentityAnswersInXml()
    {
        var (status, document) = await PostAsync("Action=GetCallerIdentity&Version=2011-06-15");

        Assert.Equal(200, status);
        var result = document.Root!.Element(Sts + "GetCallerIdentityResult")!;
        Assert.Equal(fixture.Development.Id, (string?)result.Element(Sts + "Account"));
        Assert.NotNull(document.Root.Element(Sts + "ResponseMetadata")?.Element(Sts + "RequestId"));
    }

    private async Task<(int Status, XDocument Document)> PostAsync(string form)
    {
        var credentials = new ImmutableCredentials(fixture.Development.AccessKeyId, fixture.Development.SecretAccessKey, null);
        using var response = await SignedHttp.PostAsync(fixture.Platform.Endpoint, fixture.Platform.Region, "sts", credentials,
            Encoding.UTF8.GetBytes(form), "application/x-www-form-urlencoded; charset=utf-8");
        return ((int)response.StatusCode, XDocument.Parse(await response.Content.ReadAsStringAsync()));
    }
}
