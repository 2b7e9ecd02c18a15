using Slipway.Versioning.Git;

namespace Slipway.Versioning.Tests.Git;

// Graph queries on a merge-heavy history, each checked against what the git CLI answers for the same commits.
public partial class GitRepositoryTest(MergeHeavyHistory history) : IClassFixture<MergeHeavyHistory>
{
    [Fact]
    public async Task TestIsAncestor_MatchesGitForEveryPair()
    {
        var repository = await history.Repository.OpenAsync();

        foreach (var (toName, to) in history.Commits)
        {
            var reachable = GitLines("rev-list", to).ToHashSet();
            foreach (var (fromName, from) in history.Commits)
            {
                Assert.True(
                    reachable.Contains(from) == repository.IsAncestor(Find(repository, from), Find(repository, to)),
                    $"IsAncestor({fromName}, {toName}) should be {reachable.Contains(from)}");
            }
        }
    }

    [Fact]
    public async Task TestFirstChildBetween_IsTheFirstCommitBetweenThatHasTheParentForEveryPair()
    {
        var repository = await history.Repository.OpenAsync();
        var several = 0;

        foreach (var (toName, to) in history.Commits)
        {
            foreach (var (parentName, parent) in history.Commits)
            {
                var parentCommit = Find(repository, parent);
                var expected = repository.CommitsBetween(parentCommit, Find(repository, to)).FirstOrDefault(x => x.Parents.Contains(parentCommit));
                Assert.True(
                    Equals(expected, repository.FirstChildBetween(parentCommit, Find(repository, to))),
                    $"FirstChildBetween({parentName}, {toName}) should be {expected?.ShortSha ?? "none"}");
                several += repository.CommitsBetween(parentCommit, Find(repository, to)).Count(x => x.Parents.Contains(parentCommit)) > 1 ? 1 : 0;
            }
        }

        Assert.True(several > 0, "the history should have a pair where several children of the parent lead to the tip");
    }

    [Fact]
    public async Task TestIsAncestor_SameCommitIsItsOwnAncestor()
    {
        var repository = await history.Repository.OpenAsync();

        Assert.True(repository.IsAncestor(repository.Head!, repository.Head!));
    }

    [Fact]
    public async Task TestCommitsBetween_MatchesGitRevListInOrderAndContent()
    {
        var repository = await history.Repository.OpenAsync();

        foreach (var (fromName, toName) in SampledPairs())
        {
            var range = fromName is null ? history.Commits[toName] : $"{history.Commits[fromName]}..{history.Commits[toName]}";
            var expected = GitLines("rev-list", range);
            var from = fromName is null ? null : Find(repository, history.Commits[fromName]);
            var to = Find(repository, history.Commits[toName]);

            var between = repository.CommitsBetween(from, to).Select(commit => commit.Sha).ToArray();

            Assert.True(expected.SequenceEqual(between), $"CommitsBetween({fromName}, {toName}) differs from 'git rev-list {range}'");
            Assert.Equal(expected.Length, repository.CountCommits(from, to));
        }
    }

    [Theory]
    [InlineData(null, "develop-tip")]
    [InlineData("initial", "develop-tip")]
    [InlineData("merge-release", "develop-tip")]
    [InlineData("feature-b-update", "merge-hotfix")]
    [InlineData("x-merge", "y-merge")]
    [InlineData("develop-tip", "initial")]
    public async Task TestCountCommits_EqualsGitRevListCount(string? fromName, string toName)
    {
        var repository = await history.Repository.OpenAsync();
        var to = history.Commits[toName];
        var range = fromName is null ? to : $"{history.Commits[fromName]}..{to}";

        var count = repository.CountCommits(fromName is null ? null : Find(repository, history.Commits[fromName]), Find(repository, to));

        Assert.Equal(int.Parse(history.Repository.Run("rev-list", "--count", range)), count);
    }

    [Fact]
    public async Task TestMergeBase_MatchesGitMergeBase()
    {
        var repository = await history.Repository.OpenAsync();

        foreach (var (oneName, otherName) in SampledPairs().Where(pair => pair.From is not null))
        {
            var (one, other) = (history.Commits[oneName!], history.Commits[otherName]);

            var mergeBase = repository.MergeBase(Find(repository, one), Find(repository, other));

            Assert.True(
                history.Repository.Run("merge-base", one, other) == mergeBase?.Sha,
                $"MergeBase({oneName}, {otherName}) should be what 'git merge-base' says");
        }
    }

    [Fact]
    public async Task TestMergeBase_CrissCrossPicksTheBestBaseGitPicks()
    {
        var repository = await history.Repository.OpenAsync();
        var (x, y) = (history.Commits["x-2"], history.Commits["y-merge"]);
        var bestBases = GitLines("merge-base", "--all", x, y);

        var forward = repository.MergeBase(Find(repository, x), Find(repository, y));
        var backward = repository.MergeBase(Find(repository, y), Find(repository, x));

        Assert.Equal(new[] { history.Commits["x-1"], history.Commits["y-1"] }.Order(), bestBases.Order());
        Assert.Equal(history.Commits["y-1"], forward?.Sha); // the newer of the two, as git picks
        Assert.Equal(history.Repository.Run("merge-base", x, y), forward?.Sha);
        Assert.Equal(history.Repository.Run("merge-base", y, x), backward?.Sha);
        Assert.Equal(forward, backward);
    }

    [Fact]
    public async Task TestBranchesContaining_MatchesGitBranchContains()
    {
        var repository = await history.Repository.OpenAsync();

        foreach (var (name, sha) in history.Commits)
        {
            var expected = GitLines("branch", "--contains", sha, "--format=%(refname)");

            var branches = repository.BranchesContaining(Find(repository, sha)).Select(branch => branch.CanonicalName).ToArray();

            Assert.True(expected.SequenceEqual(branches), $"BranchesContaining({name}): expected {string.Join(", ", expected)}; got {string.Join(", ", branches)}");
        }
    }

    [Fact]
    public async Task TestFindCommit_FullAbbreviatedAndUpperCaseShas()
    {
        var repository = await history.Repository.OpenAsync();
        var sha = history.Commits["merge-a"];

        Assert.Equal(sha, repository.FindCommit(sha)?.Sha);
        Assert.Equal(sha, repository.FindCommit(sha[..7])?.Sha);
        Assert.Equal(sha, repository.FindCommit(sha[..10].ToUpperInvariant())?.Sha);
        Assert.Null(repository.FindCommit(new string('0', 40)));
        Assert.Null(repository.FindCommit(sha[..3]));
        Assert.Null(repository.FindCommit("develop"));
    }

    [Fact]
    public async Task TestCommit_ParentsAreInGitOrder()
    {
        var repository = await history.Repository.OpenAsync();

        var merge = Find(repository, history.Commits["merge-a"]);

        Assert.True(merge.IsMerge);
        Assert.Equal([history.Commits["develop-2"], history.Commits["feature-a"]], merge.Parents.Select(parent => parent.Sha));
        Assert.Empty(Find(repository, history.Commits["initial"]).Parents);
    }

    // Every commit from the start of history, then about a fifth of the ordered pairs of named commits.
    private IEnumerable<(string? From, string To)> SampledPairs()
    {
        var names = history.Commits.Keys.ToArray();
        for (var to = 0; to < names.Length; to++)
        {
            yield return (null, names[to]);
            for (var from = 0; from < names.Length; from++)
            {
                if ((from * 7 + to) % 5 == 0)
                    yield return (names[from], names[to]);
            }
        }
    }

    private string[] GitLines(params string[] arguments) =>
        history.Repository.Run(arguments).Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private static Commit Find(GitRepository repository, string sha) =>
        repository.FindCommit(sha) ?? throw new InvalidOperationException($"Commit {sha} was not loaded.");
}
