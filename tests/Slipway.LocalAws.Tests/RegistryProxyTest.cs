using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Slipway.LocalAws.Tests.Infrastructure;
using Slipway.Tooling;

namespace Slipway.LocalAws.Tests;

/// <summary>The registry address clients push to: ECR tokens, ECR's repository list and tag rules in front of the real registry; skopeo as an independent client.</summary>
public sealed class RegistryProxyTest(TestPlatform fixture) : IClassFixture<TestPlatform>
{
    [Fact]
    public async Task TestHandle_RepositoryNotCreatedInEcrIsNameUnknown()
    {
        using var registry = await RegistryPusher.SignInAsync(fixture.Ecr(fixture.Development));
        var image = TestImage.Create("nowhere");

        using var upload = await registry.StartUploadAsync("never/created");
        using var manifest = await registry.PutManifestAsync("never/created", "v1", image.Manifest);

        Assert.Equal((HttpStatusCode.NotFound, "NAME_UNKNOWN"), (upload.StatusCode, await RegistryPusher.ErrorCodeAsync(upload)));
        Assert.Equal((HttpStatusCode.NotFound, "NAME_UNKNOWN"), (manifest.StatusCode, await RegistryPusher.ErrorCodeAsync(manifest)));
    }

    [Fact]
    public async Task TestHandle_TokenOfAnotherAccountOrExpiredIsUnauthorized()
    {
        var production = await fixture.Ecr(fixture.Production).InvokeAsync("GetAuthorizationToken");
        var development = await fixture.Ecr(fixture.Development).InvokeAsync("GetAuthorizationToken");
        var developmentRegistry = new Uri((string)development["authorizationData"]![0]!["proxyEndpoint"]!);
        using var wrongAccount = new RegistryPusher(developmentRegistry, (string)production["authorizationData"]![0]!["authorizationToken"]!);
        using var rightAccount = new RegistryPusher(developmentRegistry, (string)development["authorizationData"]![0]!["authorizationToken"]!);

        using var refused = await wrongAccount.PutManifestAsync("any", "v1", Encoding.UTF8.GetBytes("{}"));
        fixture.Clock.Offset = TimeSpan.FromHours(12) + TimeSpan.FromMinutes(1);
        HttpResponseMessage expired;
        try
        {
            expired = await rightAccount.PutManifestAsync("any", "v1", Encoding.UTF8.GetBytes("{}"));
        }
        finally
        {
            fixture.Clock.Offset = TimeSpan.Zero;
        }

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("Basic realm=\"slipway-local-ecr\"", refused.Headers.WwwAuthenticate.ToString());
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
        var expiresAt = (double)development["authorizationData"]![0]!["expiresAt"]!;
        Assert.InRange(expiresAt - fixture.Clock.GetUtcNow().ToUnixTimeSeconds(), 12 * 3600 - 60, 12 * 3600 + 1);
    }

    [Fact]
    public async Task TestHandle_SkopeoCopiesAnOciImageIn()
    {
        var ecr = fixture.Ecr(fixture.Development);
        await ecr.InvokeAsync("CreateRepository", new JsonObject { ["repositoryName"] = "proxy/skopeo" });
        using var registry = await RegistryPusher.SignInAsync(ecr);
        var image = TestImage.Create("skopeo", oci: true);
        var layout = Directory.CreateTempSubdirectory("slipway-oci-").FullName;
        try
        {
            image.WriteOciLayout(layout, "v1");

            var copied = await SkopeoAsync(registry, "copy", "--insecure-policy", "--dest-tls-verify=false", "--dest-creds", $"AWS:{registry.Password}",
                $"oci:{layout}:v1", $"docker://{fixture.Platform.RegistryEndpoint("development").Authority}/proxy/skopeo:v1");
            var refused = await SkopeoAsync(registry, "copy", "--insecure-policy", "--dest-tls-verify=false", "--dest-creds", $"AWS:{registry.Password}",
                $"oci:{layout}:v1", $"docker://{fixture.Platform.RegistryEndpoint("development").Authority}/proxy/not-created:v1");

            Assert.True(copied.ExitCode == 0, copied.StandardError);
            var detail = Assert.Single((await ecr.InvokeAsync("DescribeImages", new JsonObject { ["repositoryName"] = "proxy/skopeo" }))["imageDetails"]!.AsArray())!;
            Assert.Equal((image.ManifestDigest, TestImage.OciMediaType, "application/vnd.oci.image.config.v1+json"),
                ((string?)detail["imageDigest"], (string?)detail["imageManifestMediaType"], (string?)detail["artifactMediaType"]));
            Assert.NotEqual(0, refused.ExitCode);
            Assert.Contains("does not exist in the registry with id '111111111111'", refused.StandardError);
        }
        finally
        {
            Directory.Delete(layout, recursive: true);
        }
    }

    [Fact]
    public async Task TestHandle_DeleteIsRefused()
    {
        var ecr = fixture.Ecr(fixture.Development);
        await ecr.InvokeAsync("CreateRepository", new JsonObject { ["repositoryName"] = "proxy/delete" });
        using var registry = await RegistryPusher.SignInAsync(ecr);
        var image = TestImage.Create("delete");
        (await registry.PushAsync("proxy/delete", image, "v1")).Dispose();

        using var response = await registry.DeleteManifestAsync("proxy/delete", image.ManifestDigest);

        Assert.Equal((HttpStatusCode.MethodNotAllowed, "UNSUPPORTED"), (response.StatusCode, await RegistryPusher.ErrorCodeAsync(response)));
        Assert.Equal(image.Manifest, await registry.GetManifestAsync("proxy/delete", "v1"));
    }

    private static Task<ToolResult> SkopeoAsync(RegistryPusher registry, params string[] arguments) =>
        ToolRunner.RunAsync(new ToolInvocation("skopeo", arguments) { CheckExitCode = false, Timeout = TimeSpan.FromMinutes(2), Secrets = [registry.Password] });
}
