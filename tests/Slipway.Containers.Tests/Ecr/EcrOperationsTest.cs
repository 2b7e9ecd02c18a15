using Slipway.Aws.Ecr;
using Slipway.Containers.Building;
using Slipway.Containers.Ecr;
using Slipway.Containers.Manifests;
using Slipway.Containers.Promotion;
using Slipway.Containers.Publishing;
using Slipway.Containers.Tests.Infrastructure;
using Slipway.LocalAws;
using Slipway.Tooling;

namespace Slipway.Containers.Tests.Ecr;

/// <summary>ECR pushes and promotions against the local platform's ECR (two accounts, each its own registry); no Docker engine needed.</summary>
public sealed class EcrOperationsTest : IAsyncLifetime
{
    const string CommitA = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    const string CommitB = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";

    readonly string _data = Directory.CreateTempSubdirectory("slipway-ecr-ops-").FullName;
    LocalAwsPlatform _platform = null!;
    EcrRegistry _development = null!;
    EcrRegistry _production = null!;

    public async Task InitializeAsync()
    {
        _platform = await LocalAwsPlatform.StartAsync(new LocalAwsOptions { DataDirectory = _data });
        _development = await LocalEcr.ConnectAsync(_platform, "development");
        _production = await LocalEcr.ConnectAsync(_platform, "production");
    }

    public async Task DisposeAsync()
    {
        if (_development is not null)
            await _development.DisposeAsync();
        if (_production is not null)
            await _production.DisposeAsync();
        if (_platform is not null)
            await _platform.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }

    static string NewRepository() => "svc-" + Guid.NewGuid().ToString("N")[..8];

    async Task<Manifest> PushCandidateAsync(string repository, string tag, string revision)
    {
        await _development.Ecr.EnsureAsync(new EcrRepositorySettings(repository), "development");
        return await TestImages.PushLabelledImageAsync(_development.Registry, repository, tag, new Dictionary<string, string> { [OciLabels.Revision] = revision });
    }

    [Fact]
    public async Task TestPromote_InOneRegistryRetagsInPlace()
    {
        var repository = NewRepository();
        var candidate = await PushCandidateAsync(repository, "1.0.0-candidate-1", CommitA);
        var request = new EcrReleasePromotionRequest(_development, _development, new EcrRepositorySettings(repository), "1.0.0-candidate-1", "1.0.0");

        var first = await EcrReleasePromotion.PromoteAsync(request);
        var again = await EcrReleasePromotion.PromoteAsync(request);

        Assert.Equal((ImagePromotionOutcome.Copied, candidate.Digest), (first.Promotion.Outcome, first.Promotion.Digest));
        Assert.Null(first.Promotion.Copy);
        Assert.False(first.Repository.Created);
        Assert.Equal(ImagePromotionOutcome.AlreadyPromoted, again.Promotion.Outcome);
        Assert.Equal(candidate.Digest, await new EcrImageTags(_development.Ecr).GetDigestAsync(repository, "1.0.0"));
    }

    [Fact]
    public async Task TestPromote_BetweenRegistriesCopiesIntoACreatedRepository()
    {
        var repository = NewRepository();
        var candidate = await PushCandidateAsync(repository, "1.0.0-candidate-1", CommitA);

        var result = await EcrReleasePromotion.PromoteAsync(
            new EcrReleasePromotionRequest(_development, _production, new EcrRepositorySettings(repository), "1.0.0-candidate-1", "1.0.0"));

        Assert.Equal(ImagePromotionOutcome.Copied, result.Promotion.Outcome);
        Assert.NotNull(result.Promotion.Copy);
        Assert.True(result.Repository.Created);
        Assert.Equal(_production.Host, result.Release.Registry);
        Assert.Equal(candidate.Digest, await new EcrImageTags(_production.Ecr).GetDigestAsync(repository, "1.0.0"));
    }

    [Fact]
    public async Task TestPromote_InOneRegistryAReleaseOfAnotherCommitFailsNamingBoth()
    {
        var repository = NewRepository();
        await PushCandidateAsync(repository, "1.0.0-candidate-1", CommitA);
        await PushCandidateAsync(repository, "1.0.0-candidate-2", CommitB);
        var settings = new EcrRepositorySettings(repository);
        await EcrReleasePromotion.PromoteAsync(new EcrReleasePromotionRequest(_development, _development, settings, "1.0.0-candidate-1", "1.0.0"));

        var error = await Assert.ThrowsAsync<ImagePromotionConflictException>(() =>
            EcrReleasePromotion.PromoteAsync(new EcrReleasePromotionRequest(_development, _development, settings, "1.0.0-candidate-2", "1.0.0")));

        Assert.Equal((CommitA, CommitB), (error.ReleaseRevision, error.CandidateRevision));
    }

    [Fact]
    public async Task TestPush_UncommittedChangesAreRefusedBeforeAnythingHappens()
    {
        var repository = NewRepository();
        var request = new EcrImagePushRequest(_development, new EcrRepositorySettings(repository), "1.0.0-snapshot-1", CommitA)
        {
            UncommittedChanges = 2,
            LoginFolder = () => throw new InvalidOperationException("no login expected"),
        };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => new EcrImagePush().PushAsync(request, ToolOutput.None));

        Assert.StartsWith("The work tree has 2 uncommitted change(s) (git status): the image was built from them but would be pushed as '1.0.0-snapshot-1'", error.Message);
        Assert.EndsWith("or pass --allow-uncommitted.", error.Message);
        await Assert.ThrowsAsync<Aws.RepositoryNotFoundException>(() =>
            _development.Ecr.DescribeRepositoriesAsync(new DescribeRepositoriesRequest { RepositoryNames = [repository] }));
    }

    [Fact]
    public async Task TestPush_TheCommitsImageAlreadyThereSendsNothingAndNeedsNoLogin()
    {
        var repository = NewRepository();
        var pushed = await PushCandidateAsync(repository, "1.0.0-snapshot-1", CommitA);
        var request = new EcrImagePushRequest(_development, new EcrRepositorySettings(repository), "1.0.0-snapshot-1", CommitA)
        {
            LoginFolder = () => throw new InvalidOperationException("no login expected"),
        };

        var result = await new EcrImagePush(new DockerCli()).PushAsync(request, ToolOutput.None);

        Assert.Equal((ImagePushOutcome.AlreadyPushed, pushed.Digest), (result.Push.Outcome, result.Push.Digest));
        Assert.False(result.Repository.Created);
    }
}
