using Slipway.Aws.Ecr;
using Slipway.Aws.Tests.Integration;

namespace Slipway.Aws.Tests.Ecr;

/// <summary>Ensuring a service repository with settings, against the real local platform.</summary>
public sealed class EcrRepositorySettingsTest(LocalPlatformFixture local) : IClassFixture<LocalPlatformFixture>, IDisposable
{
    private readonly EcrClient _ecr = new(local.Options());

    public void Dispose() => _ecr.Dispose();

    [Fact]
    public async Task TestEnsure_CreatesWithTheSettingsOnce()
    {
        var settings = new EcrRepositorySettings("settings/created") { ScanOnPush = false };

        var first = await _ecr.EnsureAsync(settings, "development");
        var second = await _ecr.EnsureAsync(settings, "development");

        Assert.True(first.Created);
        Assert.False(second.Created);
        Assert.Equal(ImageTagMutability.Immutable, first.Repository.ImageTagMutability);
        Assert.False(first.Repository.ImageScanningConfiguration!.ScanOnPush);
        Assert.Equal("immutable tags, scan on push off", settings.Description);
    }

    [Fact]
    public async Task TestEnsure_RefusesAnExistingMutableRepositoryUnlessAccepted()
    {
        await _ecr.CreateRepositoryAsync(new CreateRepositoryRequest { RepositoryName = "settings/mutable", ImageTagMutability = ImageTagMutability.Mutable });

        var error = await Assert.ThrowsAsync<EcrMutableTagsException>(() => _ecr.EnsureAsync(new EcrRepositorySettings("settings/mutable"), "development"));
        Assert.Matches(@"^The ECR repository '127\.0\.0\.1:\d+/settings/mutable' in account 'development' has mutable tags, so a concurrent push could move a tag", error.Message);
        Assert.Contains("--repository-name settings/mutable --image-tag-mutability IMMUTABLE", error.Message);
        Assert.EndsWith("or pass --immutable-tags false to accept mutable tags.", error.Message);

        var accepted = await _ecr.EnsureAsync(new EcrRepositorySettings("settings/mutable") { ImmutableTags = false }, "development");
        Assert.False(accepted.Created);
    }
}
