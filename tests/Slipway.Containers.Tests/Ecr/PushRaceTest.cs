using System.Net;
using Slipway.Aws.Ecr;
using Slipway.Containers.Building;
using Slipway.Containers.Ecr;
using Slipway.Containers.Publishing;
using Slipway.Containers.References;
using Slipway.Containers.Registry;
using Slipway.LocalAws;
using Slipway.Tooling;

namespace Slipway.Containers.Tests.Ecr;

/// <summary>
/// A push that loses a race on an immutable ECR repository (the tag appeared between the publisher's check and its push): the registry
/// refuses the push, and the publisher reports what the tag names instead of failing with docker's error or moving the tag.
/// </summary>
public sealed class PushRaceTest : IAsyncLifetime
{
    const string CommitA = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    const string CommitB = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";

    readonly string _data = Directory.CreateTempSubdirectory("slipway-push-race-").FullName;
    readonly List<string> _images = [];
    readonly List<string> _contexts = [];
    readonly DockerCli _docker = new();
    readonly DockerConfigFolder _config = new();
    LocalAwsPlatform _platform = null!;
    EcrRegistry _account = null!;

    public async Task InitializeAsync()
    {
        Building.DockerTestEngine.Require();
        _platform = await LocalAwsPlatform.StartAsync(new LocalAwsOptions { DataDirectory = _data });
        _account = await LocalEcr.ConnectAsync(_platform, "development");
        await _account.Ecr.CreateRepositoryAsync(new CreateRepositoryRequest { RepositoryName = "svc", ImageTagMutability = ImageTagMutability.Immutable });
        await _docker.LoginAsync(_account.Host, _account.Credentials.Username, _account.Credentials.Password, _config.Path, ToolOutput.None);
    }

    public async Task DisposeAsync()
    {
        foreach (var image in _images)
            await ToolRunner.RunAsync(new ToolInvocation("docker", "image", "rm", "--force", image) { CheckExitCode = false, StreamOutput = false });
        await _config.DisposeAsync();
        if (_account is not null)
            await _account.DisposeAsync();
        if (_platform is not null)
            await _platform.DisposeAsync();
        foreach (var folder in _contexts.Append(_data))
            Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task TestPush_LosingToAnotherCommitIsAConflictAndTheTagStays()
    {
        var tag = _account.Image("svc", "1.0.0-candidate-1");
        var winner = await new ImagePublisher(_docker, _account.Registry).PushAsync(new ImagePushRequest(await BuildAsync(CommitA), tag, CommitA, _config.Path), ToolOutput.None);

        var error = await Assert.ThrowsAsync<ImageTagConflictException>(() =>
            Late().PushAsync(new ImagePushRequest(BuildAsync(CommitB).GetAwaiter().GetResult(), tag, CommitB, _config.Path), ToolOutput.None));

        Assert.Equal(winner.Digest, error.ExistingDigest);
        Assert.Equal(CommitA, error.ExistingRevision);
        Assert.Equal(winner.Digest, await new EcrImageTags(_account.Ecr).GetDigestAsync("svc", "1.0.0-candidate-1"));
    }

    [Fact]
    public async Task TestPush_LosingToAnotherBuildOfTheSameCommitKeepsTheWinner()
    {
        var tag = _account.Image("svc", "1.0.0-candidate-2");
        var winner = await new ImagePublisher(_docker, _account.Registry).PushAsync(new ImagePushRequest(await BuildAsync(CommitA), tag, CommitA, _config.Path), ToolOutput.None);
        var loser = await BuildAsync(CommitA);

        var result = await Late().PushAsync(new ImagePushRequest(loser, tag, CommitA, _config.Path), ToolOutput.None);

        Assert.Equal(ImagePushOutcome.ReusedSameCommit, result.Outcome);
        Assert.Equal(winner.Digest, result.Digest);
        Assert.Equal(winner.Digest, await new EcrImageTags(_account.Ecr).GetDigestAsync("svc", "1.0.0-candidate-2"));
    }

    /// <summary>A publisher whose first look at the tag finds nothing, as if the winner pushed just after it looked.</summary>
    ImagePublisher Late() =>
        new(_docker, new RegistryClient(_account.Host, _account.Credentials, handler: new HideFirstManifestLookup { InnerHandler = new HttpClientHandler() }));

    async Task<string> BuildAsync(string revision)
    {
        var context = Directory.CreateTempSubdirectory("slipway-race-context-").FullName;
        _contexts.Add(context);
        File.Copy("/bin/busybox", Path.Combine(context, "busybox"));
        await File.WriteAllTextAsync(Path.Combine(context, "Dockerfile"), $"FROM scratch\nLABEL slipway.test.run={Guid.NewGuid():N}\nCOPY busybox /bin/busybox\n");
        var result = await new DockerBuilder(_docker).BuildAsync(new DockerBuildRequest(context) { Revision = revision }, ToolOutput.None);
        _images.Add(result.ImageId);
        return result.ImageId;
    }

    sealed class HideFirstManifestLookup : DelegatingHandler
    {
        int _hidden;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var isManifestRead = request.RequestUri!.AbsolutePath.Contains("/manifests/") && (request.Method == HttpMethod.Get || request.Method == HttpMethod.Head);
            if (isManifestRead && Interlocked.Exchange(ref _hidden, 1) == 0)
                return new HttpResponseMessage(HttpStatusCode.NotFound) { Content = new StringContent("{\"errors\":[{\"code\":\"MANIFEST_UNKNOWN\",\"message\":\"manifest unknown\"}]}") };
            return await base.SendAsync(request, cancellationToken);
        }
    }
}
