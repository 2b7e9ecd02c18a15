using Slipway.Components.Tests.Images;

namespace Slipway.Components.Tests.Release;

/// <summary>PromoteRelease on the local platform: the candidate from the development registry becomes the release in the production registry.</summary>
public sealed partial class PromoteReleaseTest : IAsyncLifetime
{
    readonly ServiceRepository _repository = new();

    public Task InitializeAsync()
    {
        _repository.Git("checkout", "-q", "-b", "release/1.2.0");
        _repository.Commit("stabilize");
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => _repository.DisposeAsync().AsTask();

    [Fact]
    public async Task TestPromoteRelease_CopiesTheCandidateToProductionWithItsDigestOnce()
    {
        var push = _repository.Run("PushEcr");
        Assert.True(push.Code == 0, push.Output);

        var (code, output, _) = _repository.Run("PromoteRelease", "--approve");

        Assert.True(code == 0, output);
        Assert.Matches(@"// Release: 127\.0\.0\.1:\d+/svc:1\.2\.0@sha256:[0-9a-f]{64}", output);
        var exports = File.ReadAllText(Path.Combine(_repository.Root, ".nuke", "temp", "exported-variables.sh"));
        Assert.Matches(@"export SLIPWAY_IMAGE_URI='127\.0\.0\.1:\d+/svc:1\.2\.0'\n", exports);
        Assert.Matches(@"export SLIPWAY_IMAGE_DIGEST='sha256:[0-9a-f]{64}'\n", exports);
        Assert.Matches(@"// Promotion: promoted 127\.0\.0\.1:\d+/svc:1\.2\.0-candidate-1", output);
        await using (var platform = await _repository.PlatformAsync())
        {
            var candidate = await ServiceRepository.DigestAsync(platform, "development", "1.2.0-candidate-1");
            Assert.NotNull(candidate);
            Assert.Equal(candidate, await ServiceRepository.DigestAsync(platform, "production", "1.2.0"));
        }

        var again = _repository.Run("PromoteRelease", "--approve");
        Assert.True(again.Code == 0, again.Output);
        Assert.Contains("// Promotion: already promoted from", again.Output);
    }

    [Fact]
    public async Task TestPromoteRelease_InOneAccountRetagsInPlace()
    {
        var push = _repository.Run("PushEcr");
        Assert.True(push.Code == 0, push.Output);

        var (code, output, _) = _repository.Run("PromoteRelease", "--approve", "--release-account", "development");

        Assert.True(code == 0, output);
        await using var platform = await _repository.PlatformAsync();
        var candidate = await ServiceRepository.DigestAsync(platform, "development", "1.2.0-candidate-1");
        Assert.NotNull(candidate);
        Assert.Equal(candidate, await ServiceRepository.DigestAsync(platform, "development", "1.2.0"));
        Assert.Null(await ServiceRepository.DigestAsync(platform, "production", "1.2.0"));
    }

    [Fact]
    public async Task TestPromoteRelease_InOneAccountReleaseTagOfAnotherCommitFailsNamingBoth()
    {
        Assert.True(_repository.Run("PushEcr").Code == 0);
        Assert.True(_repository.Run("PromoteRelease", "--approve", "--release-account", "development").Code == 0);
        var released = _repository.Head;
        _repository.Commit("fix");
        Assert.True(_repository.Run("PushEcr").Code == 0);

        var (code, output, _) = _repository.Run("PromoteRelease", "--approve", "--release-account", "development");

        Assert.True(code == 1, output);
        Assert.Contains(released, output);
        Assert.Contains(_repository.Head, output);
        await using var platform = await _repository.PlatformAsync();
        Assert.Equal(await ServiceRepository.DigestAsync(platform, "development", "1.2.0-candidate-1"),
            await ServiceRepository.DigestAsync(platform, "development", "1.2.0"));
    }

    [Fact]
    public void TestPromoteRelease_WithoutACandidateFailsNamingIt()
    {
        var (code, output, _) = _repository.Run("PromoteRelease", "--approve");

        Assert.Equal(1, code);
        Assert.Contains("1.2.0-candidate-1", output);
    }

    [Fact]
    public void TestPromoteRelease_OnDevelopSaysThereIsNoCandidate()
    {
        _repository.Git("checkout", "-q", "-b", "develop");

        var (code, output, _) = _repository.Run("PromoteRelease", "--approve");

        Assert.Equal(1, code);
        Assert.Contains("not a release or hotfix branch", output);
    }
}
