using System.Text.Json;
using System.Text.RegularExpressions;
using Slipway.Aws.Ecr;

namespace Slipway.Components.Tests.Images;

/// <summary>DockerBuild and PushEcr on the real engine and the local platform's ECR.</summary>
public sealed class PushEcrTest : IAsyncLifetime
{
    readonly ServiceRepository _repository = new();

    public Task InitializeAsync()
    {
        _repository.Git("checkout", "-q", "-b", "develop");
        _repository.Commit("work");
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => _repository.DisposeAsync().AsTask();

    [Fact]
    public async Task TestPushEcr_BuildsCreatesTheRepositoryPushesAndRecordsTheDigest()
    {
        var (code, output, _) = _repository.Run("PushEcr");

        Assert.True(code == 0, output);
        Assert.Matches(@"// Repository: created 127\.0\.0\.1:\d+/svc \(immutable tags, scan on push on\)", output);
        Assert.Matches(@"// Image: 127\.0\.0\.1:\d+/svc:1\.1\.0-snapshot-1@sha256:[0-9a-f]{64}", output);
        Assert.Contains("// Push: pushed", output);
        // No ECR registry password ({expiry}.{HMAC}) in any line, and the login folder is gone with the build.
        Assert.DoesNotMatch(@"\d{10}\.[A-Za-z0-9_-]{40,}", output);
        Assert.Empty(Directory.GetDirectories(Path.Combine(_repository.Root, ".nuke", "temp"), "docker-config-*"));

        var recorded = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_repository.Root, "artifacts", "image.json"))).RootElement;
        Assert.Equal(_repository.Head, recorded.GetProperty("revision").GetString());
        await using var platform = await _repository.PlatformAsync();
        Assert.Equal(await ServiceRepository.DigestAsync(platform, "development", "1.1.0-snapshot-1"), recorded.GetProperty("digest").GetString());
        using var ecr = ServiceRepository.Ecr(platform, "development");
        var repository = (await ecr.DescribeRepositoriesAsync(new DescribeRepositoriesRequest { RepositoryNames = ["svc"] })).Repositories.Single();
        Assert.Equal(ImageTagMutability.Immutable, repository.ImageTagMutability);
        Assert.True(repository.ImageScanningConfiguration!.ScanOnPush);
    }

    [Fact]
    public void TestPushEcr_SecondRunOfTheSameCommitSkipsTheBuildAndSendsNothing()
    {
        var first = _repository.Run("PushEcr");
        Assert.True(first.Code == 0, first.Output);

        var (code, output, build) = _repository.Run("PushEcr");

        Assert.True(code == 0, output);
        Assert.Null(((IDockerBuild)build).BuiltImage);
        Assert.Matches(@"DockerBuild\s+Skipped", output);
        Assert.Contains($"svc:1.1.0-snapshot-1' is already in the registry, built from this commit ({_repository.Head[..7]}", output);
        Assert.Contains("// Push: already in the registry with this digest; nothing sent", output);
        Assert.Equal(Digest(first.Output), Digest(output));
    }

    [Fact]
    public async Task TestPushEcr_TagHeldByAnotherCommitFailsNamingBothAndIsNotMoved()
    {
        var first = _repository.Run("PushEcr");
        Assert.True(first.Code == 0, first.Output);
        var firstCommit = _repository.Head;
        // The same version and revision count from another commit: the commit is rewritten.
        _repository.Git("commit", "-q", "--amend", "--allow-empty", "-m", "work, rewritten");
        Assert.NotEqual(firstCommit, _repository.Head);

        var (code, output, _) = _repository.Run("PushEcr");

        Assert.True(code == 1, output);
        Assert.True(output.Contains(firstCommit) && output.Contains(_repository.Head) && output.Contains("never overwritten"), output);
        await using var platform = await _repository.PlatformAsync();
        Assert.Equal(Digest(first.Output), await ServiceRepository.DigestAsync(platform, "development", "1.1.0-snapshot-1"));
    }

    [Fact]
    public async Task TestPushEcr_UncommittedChangesAreNotPushedAsTheCommit()
    {
        await File.WriteAllTextAsync(Path.Combine(_repository.Root, "notes.txt"), "work in progress");

        var (code, output, _) = _repository.Run("PushEcr");

        Assert.True(code == 1, output);
        Assert.Contains("The work tree has 1 uncommitted change(s)", output);
        Assert.Contains("--allow-uncommitted", output);
        await using var platform = await _repository.PlatformAsync();
        Assert.Null(await ServiceRepository.DigestAsync(platform, "development", "1.1.0-snapshot-1"));
    }

    [Fact]
    public void TestPushEcr_UncommittedChangesPushWhenAllowed()
    {
        File.WriteAllText(Path.Combine(_repository.Root, "notes.txt"), "work in progress");

        var (code, output, _) = _repository.Run("PushEcr", "--allow-uncommitted");

        Assert.True(code == 0, output);
        Assert.Contains("// Push: pushed", output);
    }

    [Fact]
    public async Task TestPushEcr_ExistingMutableRepositoryIsRefusedUnlessAccepted()
    {
        await using (var platform = await _repository.PlatformAsync())
        {
            using var ecr = ServiceRepository.Ecr(platform, "development");
            await ecr.CreateRepositoryAsync(new CreateRepositoryRequest { RepositoryName = "svc", ImageTagMutability = ImageTagMutability.Mutable });
        }

        var refused = _repository.Run("PushEcr");
        Assert.True(refused.Code == 1, refused.Output);
        Assert.Contains("has mutable tags, so a concurrent push could move a tag", refused.Output);
        Assert.Contains("--immutable-tags false", refused.Output);

        var accepted = _repository.Run("PushEcr", "--immutable-tags", "false");
        Assert.True(accepted.Code == 0, accepted.Output);
        Assert.Contains("// Push: pushed", accepted.Output);
    }

    [Fact]
    public async Task TestDockerBuild_LabelsCarryTheCommitAndItsTime()
    {
        var (code, output, build) = _repository.Run("DockerBuild");

        Assert.True(code == 0, output);
        var labels = await new Containers.Building.DockerCli().InspectLabelsAsync(((IDockerBuild)build).BuiltImage!.ImageId, Tooling.ToolOutput.None);
        Assert.Equal(_repository.Head, labels["org.opencontainers.image.revision"]);
        Assert.Equal("1.1.0-alpha.1", labels["org.opencontainers.image.version"]);
        Assert.Equal("2026-01-01T00:02:00Z", labels["org.opencontainers.image.created"]);
    }

    [Fact]
    public void TestPushEcr_AbandonedLoginFoldersAreRemovedAndLiveOnesKept()
    {
        var temp = Path.Combine(_repository.Root, ".nuke", "temp");
        var abandoned = Directory.CreateDirectory(Path.Combine(temp, "docker-config-abandoned")).FullName;
        File.WriteAllText(Path.Combine(abandoned, "slipway-owner.pid"), "2147483000");
        File.WriteAllText(Path.Combine(abandoned, "config.json"), "{\"auths\":{}}");
        var live = Directory.CreateDirectory(Path.Combine(temp, "docker-config-live")).FullName;
        File.WriteAllText(Path.Combine(live, "slipway-owner.pid"), Environment.ProcessId.ToString());

        var (code, output, _) = _repository.Run("PushEcr");

        Assert.True(code == 0, output);
        Assert.False(Directory.Exists(abandoned));
        Assert.True(Directory.Exists(live));
    }

    [Theory]
    [InlineData("--image-repository", "Orders_Service", "--image-repository 'Orders_Service' is not an ECR repository name")]
    [InlineData("--docker-build-args", "CONFIGURATION", "--docker-build-args 'CONFIGURATION' is not NAME=VALUE")]
    [InlineData("--docker-cache-from", "orders@sha256:abc", "--docker-cache-from 'orders@sha256:abc' is not an image reference")]
    public void TestDockerBuild_BadParametersAreNamed(string parameter, string value, string expected)
    {
        var (code, output, _) = _repository.Run("DockerBuild", parameter, value);

        Assert.True(code == 1, output);
        Assert.Contains(expected, output);
    }

    [Fact]
    public void TestDockerBuild_OnMainRefusesSayingImagesThereArePromoted()
    {
        _repository.Git("checkout", "-q", "main");

        var (code, output, _) = _repository.Run("DockerBuild");

        Assert.Equal(1, code);
        Assert.Contains("is the main branch: its images are release candidates promoted to production", output);
    }

    [Fact]
    public void TestPlan_ShowsTheBuildOnceCheck()
    {
        var (code, output, _) = _repository.Run("PushEcr", "--plan");

        Assert.True(code == 0, output);
        Assert.Contains("skipped when (checked at run time): AlreadyInRegistry()", output);
    }

    static string Digest(string output) => Regex.Match(output, @"// Image: \S+@(sha256:[0-9a-f]{64})").Groups[1].Value;

    [Fact]
    public async Task TestConfigureHooks_ChangeTheBuildAndThePush()
    {
        _repository.NewBuild = () => new ConfiguredServiceBuild();
        var (code, output, build) = _repository.Run("PushEcr");

        Assert.True(code == 0, output);
        var labels = await new Containers.Building.DockerCli().InspectLabelsAsync(((IDockerBuild)build).BuiltImage!.ImageId, Tooling.ToolOutput.None);
        Assert.Equal("applied", labels["slipway.test.hook"]);
        Assert.Equal(_repository.Head, labels["org.opencontainers.image.revision"]);
        Assert.Matches(@"// Repository: created 127\.0\.0\.1:\d+/svc \(immutable tags, scan on push off\)", output);
    }
}
