using Slipway.Versioning.Releases;

namespace Slipway.Versioning.Tests.Releases;

public sealed partial class ReleaseFinisherTest
{
    [Fact]
    public async Task TestFinish_PushRefused_RunAgainOnlyPushes()
    {
        using var repository = new ReleaseRepository();
        var hook = Path.Combine(repository.RemotePath, "hooks", "pre-receive");
        File.WriteAllText(hook, "#!/bin/sh\necho 'main is protected' >&2\nexit 1\n");
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(hook, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var remoteBefore = repository.Remote("for-each-ref");

        var refused = await Assert.ThrowsAsync<ReleaseFinishException>(() => repository.FinishAsync());
        Assert.Contains("Remote 'origin' refused", refused.Message, StringComparison.Ordinal);
        Assert.Contains("main is protected", refused.Message, StringComparison.Ordinal);
        Assert.Equal(remoteBefore, repository.Remote("for-each-ref"));
        var local = repository.Work.Run("for-each-ref", "refs/heads", "refs/tags");

        File.Delete(hook);
        var result = await repository.FinishAsync();

        Assert.Equal(
            [ReleaseStepOutcome.AlreadyDone, ReleaseStepOutcome.AlreadyDone, ReleaseStepOutcome.AlreadyDone, ReleaseStepOutcome.Done],
            result.Steps.Select(step => step.Outcome));
        Assert.Equal(local, repository.Work.Run("for-each-ref", "refs/heads", "refs/tags"));
        Assert.Equal(repository.Work.Sha("develop"), repository.Remote("rev-parse", "develop"));
        Assert.Equal(repository.Work.Run("rev-parse", "v1.2.0"), repository.Remote("rev-parse", "refs/tags/v1.2.0"));
    }

    [Fact]
    public async Task TestFinish_MergedAndTaggedByHand_FinishesTheRest()
    {
        using var repository = new ReleaseRepository();
        var git = repository.Work;
        git.Checkout("main");
        var merge = git.Merge(ReleaseRepository.Branch);
        git.Tag(ReleaseRepository.Tag, annotated: true, message: "By hand");
        var tagObject = git.Run("rev-parse", "refs/tags/v1.2.0");
        git.Checkout(ReleaseRepository.Branch);

        var result = await repository.FinishAsync();

        Assert.Equal(
            [ReleaseStepOutcome.AlreadyDone, ReleaseStepOutcome.AlreadyDone, ReleaseStepOutcome.Done, ReleaseStepOutcome.Done],
            result.Steps.Select(step => step.Outcome));
        Assert.Equal(merge, git.Sha("main"));
        Assert.Equal(tagObject, git.Run("rev-parse", "refs/tags/v1.2.0"));
        Assert.Equal(merge, git.Sha("develop^2"));
        Assert.Equal(tagObject, repository.Remote("rev-parse", "refs/tags/v1.2.0"));
    }
}
