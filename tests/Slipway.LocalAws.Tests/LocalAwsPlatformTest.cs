using System.Text.Json.Nodes;
using Amazon.SecurityToken.Model;
using Slipway.LocalAws.Tests.Infrastructure;

namespace Slipway.LocalAws.Tests;

/// <summary>The platform's lifetime: state that survives a restart, processes that do not survive a stop, and clear failures.</summary>
public sealed partial class LocalAwsPlatformTest : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("slipway-local-aws-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public async Task TestStart_StateSurvivesARestart()
    {
        var image = TestImage.Create("survivor");
        LocalAwsAccount before;
        Uri registryBefore;
        Credentials session;
        await using (var platform = await LocalAwsPlatform.StartAsync(Options()))
        {
            before = platform.Account("development");
            registryBefore = platform.RegistryEndpoint("development");
            var ecr = Ecr(platform, before);
            await ecr.InvokeAsync("CreateRepository", new JsonObject { ["repositoryName"] = "keep/me", ["imageTagMutability"] = "IMMUTABLE" });
            using var registry = await RegistryPusher.SignInAsync(ecr);
            (await registry.PushAsync("keep/me", image, "v1")).Dispose();
            using var sts = Clients.Sts(platform, Clients.Root(before));
            session = (await sts.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = "arn:aws:iam::222222222222:role/keeper", RoleSessionName = "kept" })).Credentials;
        }

        await using (var platform = await LocalAwsPlatform.StartAsync(Options()))
        {
            var after = platform.Account("development");
            var ecr = Ecr(platform, after);
            var repository = (await ecr.InvokeAsync("DescribeRepositories", new JsonObject { ["repositoryNames"] = new JsonArray("keep/me") }))["repositories"]![0]!;
            var images = (await ecr.InvokeAsync("DescribeImages", new JsonObject { ["repositoryName"] = "keep/me" }))["imageDetails"]!.AsArray();
            using var registry = await RegistryPusher.SignInAsync(ecr);
            using var sts = Clients.Sts(platform, session);
            var identity = await sts.GetCallerIdentityAsync(new GetCallerIdentityRequest());

            Assert.Equal(before, after);
            Assert.Equal(registryBefore, platform.RegistryEndpoint("development"));
            Assert.Equal("IMMUTABLE", (string?)repository["imageTagMutability"]);
            Assert.Equal((image.ManifestDigest, "v1"), ((string?)images.Single()!["imageDigest"], (string?)images.Single()!["imageTags"]![0]));
            Assert.Equal(image.Manifest, await registry.GetManifestAsync("keep/me", "v1"));
            Assert.Equal("222222222222", identity.Account);
        }
    }

    [Fact]
    public async Task TestDispose_LeavesNoRegistryProcessBehind()
    {
        var platform = await LocalAwsPlatform.StartAsync(Options());
        var pids = platform.RegistryProcessIds;
        Assert.Equal(2, pids.Count);
        Assert.All(pids, pid => Assert.True(ProcessProbe.IsRunning(pid, "docker-registry"), $"registry {pid} is not running"));
        Assert.True(File.Exists(Path.Combine(_data, "runtime.json")));

        await platform.DisposeAsync();

        Assert.All(pids, pid => Assert.False(ProcessProbe.IsRunning(pid, "docker-registry"), $"registry {pid} is still running"));
        Assert.False(File.Exists(Path.Combine(_data, "runtime.json")));
        using var http = new HttpClient();
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(platform.Endpoint));
    }

    [Fact]
    public async Task TestStart_DataFolderInUseIsRefused()
    {
        await using var first = await LocalAwsPlatform.StartAsync(Options());

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => LocalAwsPlatform.StartAsync(Options()));

        Assert.Equal($"Data folder '{_data}' is in use by another local AWS platform. Stop it first ('slipway-local-aws stop --data {_data}') or use another folder.", error.Message);
    }

    [Fact]
    public async Task TestStart_MissingRegistrySaysWhatToInstall()
    {
        var options = new LocalAwsOptions { DataDirectory = _data, RegistryExecutable = "slipway-no-such-registry" };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => LocalAwsPlatform.StartAsync(options));

        Assert.StartsWith("The local AWS platform needs 'slipway-no-such-registry' to run its registries. Install it with 'apt-get install -y docker-registry apache2-utils'", error.Message);
        // Nothing is left holding the folder: a corrected start succeeds.
        await using var platform = await LocalAwsPlatform.StartAsync(Options());
    }

    [Fact]
    public async Task TestStart_AccountsWithGivenKeysAndUnknownAccountName()
    {
        var custom = new LocalAwsOptions
        {
            DataDirectory = _data,
            Accounts = [new("333333333333", "staging") { AccessKeyId = "AKIASTAGING000000001", SecretAccessKey = "staging-secret" }],
        };

        await using var platform = await LocalAwsPlatform.StartAsync(custom);

        Assert.Equal(new LocalAwsAccount("333333333333", "staging", "AKIASTAGING000000001", "staging-secret"), Assert.Single(platform.Accounts));
        var error = Assert.Throws<ArgumentException>(() => platform.Account("qa"));
        Assert.StartsWith("Account 'qa' does not exist. Available accounts are: staging (333333333333).", error.Message);
    }

    private LocalAwsOptions Options() => new() { DataDirectory = _data };

    private static AwsJsonClient Ecr(LocalAwsPlatform platform, LocalAwsAccount account) =>
        new(platform.Endpoint, platform.Region, new(account.AccessKeyId, account.SecretAccessKey, null));
}
