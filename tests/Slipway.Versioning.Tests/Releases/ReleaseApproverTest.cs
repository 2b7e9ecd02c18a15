using Slipway.Versioning.Releases;
using Slipway.Versioning.Tests.Git;

namespace Slipway.Versioning.Tests.Releases;

public sealed class ReleaseApproverTest : IDisposable
{
    private readonly TestRepository _repository = new();

    public void Dispose() => _repository.Dispose();

    [Fact]
    public async Task TestDefault_OnCodeBuild_TheInitiator()
    {
        var approver = await ReleaseApprover.DefaultAsync(_repository.Path, Environment(("CODEBUILD_INITIATOR", "codepipeline/orders-release"), ("USER", "build")));

        Assert.Equal("codepipeline/orders-release", approver);
    }

    [Fact]
    public async Task TestDefault_OnATerminal_TheGitUser()
    {
        var approver = await ReleaseApprover.DefaultAsync(_repository.Path, Environment(("USER", "someone")));

        Assert.Equal("Slipway Test <test@slipway.invalid>", approver);
    }

    [Fact]
    public async Task TestDefault_NoGitUser_TheLoginName()
    {
        // Set empty in the repository, which hides the machine's global user.name.
        _repository.Run("config", "user.name", "");

        Assert.Equal("someone", await ReleaseApprover.DefaultAsync(_repository.Path, Environment(("USER", "someone"))));
        Assert.Equal("unknown", await ReleaseApprover.DefaultAsync(_repository.Path, Environment()));
    }

    private static Dictionary<string, string?> Environment(params (string Name, string Value)[] variables) =>
        variables.ToDictionary(variable => variable.Name, variable => (string?)variable.Value);
}
