using Slipway.Versioning.Git;

namespace Slipway.Versioning.Tests.Git;

public class CommitOriginTest
{
    [Fact]
    public async Task TestRead_GivesTheOriginWithoutCredentialsAndTheCommitterTime()
    {
        using var repository = new TestRepository();
        repository.MakeCommit();
        var committed = DateTimeOffset.FromUnixTimeSeconds(long.Parse(repository.Run("log", "-1", "--format=%ct"), System.Globalization.CultureInfo.InvariantCulture));
        repository.Run("remote", "add", "origin", "https://x-access-token:secret@github.com/acme/orders.git");

        var origin = await CommitOrigin.ReadAsync(repository.Path);

        Assert.Equal("https://github.com/acme/orders", origin.SourceAddress?.AbsoluteUri);
        Assert.Equal(committed, origin.CommitTime);
    }

    [Fact]
    public async Task TestRead_WithoutARemoteHasNoSource()
    {
        using var repository = new TestRepository();
        repository.MakeCommit();

        var origin = await CommitOrigin.ReadAsync(repository.Path);

        Assert.Null(origin.OriginUrl);
        Assert.Null(origin.SourceAddress);
        Assert.NotNull(origin.CommitTime);
    }

    [Fact]
    public async Task TestRead_OutsideARepositoryKnowsNothing()
    {
        var folder = Directory.CreateTempSubdirectory("slipway-no-git-").FullName;
        try
        {
            var origin = await CommitOrigin.ReadAsync(folder);
            Assert.Equal(new CommitOrigin(null, null), origin);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
