using Slipway.Containers.Building;
using Slipway.Containers.Publishing;
using Slipway.Containers.References;
using Slipway.Containers.Registry;
using Slipway.Containers.Tests.Building;
using Slipway.Containers.Tests.Infrastructure;
using Slipway.Tooling;

namespace Slipway.Containers.Tests.Publishing;

/// <summary>Re-run safety of pushes on the real engine and a real registry: a tag is never overwritten.</summary>
public sealed class ImagePublisherTest : IAsyncLifetime
{
    const string CommitA = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    const string CommitB = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";

    readonly CapturedOutput _output = new();
    readonly DockerCli _cli = new();
    readonly DockerConfigFolder _dockerConfig = new();
    readonly List<string> _images = [];
    readonly List<string> _contexts = [];
    LocalRegistry _registry = null!;
    RegistryClient _client = null!;
    ImagePublisher _publisher = null!;

    public async Task InitializeAsync()
    {
        DockerTestEngine.Require();
        _registry = await LocalRegistry.StartAsync();
        _client = _registry.Client();
        _publisher = new ImagePublisher(_cli, _client);
        await _cli.LoginAsync(_registry.Host, LocalRegistry.User, LocalRegistry.Password, _dockerConfig.Path, _output);
    }

    public async Task DisposeAsync()
    {
        foreach (var image in _images)
            await ToolRunner.RunAsync(new ToolInvocation("docker", "image", "rm", "--force", image) { CheckExitCode = false, StreamOutput = false });
        _client?.Dispose();
        if (_registry is not null)
            await _registry.DisposeAsync();
        foreach (var context in _contexts)
            Directory.Delete(context, recursive: true);
        var folder = _dockerConfig.Path;
        await _dockerConfig.DisposeAsync();
        Assert.False(Directory.Exists(folder), "the DOCKER_CONFIG folder with the login was not removed");
    }

    [Fact]
    public async Task TestPush_NewTagIsPushedAndTheDigestIsTheRegistrys()
    {
        var target = Target("1.0.0-candidate-1");
        var image = await BuildAsync(CommitA);

        var result = await _publisher.PushAsync(new ImagePushRequest(image, target, CommitA, _dockerConfig.Path), _output);

        Assert.Equal(ImagePushOutcome.Pushed, result.Outcome);
        Assert.Equal((await _client.HeadManifestAsync("svc", "1.0.0-candidate-1"))!.Digest, result.Digest);
        Assert.Equal(CommitA, (await _client.GetImageConfigAsync("svc", "1.0.0-candidate-1"))!.Revision);
        Assert.Equal($"{target}@{result.Digest}", result.Pinned.ToString());
    }

    [Fact]
    public async Task TestPush_AgainWithTheSameImageIsSuccessWithoutSending()
    {
        var target = Target("1.0.0-candidate-2");
        var image = await BuildAsync(CommitA);
        var first = await _publisher.PushAsync(new ImagePushRequest(image, target, CommitA, _dockerConfig.Path), _output);
        var pushesBefore = _output.Commands.Count(command => command.Contains(" push "));

        var second = await _publisher.PushAsync(new ImagePushRequest(image, target, CommitA, _dockerConfig.Path), _output);

        Assert.Equal(ImagePushOutcome.AlreadyPushed, second.Outcome);
        Assert.Equal(first.Digest, second.Digest);
        Assert.Equal(pushesBefore, _output.Commands.Count(command => command.Contains(" push ")));
    }

    [Fact]
    public async Task TestPush_AnotherBuildOfTheSameCommitKeepsTheRegistrysImage()
    {
        var target = Target("1.0.0-candidate-3");
        var first = await _publisher.PushAsync(new ImagePushRequest(await BuildAsync(CommitA), target, CommitA, _dockerConfig.Path), _output);
        var rebuilt = await BuildAsync(CommitA);

        var second = await _publisher.PushAsync(new ImagePushRequest(rebuilt, target, CommitA, _dockerConfig.Path), _output);

        Assert.Equal(ImagePushOutcome.ReusedSameCommit, second.Outcome);
        Assert.Equal(first.Digest, second.Digest);
        Assert.Equal(first.Digest, (await _client.HeadManifestAsync("svc", "1.0.0-candidate-3"))!.Digest);
    }

    [Fact]
    public async Task TestPush_TagOfAnotherCommitFailsNamingBothCommitsAndIsNotMoved()
    {
        var target = Target("1.0.0-candidate-4");
        var first = await _publisher.PushAsync(new ImagePushRequest(await BuildAsync(CommitA), target, CommitA, _dockerConfig.Path), _output);
        var other = await BuildAsync(CommitB);

        var error = await Assert.ThrowsAsync<ImageTagConflictException>(() =>
            _publisher.PushAsync(new ImagePushRequest(other, target, CommitB, _dockerConfig.Path), _output));

        Assert.Contains(CommitA, error.Message);
        Assert.Contains(CommitB, error.Message);
        Assert.Contains(first.Digest, error.Message);
        Assert.Equal(first.Digest, (await _client.HeadManifestAsync("svc", "1.0.0-candidate-4"))!.Digest);
    }

    [Fact]
    public async Task TestPush_LocalImageOfAnotherCommitIsRefusedBeforePushing()
    {
        var image = await BuildAsync(CommitB);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            _publisher.PushAsync(new ImagePushRequest(image, Target("1.0.0-candidate-5"), CommitA, _dockerConfig.Path), _output));

        Assert.Contains(CommitB, error.Message);
        Assert.Contains("Rebuild", error.Message);
        Assert.Null(await _client.HeadManifestAsync("svc", "1.0.0-candidate-5"));
    }

    [Fact]
    public async Task TestPush_MissingLocalImageSaysToBuildFirst()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            _publisher.PushAsync(new ImagePushRequest($"slipway-test/none-{Guid.NewGuid():N}:x", Target("1.0.0-candidate-6"), CommitA, _dockerConfig.Path), _output));

        Assert.Contains("Build it first", error.Message);
    }

    [Fact]
    public async Task TestPush_TargetWithoutTagIsRefused()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            _publisher.PushAsync(new ImagePushRequest("x", ImageReference.Parse($"{_registry.Host}/svc@sha256:{new string('0', 64)}"), CommitA, _dockerConfig.Path), _output));

        Assert.Contains("must name a tag", error.Message);
    }

    ImageReference Target(string tag) => ImageReference.Parse($"{_registry.Host}/svc:{tag}");

    async Task<string> BuildAsync(string revision)
    {
        // A label of its own keeps each image distinct (another digest for the same commit).
        var context = DockerTestEngine.CreateContext($"FROM scratch\nLABEL slipway.test.run={Guid.NewGuid():N}\nCOPY busybox /bin/busybox\n");
        _contexts.Add(context);
        var result = await new DockerBuilder(_cli).BuildAsync(new DockerBuildRequest(context) { Revision = revision, Version = "1.0.0" }, _output);
        _images.Add(result.ImageId);
        return result.ImageId;
    }
}
