using Slipway.Versioning.GitFlow;

namespace Slipway.Versioning.Tests.GitFlow;

public class GitFlowBranchTest
{
    [Theory]
    [InlineData("main", BranchKind.Main, null, GitFlowEnvironment.Production)]
    [InlineData("master", BranchKind.Main, null, GitFlowEnvironment.Production)]
    [InlineData("develop", BranchKind.Develop, null, GitFlowEnvironment.Development)]
    [InlineData("refs/heads/feature/PAY-12", BranchKind.Feature, "PAY-12", GitFlowEnvironment.Development)]
    [InlineData("origin/features-x", BranchKind.Feature, "x", GitFlowEnvironment.Development)]
    [InlineData("bugfix/issue-543", BranchKind.Bugfix, "issue-543", GitFlowEnvironment.Development)]
    [InlineData("release/1.2.0", BranchKind.Release, "1.2.0", GitFlowEnvironment.Staging)]
    [InlineData("hotfix/1.2.1", BranchKind.Hotfix, "1.2.1", GitFlowEnvironment.Staging)]
    [InlineData("support/1.x", BranchKind.Support, "1.x", GitFlowEnvironment.None)]
    [InlineData("pull/42", BranchKind.PullRequest, "42", GitFlowEnvironment.None)]
    [InlineData("experiment", BranchKind.Other, null, GitFlowEnvironment.None)]
    public void TestClassify(string name, BranchKind kind, string? id, GitFlowEnvironment environment)
    {
        var branch = GitFlowBranch.Classify(name);
        Assert.Equal(kind, branch.Kind);
        Assert.Equal(id, branch.Id);
        Assert.Equal(environment, branch.DefaultEnvironment);
    }
}
