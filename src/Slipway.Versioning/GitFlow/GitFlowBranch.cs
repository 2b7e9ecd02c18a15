using System.Text.RegularExpressions;

namespace Slipway.Versioning.GitFlow;

/// <summary>The kinds of branch in git-flow.</summary>
public enum BranchKind
{
    /// <summary><c>main</c> or <c>master</c>: production.</summary>
    Main,

    /// <summary><c>develop</c>: integration.</summary>
    Develop,

    /// <summary><c>feature/ID</c>.</summary>
    Feature,

    /// <summary><c>bugfix/ID</c>.</summary>
    Bugfix,

    /// <summary><c>release/VERSION</c>.</summary>
    Release,

    /// <summary><c>hotfix/ID</c>.</summary>
    Hotfix,

    /// <summary><c>support/NAME</c>.</summary>
    Support,

    /// <summary><c>pull/N</c>, <c>pr/N</c>, <c>pull-requests/N</c>.</summary>
    PullRequest,

    /// <summary>Anything else.</summary>
    Other,
}

/// <summary>The AWS environment a branch's images deploy to.</summary>
public enum GitFlowEnvironment
{
    /// <summary>Not deployed.</summary>
    None,

    /// <summary>Feature and develop builds.</summary>
    Development,

    /// <summary>Release and hotfix candidates.</summary>
    Staging,

    /// <summary>Promoted images.</summary>
    Production,
}

/// <summary>A branch classified by git-flow: its kind and, for feature, bugfix, release, hotfix and support branches, the id after the prefix.</summary>
public sealed partial record GitFlowBranch(string Name, BranchKind Kind, string? Id)
{
    /// <summary>Classifies a branch name (<c>refs/heads/</c> and <c>origin/</c> are ignored), with GitVersion's default GitFlow patterns.</summary>
    public static GitFlowBranch Classify(string branchName)
    {
        var name = Configuration.BranchMatcher.ShortName(branchName);
        foreach (var (pattern, kind) in Patterns)
        {
            var match = pattern.Match(name);
            if (match.Success)
                return new GitFlowBranch(name, kind, match.Groups["id"].Success ? match.Groups["id"].Value : null);
        }

        return new GitFlowBranch(name, BranchKind.Other, null);
    }

    /// <summary>The default environment of the kind: feature, bugfix and develop to development; release and hotfix to staging; main to production; others none.</summary>
    public GitFlowEnvironment DefaultEnvironment => Kind switch
    {
        BranchKind.Feature or BranchKind.Bugfix or BranchKind.Develop => GitFlowEnvironment.Development,
        BranchKind.Release or BranchKind.Hotfix => GitFlowEnvironment.Staging,
        BranchKind.Main => GitFlowEnvironment.Production,
        _ => GitFlowEnvironment.None,
    };

    private static readonly (Regex Pattern, BranchKind Kind)[] Patterns =
    [
        (new Regex("^(main|master)$", RegexOptions.IgnoreCase), BranchKind.Main),
        (new Regex("^dev(elop)?(ment)?$", RegexOptions.IgnoreCase), BranchKind.Develop),
        (new Regex(@"^releases?[\/-](?<id>.+)", RegexOptions.IgnoreCase), BranchKind.Release),
        (new Regex(@"^features?[\/-](?<id>.+)", RegexOptions.IgnoreCase), BranchKind.Feature),
        (new Regex(@"^bugfix(es)?[\/-](?<id>.+)", RegexOptions.IgnoreCase), BranchKind.Bugfix),
        (new Regex(@"^(pull-requests|pull|pr)[\/-](?<id>\d*)", RegexOptions.IgnoreCase), BranchKind.PullRequest),
        (new Regex(@"^hotfix(es)?[\/-](?<id>.+)", RegexOptions.IgnoreCase), BranchKind.Hotfix),
        (new Regex(@"^support[\/-](?<id>.+)", RegexOptions.IgnoreCase), BranchKind.Support),
    ];
}
