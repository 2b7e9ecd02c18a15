using Slipway.Versioning.GitFlow;

namespace Slipway.Versioning.Tests.GitFlow;

public class GitFlowBranchTest
{
    [Theory]
    [InlineData("main", BranchKind.Main, null, DeploymentEnvironment.Production)]
    [InlineData("master", BranchKind.Main, null, DeploymentEnvironment.Production)]
    [InlineData("develop", BranchKind.Develop, null, DeploymentEnvironment.Development)]
    [InlineData("refs/heads/feature/PAY-12", BranchKind.Feature, "PAY-12", DeploymentEnvironment.Development)]
    [InlineData("origin/features-x", BranchKind.Feature, "x", DeploymentEnvironment.Development)]
    [InlineData("bugfix/issue-543", BranchKind.Bugfix, "issue-543", DeploymentEnvironment.Development)]
    [InlineData("release/1.2.0", BranchKind.Release, "1.2.0", DeploymentEnvironment.Staging)]
    [InlineData("hotfix/1.2.1", BranchKind.Hotfix, "1.2.1", DeploymentEnvironment.Staging)]
    [InlineData("support/1.x", BranchKind.Support, "1.x", DeploymentEnvironment.None)]
    [InlineData("pull/42", BranchKind.PullRequest, "42", DeploymentEnvironment.None)]
    [InlineData("experiment", BranchKind.Other, null, DeploymentEnvironment.None)]
    public void TestClassify(string name, BranchKind kind, string? id, DeploymentEnvironment environment)
    {
        var branch = GitFlowBranch.Classify(name);
        Assert.Equal(kind, branch.Kind);
        Assert.Equal(id, branch.Id);
        Assert.Equal(environment, branch.DefaultEnvironment);
    }
}
