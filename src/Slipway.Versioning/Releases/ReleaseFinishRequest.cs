namespace Slipway.Versioning.Releases;

/// <summary>What <see cref="ReleaseFinisher.FinishAsync"/> finishes: a release or hotfix branch, the tag to make, and where to push.</summary>
/// <param name="RepositoryPath">A folder inside the git checkout.</param>
/// <param name="Branch">The branch to finish, <c>release/…</c> or <c>hotfix/…</c>.</param>
/// <param name="TagName">The tag to make: the configuration's tag prefix and the version, e.g. <c>v1.2.0</c>.</param>
public sealed record ReleaseFinishRequest(string RepositoryPath, string Branch, string TagName)
{
    /// <summary>The production branch; null picks <c>main</c>, or <c>master</c> when only that exists.</summary>
    public string? MainBranch { get; init; }

    /// <summary>The integration branch the tag is merged back into.</summary>
    public string DevelopBranch { get; init; } = "develop";

    /// <summary>The remote that must agree with the local branches and is pushed to; ignored when the repository has no such remote.</summary>
    public string Remote { get; init; } = "origin";

    /// <summary>Whether to push the two branches and the tag to <see cref="Remote"/> when it exists.</summary>
    public bool Push { get; init; } = true;

    /// <summary>The annotated tag's message; null gives "Release &lt;tag&gt;".</summary>
    public string? TagMessage { get; init; }

    /// <summary>Check and plan only: nothing is written, and the result lists the steps as planned.</summary>
    public bool DryRun { get; init; }
}
