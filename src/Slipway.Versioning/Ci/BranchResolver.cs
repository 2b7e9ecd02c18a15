using System.Text.RegularExpressions;
using Slipway.Versioning.Configuration;
using Slipway.Versioning.Git;

namespace Slipway.Versioning.Ci;

/// <summary>Where the branch name of a build came from.</summary>
public sealed record ResolvedBranch(string Name, string Source);

/// <summary>
/// Finds the branch being built. Order: an explicit name, then CI variables (CodeBuild, GitHub Actions, GitLab, Jenkins, Azure Pipelines),
/// then the checked-out branch, then the single branch containing a detached HEAD; otherwise a clear error naming the parameter to set.
/// </summary>
public static partial class BranchResolver
{
    /// <summary>The branch named by CI variables, or null when none names one.</summary>
    public static ResolvedBranch? FromEnvironment(IReadOnlyDictionary<string, string?> environment)
    {
        string? Get(string name) => environment.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

        if (Get("CODEBUILD_BUILD_ID") is not null)
        {
            if (Get("CODEBUILD_WEBHOOK_HEAD_REF") is { } head && head.StartsWith("refs/heads/", StringComparison.Ordinal))
                return new ResolvedBranch(head["refs/heads/".Length..], "CODEBUILD_WEBHOOK_HEAD_REF");
            if (Get("CODEBUILD_SOURCE_VERSION") is { } source && BranchLike(source) is { } branch)
                return new ResolvedBranch(branch, "CODEBUILD_SOURCE_VERSION");
            return null;
        }

        if (Get("GITHUB_ACTIONS") is not null)
        {
            if (Get("GITHUB_HEAD_REF") is { } prHead)
                return new ResolvedBranch(prHead, "GITHUB_HEAD_REF");
            if (Get("GITHUB_REF") is { } reference)
            {
                if (reference.StartsWith("refs/heads/", StringComparison.Ordinal))
                    return new ResolvedBranch(reference["refs/heads/".Length..], "GITHUB_REF");
                if (PullRequestRef().Match(reference) is { Success: true } pr)
                    return new ResolvedBranch($"pull/{pr.Groups[1].Value}", "GITHUB_REF");
            }

            return null;
        }

        if (Get("GITLAB_CI") is not null)
            return Get("CI_COMMIT_TAG") is null && Get("CI_COMMIT_REF_NAME") is { } gitlab ? new ResolvedBranch(gitlab, "CI_COMMIT_REF_NAME") : null;

        if (Get("JENKINS_URL") is not null)
        {
            foreach (var name in new[] { "CHANGE_BRANCH", "BRANCH_NAME", "GIT_LOCAL_BRANCH", "GIT_BRANCH" })
            {
                if (Get(name) is { } jenkins)
                    return new ResolvedBranch(StripRemote(jenkins), name);
            }

            return null;
        }

        if (Get("TF_BUILD") is not null)
        {
            var azure = Get("SYSTEM_PULLREQUEST_SOURCEBRANCH") is { } prSource ? ("SYSTEM_PULLREQUEST_SOURCEBRANCH", prSource) : ("BUILD_SOURCEBRANCH", Get("BUILD_SOURCEBRANCH"));
            return azure.Item2 is { } value && value.StartsWith("refs/heads/", StringComparison.Ordinal)
                ? new ResolvedBranch(value["refs/heads/".Length..], azure.Item1)
                : null;
        }

        return null;
    }

    /// <summary>
    /// A CodeBuild source version read as a branch, or null: a commit id (40 hex), an S3 ARN (CodePipeline) and a tag are not branches;
    /// <c>refs/heads/</c> and a trailing <c>^{...}</c> are removed.
    /// </summary>
    public static string? BranchLike(string sourceVersion)
    {
        var value = sourceVersion.Trim();
        var caret = value.IndexOf("^{", StringComparison.Ordinal);
        if (caret >= 0)
            value = value[..caret];
        if (value.StartsWith("refs/tags/", StringComparison.Ordinal) || value.StartsWith("arn:", StringComparison.OrdinalIgnoreCase) || CommitId().IsMatch(value))
            return null;
        if (value.StartsWith("refs/heads/", StringComparison.Ordinal))
            value = value["refs/heads/".Length..];
        return value.Length == 0 ? null : value;
    }

    /// <summary>
    /// The branch of a detached HEAD. As GitVersion: the single branch containing it; with several or none, a HEAD that carries a stable
    /// version tag needs no branch (GitVersion's <c>(no branch)</c>, whose version is the tag's). Beyond GitVersion, which versions any other
    /// detached HEAD as <c>(no branch)</c>: the single branch whose tip is HEAD, else an error asking for the branch.
    /// </summary>
    internal static ResolvedBranch ForDetachedHead(GitRepository repository, Commit head, GitVersionConfiguration configuration)
    {
        var containing = repository.BranchesContaining(head).ToList();
        var names = containing.Select(x => BranchMatcher.ShortName(x.FriendlyName)).Distinct(StringComparer.Ordinal).ToList();
        if (names.Count == 1)
            return new ResolvedBranch(names[0], "the only branch containing the detached HEAD");
        var tag = repository.Tags
            .Where(x => x.Target == head)
            .FirstOrDefault(x => SemanticVersion.TryParse(x.FriendlyName, configuration.TagPrefix, configuration.SemanticVersionFormat, out var version) && !version!.IsPreRelease);
        if (tag is not null)
            return new ResolvedBranch(NoBranch, $"the detached HEAD's version tag '{tag.FriendlyName}'");
        var atHead = containing.Where(x => x.Target == head).Select(x => BranchMatcher.ShortName(x.FriendlyName)).Distinct(StringComparer.Ordinal).ToList();
        if (atHead.Count == 1)
            return new ResolvedBranch(atHead[0], "the only branch whose tip is the detached HEAD");
        throw new VersioningException(
            $"HEAD ({head.ShortSha}) is detached and {(names.Count == 0 ? "no branch contains it" : $"several branches contain it ({string.Join(", ", atHead.Count > 0 ? atHead : names)})")}, " +
            "so the branch being built is unknown. Pass the branch explicitly (slipway version --branch NAME, or the build's --branch parameter).");
    }

    /// <summary>GitVersion's branch name for a detached HEAD it cannot place on one branch.</summary>
    public const string NoBranch = "(no branch)";

    private static string StripRemote(string branch) => branch.StartsWith("origin/", StringComparison.Ordinal) ? branch["origin/".Length..] : branch;

    [GeneratedRegex("^[0-9a-fA-F]{40}([0-9a-fA-F]{24})?$")]
    private static partial Regex CommitId();

    [GeneratedRegex(@"^refs/pull/(\d+)/(merge|head)$")]
    private static partial Regex PullRequestRef();
}
